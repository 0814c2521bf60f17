package vaeexplorer.core.data.idx;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

import vaeexplorer.core.data.DataProblem;

/**
 * Decompresses gzip data strictly, unlike {@link java.util.zip.GZIPInputStream} which silently ignores bytes after the
 * end of the compressed data. Concatenated gzip members are allowed (RFC 1952); anything else after the last member,
 * a bad header, corrupt deflate data, a checksum or length mismatch, or data that ends early is reported as a
 * {@link ZipException} with a plain message. Other {@link IOException}s come from the underlying stream.
 */
final class StrictGzipInputStream extends InputStream {
    private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16, RESERVED = 0xE0;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos, limit;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private boolean inMember, done, closed;
    private int members;

    StrictGzipInputStream(InputStream in) {
        this.in = in;
    }

    /** True when the two bytes are the gzip magic number (0x1f 0x8b). */
    static boolean isGzipMagic(int b0, int b1) {
        return b0 == 0x1f && b1 == 0x8b;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) throw new IOException("stream closed");
        if (len == 0) return 0;
        while (true) {
            if (done) return -1;
            if (!inMember && !startMember()) {
                done = true;
                return -1;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw e.getMessage() == null ? new GzipDataException(DataProblem.GZIP_CORRUPT)
                        : new GzipDataException(DataProblem.GZIP_CORRUPT_DETAIL, e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                finishMember();
            } else if (inflater.needsDictionary()) {
                throw new GzipDataException(DataProblem.GZIP_PRESET_DICTIONARY);
            } else if (inflater.needsInput()) {
                if (!fill()) throw new GzipDataException(DataProblem.GZIP_TRUNCATED);
                inflater.setInput(buf, pos, limit - pos);
                pos = limit;
            }
        }
    }

    /** Reads a member header; false at a clean end of input after at least one member. */
    private boolean startMember() throws IOException {
        if (pos == limit && !fill()) {
            if (members == 0) throw new GzipDataException(DataProblem.EMPTY_FILE);
            return false;
        }
        int id1 = nextByte(), id2 = nextByte();
        if (!isGzipMagic(id1, id2)) {
            if (members == 0) throw new GzipDataException(DataProblem.NOT_GZIP);
            throw new GzipDataException(DataProblem.GZIP_TRAILING);
        }
        if (nextByte() != 8) throw new GzipDataException(DataProblem.GZIP_UNSUPPORTED_METHOD);
        int flags = nextByte();
        if ((flags & RESERVED) != 0) throw new GzipDataException(DataProblem.GZIP_BAD_HEADER);
        skip(6); // mtime, extra flags, OS
        if ((flags & FEXTRA) != 0) skip(nextByte() | nextByte() << 8);
        if ((flags & FNAME) != 0) skipZeroTerminated();
        if ((flags & FCOMMENT) != 0) skipZeroTerminated();
        if ((flags & FHCRC) != 0) skip(2);
        inflater.reset();
        crc.reset();
        if (pos < limit) {
            inflater.setInput(buf, pos, limit - pos);
            pos = limit;
        }
        inMember = true;
        members++;
        return true;
    }

    private void finishMember() throws IOException {
        pos = limit - inflater.getRemaining();
        long storedCrc = readIntLE(), storedSize = readIntLE();
        if (storedCrc != crc.getValue()) throw new GzipDataException(DataProblem.GZIP_CHECKSUM);
        if (storedSize != (inflater.getBytesWritten() & 0xFFFFFFFFL))
            throw new GzipDataException(DataProblem.GZIP_LENGTH);
        inMember = false;
    }

    private long readIntLE() throws IOException {
        return (nextByte() | nextByte() << 8 | nextByte() << 16 | (long) nextByte() << 24) & 0xFFFFFFFFL;
    }

    private void skipZeroTerminated() throws IOException {
        while (nextByte() != 0) {
            // skip
        }
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) nextByte();
    }

    private int nextByte() throws IOException {
        if (pos == limit && !fill()) throw new GzipDataException(DataProblem.GZIP_TRUNCATED);
        return buf[pos++] & 0xFF;
    }

    /** Refills the empty buffer; false at end of input. */
    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) return false;
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        inflater.end();
        in.close();
    }
}
