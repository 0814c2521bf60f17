#!/usr/bin/env python3
"""Draws the app icon, assets/icon.png (256x256 RGBA): a latent scatter of five coloured clusters inside the prior's
1- and 2-sigma circles, on a dark rounded square. Pure standard library (zlib PNG); run once: python3 make_icon.py"""
import math, os, random, struct, zlib

N = 256
img = [[(0, 0, 0, 0)] * N for _ in range(N)]


def blend(x, y, rgb, a):
    if 0 <= x < N and 0 <= y < N and a > 0:
        r, g, b, a0 = img[y][x]
        a = min(1.0, a)
        out = a + a0 / 255 * (1 - a)
        if out == 0:
            return
        mix = lambda c, c0: int(round((c * a + c0 * a0 / 255 * (1 - a)) / out))
        img[y][x] = (mix(rgb[0], r), mix(rgb[1], g), mix(rgb[2], b), int(round(out * 255)))


# background: rounded square, radius 44, dark blue-grey
R = 44
for y in range(N):
    for x in range(N):
        dx = max(R - x, 0, x - (N - 1 - R)); dy = max(R - y, 0, y - (N - 1 - R))
        d = math.hypot(dx, dy)
        if d <= R + 0.5:
            blend(x, y, (28, 34, 48), min(1.0, R + 0.5 - d))

c = N / 2
for radius, alpha in ((52, 0.55), (100, 0.35)):  # the prior's 1 and 2 sigma circles
    for y in range(N):
        for x in range(N):
            d = abs(math.hypot(x - c, y - c) - radius)
            if d < 1.6:
                blend(x, y, (200, 205, 215), alpha * (1.6 - d) / 1.6)

rng = random.Random(1)
clusters = [((-40, -38), (230, 97, 78)), ((42, -30), (86, 180, 233)), ((-8, 42), (120, 200, 110)),
            ((52, 44), (240, 190, 70)), ((-58, 22), (190, 120, 220))]
for (mx, my), rgb in clusters:
    for _ in range(70):
        px, py = c + mx + rng.gauss(0, 13), c + my + rng.gauss(0, 13)
        for y in range(int(py) - 5, int(py) + 6):
            for x in range(int(px) - 5, int(px) + 6):
                d = math.hypot(x - px, y - py)
                if d < 4.2:
                    blend(x, y, rgb, 0.85 * min(1.0, 4.2 - d))


def png(path):
    raw = b''.join(b'\x00' + bytes(v for p in row for v in p) for row in img)
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', N, N, 8, 6, 0, 0, 0)) \
        + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    with open(path, 'wb') as f:
        f.write(data)


png(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'assets', 'icon.png'))
