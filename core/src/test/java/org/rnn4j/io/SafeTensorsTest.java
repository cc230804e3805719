package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.SafeTensors.Entry;

class SafeTensorsTest {

    private static final String ONE_TENSOR = "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    private static final byte[] ONE_AND_MINUS_TWO = {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0}; // 1.0f, -2.0f

    @TempDir
    Path dir;

    @Test
    void goldenBytesOfATinyFile() throws IOException {
        Path file = dir.resolve("tiny.safetensors");
        SafeTensors.write(file, Map.of(), List.of(Entry.ofFloats("x", new int[] {2}, new float[] {1f, -2f})));

        // 95 bytes of JSON padded with 1 space to 96, a multiple of 8; c3872656 is Python's zlib.crc32 of the data
        ByteBuffer expected = ByteBuffer.allocate(8 + 96 + 8);
        expected.put(new byte[] {96, 0, 0, 0, 0, 0, 0, 0});
        expected.put(("{\"__metadata__\":{\"data_crc32\":\"c3872656\"}," + ONE_TENSOR.substring(1) + " ").getBytes(StandardCharsets.US_ASCII));
        expected.put(ONE_AND_MINUS_TWO);
        assertArrayEquals(expected.array(), Files.readAllBytes(file));
    }

    @Test
    void severalTensorsAndMetadataRoundTrip() {
        Random random = new Random(7);
        float[] weight = new float[3 * 4];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) random.nextGaussian();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "rnn4j");
        metadata.put("vocabulary", "[\"a\",\"😀\",\"日本\",\"e\u0301\"]");
        List<Entry> entries = List.of(
                Entry.ofFloats("rnn.weight_ih_l0", new int[] {3, 4}, weight),
                Entry.ofFloats("scalar", new int[] {}, new float[] {Float.MIN_VALUE}),
                Entry.ofFloats("empty", new int[] {0, 3}, new float[0]),
                Entry.ofLongs("step", new int[] {2}, new long[] {Long.MIN_VALUE, 123_456_789_012L}),
                Entry.ofDoubles("moments", new int[] {2, 1}, new double[] {Math.PI, -0.0}),
                Entry.ofFloats("decoder.bias", new int[] {3}, new float[] {Float.NaN, Float.NEGATIVE_INFINITY, -0f}));
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, metadata, entries);

        SafeTensors.Contents contents = SafeTensors.read(file);
        assertEquals(metadata, contents.metadata());
        assertEquals(List.of("rnn.weight_ih_l0", "scalar", "empty", "step", "moments", "decoder.bias"), contents.names());
        for (Entry written : entries) {
            Entry read = contents.find(written.name()).orElseThrow();
            assertEquals(written.dtype(), read.dtype());
            assertArrayEquals(written.shape(), read.shape());
            switch (written.dtype()) {
                case F32 -> assertArrayEquals(written.floats(), read.floats());
                case F64 -> assertArrayEquals(written.doubles(), read.doubles());
                case I64 -> assertArrayEquals(written.longs(), read.longs());
            }
        }
        assertFalse(contents.find("absent").isPresent());
    }

    @Test
    void largeModelRoundTrips() {
        float[] values = new float[4_500_000]; // about 17 MB
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.25f;
        }
        Path file = dir.resolve("large.safetensors");
        SafeTensors.write(file, Map.of("k", "v"), List.of(Entry.ofFloats("w", new int[] {1500, 3000}, values)));
        assertArrayEquals(values, SafeTensors.read(file).entries().getFirst().floats());
    }

    @Test
    void aViewOfAnArrayWritesTheSameBytesAsACopy() throws Exception {
        float[] buffer = new float[3 * (1 << 14) + 11]; // three 64 KB chunks and a partial one, after an offset
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = i * -0.5f;
        }
        int offset = 6;
        int[] shape = {5, buffer.length / 5 - 1};
        int size = shape[0] * shape[1];
        Path copied = dir.resolve("copied.safetensors");
        Path viewed = dir.resolve("viewed.safetensors");
        float[] copy = Arrays.copyOfRange(buffer, offset, offset + size);
        SafeTensors.write(copied, Map.of(), List.of(Entry.ofFloats("a", new int[] {2}, new float[] {1f, 2f}),
                Entry.ofFloats("w", shape, copy), Entry.ofLongs("n", new int[] {1}, new long[] {7})));
        Entry view = Entry.ofFloats("w", shape, buffer, offset);
        SafeTensors.write(viewed, Map.of(), List.of(Entry.ofFloats("a", new int[] {2}, new float[] {1f, 2f}, 0),
                view, Entry.ofLongs("n", new int[] {1}, new long[] {7})));

        assertArrayEquals(Files.readAllBytes(copied), Files.readAllBytes(viewed));
        assertEquals(size, view.size());
        assertArrayEquals(copy, view.floats());
        assertArrayEquals(copy, SafeTensors.read(viewed).find("w").orElseThrow().floats());
        assertThrows(IllegalArgumentException.class, () -> Entry.ofFloats("b", new int[] {4}, new float[5], 2));
        assertThrows(IllegalArgumentException.class, () -> Entry.ofFloats("b", new int[] {1}, new float[5], -1));
    }

    @Test
    void writerRejectsDuplicateNamesAndWrongSizes() {
        Entry a = Entry.ofFloats("a", new int[] {1}, new float[1]);
        Path file = dir.resolve("dup.safetensors");
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(file, Map.of(), List.of(a, a)));
        assertThrows(IllegalArgumentException.class, () -> Entry.ofFloats("b", new int[] {2, 2}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> Entry.ofFloats("__metadata__", new int[] {1}, new float[1]));
        assertFalse(Files.exists(file));
    }

    @Test
    void readingTheWrongTypeSaysWhichIsExpected() {
        Entry step = Entry.ofLongs("step", new int[] {1}, new long[] {3});
        InvalidInputException e = assertThrows(InvalidInputException.class, step::floats);
        assertEquals("tensor \"step\" holds I64 values where F32 is expected; save it as F32", e.getMessage());
    }

    @Test
    void missingEmptyAndShortFiles() throws IOException {
        Path missing = dir.resolve("missing.safetensors");
        assertFails(missing, "cannot read " + missing + ": no such file or folder; check the path and its permissions");
        assertFails(dir, dir + ": is a folder, not a file; give the path of a .safetensors file");
        Path empty = Files.write(dir.resolve("empty.safetensors"), new byte[0]);
        assertFails(empty, empty + ": the file is empty; check that it is a complete safetensors file");
        Path shortFile = Files.write(dir.resolve("short.safetensors"), new byte[5]);
        assertFails(shortFile, shortFile + ": only 5 bytes long, too short for a safetensors header; check that it is a complete safetensors file");
    }

    @Test
    void badHeaderLengths() throws IOException {
        Path huge = write(Long.MAX_VALUE, ONE_TENSOR, ONE_AND_MINUS_TWO);
        assertFails(huge, huge + ": header length 9223372036854775807 is absurd (limit 100000000), so this is not a safetensors file; "
                + "check that it is a complete safetensors file");
        Path negative = write(-1, ONE_TENSOR, ONE_AND_MINUS_TWO);
        assertFails(negative, "header length 18446744073709551615 is absurd");
        Path beyond = write(1000, ONE_TENSOR, ONE_AND_MINUS_TWO);
        assertFails(beyond, beyond + ": header length 1000 exceeds the 62 bytes that follow: the file is truncated or not a "
                + "safetensors file; check that it is a complete safetensors file");
    }

    @Test
    void aFlippedBitInTheDataIsRefused() throws IOException {
        Path file = dir.resolve("flipped.safetensors");
        SafeTensors.write(file, Map.of("k", "v"), List.of(Entry.ofFloats("x", new int[] {2}, new float[] {1f, -2f}),
                Entry.ofFloats("y", new int[] {3}, new float[] {1f, 2f, 3f}, 0)));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 0x10;
        Files.write(file, bytes);
        assertFails(file, file + ": the tensor data does not match the CRC-32 in its metadata (");
        assertFails(file, "so the file changed after it was written; ");
    }

    @Test
    void aFileWithoutAChecksumIsRead() throws IOException {
        Path file = write(ONE_TENSOR.length(), ONE_TENSOR, ONE_AND_MINUS_TWO);
        assertArrayEquals(new float[] {1f, -2f}, SafeTensors.read(file).entries().getFirst().floats());
    }

    @Test
    void aWrongChecksumIsRefused() throws IOException {
        String header = "{\"__metadata__\":{\"data_crc32\":\"c3872657\"}," + ONE_TENSOR.substring(1);
        Path file = write(header.length(), header, ONE_AND_MINUS_TWO);
        assertFails(file, "does not match the CRC-32 in its metadata (c3872657 written, c3872656 read)");
    }

    @Test
    void firstNonFiniteValue() {
        assertEquals(-1, Entry.ofFloats("x", new int[] {3}, new float[] {1f, -0f, Float.MAX_VALUE}).firstNonFinite());
        assertEquals(1, Entry.ofFloats("x", new int[] {3}, new float[] {1f, Float.NaN, Float.POSITIVE_INFINITY}).firstNonFinite());
        assertEquals(2, Entry.ofFloats("x", new int[] {3}, new float[] {Float.NaN, 1f, 2f, Float.NEGATIVE_INFINITY}, 1).firstNonFinite());
    }

    @Test
    void truncatedData() throws IOException {
        Path file = dir.resolve("cut.safetensors");
        SafeTensors.write(file, Map.of(), List.of(Entry.ofFloats("x", new int[] {2}, new float[] {1f, -2f})));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertFails(file, file + ": the file is truncated: its tensors need 8 bytes of data but only 5 follow the header; "
                + "save or copy it again");
    }

    @Test
    void headerThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.safetensors");
        ByteBuffer bytes = ByteBuffer.allocate(8 + 4).order(ByteOrder.LITTLE_ENDIAN).putLong(4).put(new byte[] {'{', (byte) 0xe9, '}', ' '});
        Files.write(file, bytes.array());
        assertFails(file, file + ": the header is not valid UTF-8; check that it is a complete safetensors file");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}  | "
                    + "bad header, invalid JSON at offset 53: expected ',' or '}', found end of input",
            "[1]                                                             | "
                    + "bad header, invalid JSON: the top-level value must be an object",
            "{\"x\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,8]}} | "
                    + "tensor \"x\" has dtype \"F16\", which rnn4j does not read (only F32, F64, I64); convert it to F32",
            "{\"x\":{\"shape\":[2],\"data_offsets\":[0,8]}}                   | tensor \"x\" has no \"dtype\" string",
            "{\"x\":[1]}                                                     | tensor \"x\" must be described by an object",
            "{\"x\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}| "
                    + "tensor \"x\" needs \"shape\": a list of non-negative integers",
            "{\"x\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}| "
                    + "tensor \"x\" needs \"shape\": a list of non-negative integers",
            "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}} | "
                    + "tensor \"x\" needs \"data_offsets\": [begin, end] with 0 <= begin <= end",
            "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0]}}   | "
                    + "tensor \"x\" needs \"data_offsets\": [begin, end] with 0 <= begin <= end",
            "{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}} | "
                    + "tensor \"x\" of shape [3] and dtype F32 needs 12 bytes but its data_offsets span 8",
            "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}} | "
                    + "tensor \"y\" overlaps the tensor before it (data_offsets [4, 8])",
            "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}} | "
                    + "tensor \"x\" starts after a gap of 4 bytes (data_offsets [4, 8])",
            "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}} | 4 unexpected bytes follow the last tensor",
            "{\"__metadata__\":{\"a\":1},\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}} | "
                    + "__metadata__ value of \"a\" must be a string",
    })
    void corruptHeaders(String header, String problem) throws IOException {
        Path file = write(header.length(), header, ONE_AND_MINUS_TWO);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().startsWith(file + ": " + problem), e.getMessage());
        assertTrue(e.getMessage().contains("; "), "says what to do: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    /** A file with the given header length field, header text and data bytes. */
    private Path write(long headerLength, String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(headerLength).put(json).put(data);
        return Files.write(Files.createTempFile(dir, "corrupt", ".safetensors"), bytes.array());
    }

    private static void assertFails(Path file, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
