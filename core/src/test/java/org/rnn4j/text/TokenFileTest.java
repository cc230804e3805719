package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.InvalidInputException;
import org.rnn4j.random.Rng;

/** A token file holds the ids it was given in 1, 2 or 4 bytes each, reads them back by position, and is whole or absent. */
class TokenFileTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "vocabulary {0}: {1} byte(s) per token")
    @CsvSource({"2, 1", "256, 1", "257, 2", "65536, 2", "65537, 4", "1114112, 4"})
    void idsComeBackAsWrittenInTheNarrowestWidth(int vocabularySize, int width) {
        int[] ids = randomIds(100_003, vocabularySize, 3);
        ids[0] = vocabularySize - 1;
        Path path = write(ids, vocabularySize, Map.of("made from", "random ids"));
        TokenFile file = TokenFile.open(path).orElseThrow();
        assertEquals(width, file.width());
        assertEquals(ids.length, file.length());
        assertEquals(64 + (long) ids.length * width + "{\"made from\":\"random ids\"}".length(), sizeOf(path));
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i], file.get(i), "token " + i);
        }
        assertEquals(Map.of("made from", "random ids"), file.description());
        assertThrows(IndexOutOfBoundsException.class, () -> file.get(ids.length));
    }

    @Test
    void slicesAndCursorsReadInPlace() {
        int[] ids = randomIds(5000, 300, 4);
        TokenFile file = TokenFile.open(write(ids, 300, Map.of())).orElseThrow();
        TokenArray middle = file.slice(1000, 4000).slice(500, 2500); // tokens [1500, 3500)
        assertEquals(2000, middle.length());
        TokenCursor cursor = middle.cursor();
        cursor.seek(7);
        for (int i = 7; i < 2000; i++) {
            assertEquals(ids[1500 + i], middle.get(i));
            assertEquals(ids[1500 + i], cursor.next());
        }
        assertThrows(IndexOutOfBoundsException.class, () -> middle.get(2000));
        assertThrows(IndexOutOfBoundsException.class, () -> file.slice(10, 5001));
    }

    @Test
    void readsThatJumpAcrossManyBlocksStayRightThroughTheUnloads() {
        // 3 MB of 2-byte tokens (46 blocks of 64 KB), read at random: a budget of 3 new blocks unloads every few reads
        int[] ids = randomIds(1_500_000, 40_000, 5);
        try (TokenFile file = TokenFile.open(write(ids, 40_000, Map.of()), 3).orElseThrow()) {
            Rng rng = new Rng(6);
            for (int read = 0; read < 20_000; read++) {
                int at = (int) (rng.nextDouble() * ids.length);
                assertEquals(ids[at], file.get(at));
            }
            assertTrue(file.unloads() > 2_000, "unloaded " + file.unloads() + " times");
        }
    }

    @Test
    void streamsReadSideBySideCountEachBlockOnce() {
        // 32 streams of 1-byte tokens, each read forward 101 tokens a window, as StreamBatcher reads them
        int streams = 32;
        int streamLength = 200_000;                                   // 3 blocks and a bit per stream, 98 blocks in all
        int[] ids = randomIds(streams * streamLength + 1, 200, 8);
        try (TokenFile file = TokenFile.open(write(ids, 200, Map.of()), 100).orElseThrow()) {
            for (int window = 0; window < streamLength / 100; window++) {
                for (int n = 0; n < streams; n++) {
                    for (int t = 0; t <= 100; t++) {
                        long at = (long) n * streamLength + window * 100L + t;
                        assertEquals(ids[(int) at], file.get(at));
                    }
                }
            }
            // 98 blocks within a budget of 100: no unload, where counting each change of block (32 a window) would unload 640 times
            assertEquals(0, file.unloads());
        }
    }

    @Test
    void aFailedWriteLeavesNoFile() {
        Path path = folder.resolve("corpus.tokens");
        assertThrows(InvalidInputException.class, () -> TokenFile.write(path, 10, out -> {
            out.add(3);
            throw new IOException("the disk is full");
        }));
        assertThrows(IllegalArgumentException.class, () -> TokenFile.write(path, 10, out -> {
            out.add(10);
            return Map.of();
        }));
        assertEquals(List.of(), files());
    }

    @Test
    void aMissingForeignOrCutFileIsNoTokenFile() throws IOException {
        assertTrue(TokenFile.open(folder.resolve("missing.tokens")).isEmpty());
        assertTrue(TokenFile.open(Files.writeString(folder.resolve("notes.tokens"), "not tokens at all, but long enough for a header"
                + " of sixty-four bytes")).isEmpty());
        Path whole = write(randomIds(1000, 50, 7), 50, Map.of("key", 1));
        byte[] bytes = Files.readAllBytes(whole);
        for (int cut : new int[] {0, 63, 64, 500, bytes.length - 1}) {
            Path cutFile = Files.write(folder.resolve("cut-" + cut + ".tokens"), java.util.Arrays.copyOf(bytes, cut));
            assertTrue(TokenFile.open(cutFile).isEmpty(), "cut to " + cut + " bytes");
        }
        bytes[bytes.length - 1] = '!'; // the description is no longer JSON
        assertTrue(TokenFile.open(Files.write(folder.resolve("bad-description.tokens"), bytes)).isEmpty());
        assertFalse(TokenFile.open(whole).isEmpty());
    }

    private Path write(int[] ids, int vocabularySize, Map<String, Object> description) {
        Path path = folder.resolve("ids-" + vocabularySize + ".tokens");
        TokenFile.write(path, vocabularySize, out -> {
            for (int id : ids) {
                out.add(id);
            }
            return description;
        });
        return path;
    }

    private static int[] randomIds(int count, int vocabularySize, long seed) {
        Rng rng = new Rng(seed);
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = (int) (rng.nextDouble() * vocabularySize);
        }
        return ids;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> files() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
