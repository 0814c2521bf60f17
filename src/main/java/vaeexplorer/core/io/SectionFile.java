package vaeexplorer.core.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The container of VAE Explorer's model and session files: named sections of bytes, versioned, with a checksum.
 * <pre>
 * "VAEX"  magic (4 bytes)
 * u32     format version
 * u32     number of sections
 * per section: u16 name length, name (UTF-8), u64 length, bytes
 * u32     CRC-32 of everything before it
 * </pre>
 * Big-endian. A model file has the sections "config" and "params"; a session file adds more. Files are written
 * atomically ({@link AtomicFiles}); readers open only regular files, check the magic and version before reading the
 * file, the checksum before anything else, and every length against what is left before allocating.
 */
public final class SectionFile {
    public static final byte[] MAGIC = {'V', 'A', 'E', 'X'};
    /** The format version this program writes and the newest it reads. */
    public static final int VERSION = 1;
    /** Files larger than this are refused (no model of this program comes close). */
    public static final long MAX_FILE_BYTES = 1L << 31;

    private SectionFile() {}

    /**
     * A section whose bytes are made while the file is written, so that a large one (the parameters, the optimiser
     * state) is never held in memory a second time as bytes: its length is known first, then {@code bytes} writes
     * exactly that many.
     */
    public record Body(long length, AtomicFiles.Writer bytes) {
        public Body {
            if (length < 0) throw new IllegalArgumentException("a section's length must not be negative, got " + length);
        }

        /** A section already held as bytes. */
        public static Body of(byte[] b) {
            return new Body(b.length, out -> out.write(b));
        }
    }

    public static void write(Path file, Map<String, byte[]> sections) throws IOException {
        writeBodies(file, bodies(sections));
    }

    /** Writes a file (atomically) whose sections are made while it is written. */
    public static void writeBodies(Path file, Map<String, Body> sections) throws IOException {
        AtomicFiles.write(file, out -> writeBodies(out, sections));
    }

    public static void write(OutputStream raw, Map<String, byte[]> sections) throws IOException {
        writeBodies(raw, bodies(sections));
    }

    private static Map<String, Body> bodies(Map<String, byte[]> sections) {
        Map<String, Body> b = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> s : sections.entrySet()) b.put(s.getKey(), Body.of(s.getValue()));
        return b;
    }

    public static void writeBodies(OutputStream raw, Map<String, Body> sections) throws IOException {
        CRC32 crc = new CRC32();
        OutputStream checked = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                crc.update(b);
                raw.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                crc.update(b, off, len);
                raw.write(b, off, len);
            }
        };
        DataOutputStream out = new DataOutputStream(checked);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(sections.size());
        long[] written = new long[1];
        OutputStream counted = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                written[0]++;
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written[0] += len;
                out.write(b, off, len);
            }
        };
        for (Map.Entry<String, Body> s : sections.entrySet()) {
            byte[] name = s.getKey().getBytes(StandardCharsets.UTF_8);
            out.writeShort(name.length);
            out.write(name);
            out.writeLong(s.getValue().length());
            written[0] = 0;
            s.getValue().bytes().write(counted);
            if (written[0] != s.getValue().length())
                throw new IllegalStateException("section " + s.getKey() + " wrote " + written[0] + " bytes but declared "
                        + s.getValue().length());
        }
        out.flush();
        new DataOutputStream(raw).writeInt((int) crc.getValue());
        raw.flush();
    }

    /** Reads and checks a whole file; the map keeps the sections' order. */
    public static Map<String, byte[]> read(Path file) throws FileFormatException {
        byte[] bytes;
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile())
                throw new FileFormatException(FileProblem.UNREADABLE, file, "not a regular file: a folder, FIFO or device");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                // check the magic before reading the whole file: a large file of anything else is refused at once
                ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4);
                while (head.hasRemaining() && ch.read(head) >= 0) {
                    // fill the head
                }
                if (size >= MAGIC.length + 12) checkHead(file.toString(), head.array(), head.position()); // else: too short
                if (size > MAX_FILE_BYTES) throw new FileFormatException(FileProblem.TOO_LARGE, file, size);
                // the checksum before the file is held in memory: a large file that only starts like ours (a valid
                // head, then anything) is refused after one pass through a small buffer, not after allocating its size
                if (size >= MAGIC.length + 12) checkSum(file, ch, size);
                bytes = new byte[(int) size];
                ByteBuffer all = ByteBuffer.wrap(bytes);
                ch.position(0);
                while (all.hasRemaining() && ch.read(all) >= 0) {
                    // read it all
                }
                if (all.hasRemaining()) throw new FileFormatException(FileProblem.SECTION_PAST_END, file);
            }
        } catch (NoSuchFileException e) {
            throw new FileFormatException(FileProblem.NO_SUCH_FILE, file);
        } catch (IOException e) {
            throw new FileFormatException(e, FileProblem.UNREADABLE, file, e.getMessage());
        }
        return parse(file.toString(), bytes);
    }

    /** The CRC-32 of all but the last 4 bytes against those 4, read through a small buffer. */
    private static void checkSum(Path file, FileChannel ch, long size) throws IOException, FileFormatException {
        CRC32 crc = new CRC32();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        ch.position(0);
        long left = size - 4;
        while (left > 0) {
            buf.clear().limit((int) Math.min(buf.capacity(), left));
            int n = ch.read(buf);
            if (n < 0) throw new FileFormatException(FileProblem.SECTION_PAST_END, file);
            crc.update(buf.array(), 0, n);
            left -= n;
        }
        ByteBuffer stored = ByteBuffer.allocate(4);
        while (stored.hasRemaining() && ch.read(stored) >= 0) {
            // the stored checksum
        }
        if (stored.hasRemaining() || (int) crc.getValue() != stored.getInt(0))
            throw new FileFormatException(FileProblem.CHECKSUM, file);
    }

    /** Checks the magic and version in the first {@code got} bytes, as far as they go. */
    private static void checkHead(String where, byte[] head, int got) throws FileFormatException {
        for (int i = 0; i < Math.min(got, MAGIC.length); i++)
            if (head[i] != MAGIC[i]) throw new FileFormatException(FileProblem.NOT_VAE_EXPLORER, where);
        if (got < MAGIC.length + 4) return; // too short: parse says so
        int version = ByteBuffer.wrap(head, MAGIC.length, 4).getInt();
        if (version > VERSION) throw new FileFormatException(FileProblem.NEWER_VERSION, where, version, VERSION);
    }

    /** Parses the bytes of a file; {@code where} names it in messages. */
    public static Map<String, byte[]> parse(String where, byte[] bytes) throws FileFormatException {
        if (bytes.length < MAGIC.length + 12)
            throw new FileFormatException(FileProblem.TOO_SHORT, where, bytes.length);
        for (int i = 0; i < MAGIC.length; i++)
            if (bytes[i] != MAGIC[i]) throw new FileFormatException(FileProblem.NOT_VAE_EXPLORER, where);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(MAGIC.length);
        int version = in.getInt();
        if (version > VERSION)
            throw new FileFormatException(FileProblem.NEWER_VERSION, where, version, VERSION);
        if (version < 1) throw new FileFormatException(FileProblem.UNKNOWN_VERSION, where, version);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored)
            throw new FileFormatException(FileProblem.CHECKSUM, where);
        int count = in.getInt();
        if (count < 0 || count > 1000) throw new FileFormatException(FileProblem.DAMAGED_HEADER, where, count);
        Map<String, byte[]> sections = new LinkedHashMap<>();
        int end = bytes.length - 4;
        for (int s = 0; s < count; s++) {
            if (end - in.position() < 2) throw truncated(where);
            int nameLength = in.getShort() & 0xFFFF;
            if (end - in.position() < nameLength + 8L) throw truncated(where);
            byte[] name = new byte[nameLength];
            in.get(name);
            long length = in.getLong();
            if (length < 0 || length > end - in.position()) throw truncated(where);
            byte[] body = new byte[(int) length];
            in.get(body);
            sections.put(new String(name, StandardCharsets.UTF_8), body);
        }
        if (in.position() != end)
            throw new FileFormatException(FileProblem.TRAILING_BYTES, where, end - in.position());
        return sections;
    }

    private static FileFormatException truncated(String where) {
        return new FileFormatException(FileProblem.SECTION_PAST_END, where);
    }

    /** Bytes of a small UTF-8 text section. */
    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A writer for a binary section. */
    public static final class Builder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        public final DataOutputStream out = new DataOutputStream(bytes);

        public byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
