package vaeexplorer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Destinations that are not ordinary: special files, long names, unwritable folders, failing disks, leftovers. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private static void save(Path f, String text) throws IOException {
        AtomicFiles.write(f, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDeviceIsRefusedAndLeftAsItIs() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "a /dev/null device");
        IOException e = assertThrows(IOException.class, () -> save(devNull, "x"));
        assertTrue(e.getMessage().startsWith("/dev/null: is not a regular file"), e.getMessage());
        assertFalse(Files.isRegularFile(devNull), "still a device");
    }

    @Test
    void aFifoAndAFolderAreRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out.bin"));
        IOException e = assertThrows(IOException.class, () -> save(folder, "x"));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        assertTrue(e.getMessage().startsWith(folder.toString()), e.getMessage());
        Path fifo = dir.resolve("pipe.bin");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException none) {
            made = false;
        }
        if (made) {
            IOException f = assertThrows(IOException.class, () -> save(fifo, "x"));
            assertTrue(f.getMessage().contains("not a regular file"), f.getMessage());
            assertFalse(Files.isRegularFile(fifo));
        }
        assertEquals(made ? List.of("out.bin", "pipe.bin") : List.of("out.bin"), names());
    }

    @Test
    void theLongestLegalNamesCanBeSaved() throws Exception {
        for (String name : List.of("m".repeat(240) + ".bin", "n".repeat(255), "é".repeat(127))) {
            Path f = dir.resolve(name);
            save(f, "model");
            save(f, "model 2");
            assertEquals("model 2", Files.readString(f));
        }
        assertEquals(3, names().size(), "no temporary files left: " + names());
    }

    @Test
    void aNameTooLongIsRefusedInWords() {
        IOException e = assertThrows(IOException.class, () -> save(dir.resolve("x".repeat(256)), "x"));
        assertTrue(e.getMessage().contains("longer than 255 bytes"), e.getMessage());
    }

    @Test
    void aMissingOrUnwritableFolderNamesTheUsersFileAndTheReason() throws Exception {
        Path missing = dir.resolve("nope/model.bin");
        IOException e = assertThrows(IOException.class, () -> save(missing, "x"));
        assertEquals(missing + ": cannot be saved (the folder " + dir.resolve("nope") + " does not exist)", e.getMessage());
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path f = locked.resolve("model.bin");
        try {
            // root may write anywhere: then the refusal cannot be provoked, and the wording of the system's one is
            // checked below only
            if (!Files.isWritable(locked)) {
                IOException u = assertThrows(IOException.class, () -> save(f, "x"));
                assertTrue(u.getMessage().startsWith(f + ": cannot be saved (permission denied"), u.getMessage());
                assertFalse(u.getMessage().contains(".tmp"), u.getMessage());
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // the system's refusal of the temporary file is told as the user's file's, with the reason
        IOException denied = AtomicFiles.failed(f, new java.nio.file.AccessDeniedException(locked.resolve(".model.bin.1234.tmp").toString()));
        assertEquals(f + ": cannot be saved (permission denied: the folder " + locked + " is not writable)", denied.getMessage());
        assertTrue(denied instanceof java.nio.file.AccessDeniedException, "the kind is kept for the UI's wording");
    }

    @Test
    void aFullDiskNamesTheUsersFileAndTheReasonAndKeepsTheOldFile() throws Exception {
        Path f = dir.resolve("model.bin");
        save(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[100]);
            throw new IOException("No space left on device");
        }));
        assertEquals(f + ": cannot be saved (No space left on device)", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("model.bin"), names());
    }

    @Test
    void leftoversOfAKilledSaveAreRemovedByTheNextSaveButNotOthersFiles() throws Exception {
        Path f = dir.resolve("model.bin");
        // what saves killed mid-write leave: this version's names and the older createTempFile names
        Path left1 = Files.writeString(dir.resolve(".model.bin.k3j9x0qa.tmp"), "half");
        Path left2 = Files.writeString(dir.resolve(".model.bin.8812736412.tmp"), "half");
        Path otherTarget = Files.writeString(dir.resolve(".other.bin.k3j9x0qa.tmp"), "someone else's");
        Path notOurs = Files.writeString(dir.resolve(".model.bin.notes.txt"), "keep");
        save(f, "new");
        assertFalse(Files.exists(left1));
        assertFalse(Files.exists(left2));
        assertTrue(Files.exists(otherTarget));
        assertTrue(Files.exists(notOurs));
        assertEquals("new", Files.readString(f));
    }

    @Test
    void aTemporaryFileBeingWrittenIsNotRemoved() throws Exception {
        Path f = dir.resolve("model.bin");
        Path inFlight = Files.writeString(dir.resolve(".model.bin.aaaaaaaa.tmp"), "being written");
        try (FileChannel ch = FileChannel.open(inFlight, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            assertTrue(lock.isValid());
            save(f, "new");
            assertTrue(Files.exists(inFlight), "a locked temporary file is another save's");
        }
        save(f, "newer");
        assertFalse(Files.exists(inFlight), "once unlocked it is a leftover");
    }

    @Test
    void permissionsOfTheReplacedFileAreKept() throws Exception {
        Path f = dir.resolve("model.bin");
        save(f, "a");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        save(f, "b");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertArrayEquals("b".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
    }

    @Test
    void aSaveKilledMidWriteInAnotherProcessIsCleanedByTheNextSaveButNotWhileItRuns() throws Exception {
        Path f = dir.resolve("model.bin");
        save(f, "old");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlowSave.class.getName(),
                f.toString()).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader r = new java.io.BufferedReader(
                    new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("writing", r.readLine());
            List<String> during = names();
            assertEquals(2, during.size(), during.toString());
            save(f, "mine"); // the other process's save is still running: its temporary file stays
            assertEquals(during, names());
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertEquals("mine", Files.readString(f));
        save(f, "after the kill");
        assertEquals(List.of("model.bin"), names(), "the killed save's temporary file is removed");
    }
}
