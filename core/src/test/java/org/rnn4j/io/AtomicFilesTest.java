package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplaces() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.writeString(target, "first ✓");
        AtomicFiles.writeString(target, "second 😀");
        assertEquals("second 😀", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void createsMissingParentFolders() throws IOException {
        Path target = dir.resolve("x/y/z.bin");
        AtomicFiles.write(target, channel -> channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3})));
        assertEquals(3, Files.size(target));
    }

    @Test
    void streamWriterNeedNotClose() throws IOException {
        Path target = dir.resolve("s.txt");
        AtomicFiles.writeStream(target, out -> out.write("streamed".getBytes(StandardCharsets.UTF_8)));
        assertEquals("streamed", Files.readString(target));
    }

    @Test
    void leftoversOfKilledWritesAreRemovedAndNothingElse() throws IOException {
        Files.writeString(dir.resolve("checkpoint.safetensors"), "kept");
        Files.writeString(dir.resolve(".checkpoint.safetensors.tmp-0123456789abcdef"), "cut short");
        Files.writeString(dir.resolve(".best.safetensors.tmp-fedcba9876543210"), "cut short");
        Files.writeString(dir.resolve(".notes.tmp-mine"), "not a write of ours");
        Files.writeString(dir.resolve("data.tmp-0123456789abcdef"), "not hidden: not a write of ours");

        assertEquals(2, AtomicFiles.removeLeftovers(dir));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".notes.tmp-mine", "checkpoint.safetensors", "data.tmp-0123456789abcdef"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void failingWriterLeavesOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("model.safetensors");
        AtomicFiles.writeString(target, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeStream(target, out -> {
            out.write("half of the new conte".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("boom");
        }));
        InvalidInputException io = assertThrows(InvalidInputException.class, () -> AtomicFiles.write(target, channel -> {
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + target + ": No space left on device; check the free space and permissions of that folder",
                io.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void folderThatIsAFileIsAnInvalidInput() throws IOException {
        Path blocker = Files.writeString(dir.resolve("plain-file"), "");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AtomicFiles.writeString(blocker.resolve("out.txt"), "x"));
        assertEquals("cannot write to " + blocker + ": a file is in the way of a folder; choose a writable folder", e.getMessage());
    }

    @Test
    void readOnlyFolderIsAnInvalidInput() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(folder), "permissions do not bind this user (root)");
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> AtomicFiles.writeString(folder.resolve("out.txt"), "x"));
            assertEquals("cannot write to " + folder + ": permission denied; choose a writable folder", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
