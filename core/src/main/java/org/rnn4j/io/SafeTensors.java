package org.rnn4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.rnn4j.InvalidInputException;

/**
 * The safetensors format: an 8-byte little-endian header length N, N bytes of UTF-8 JSON header
 * (padded with spaces to a multiple of 8), then the tensors' little-endian bytes back to back. The
 * header maps each tensor name to {@code {"dtype":"F32","shape":[...],"data_offsets":[begin,end]}},
 * offsets counted from the start of the data, and may hold {@code "__metadata__"}: string → string.
 * Files written here are read by Python's {@code safetensors} and by {@code json} + {@code numpy}.
 *
 * <p>A file written here carries in its metadata {@code "data_crc32"}: the CRC-32 (zlib's, as 8 lowercase
 * hex digits) of the whole data section, computed as the data is written. {@link #read} checks it when
 * present and leaves it out of the metadata it returns; a file without it, such as one written by Python,
 * is read unchecked.
 */
public final class SafeTensors {

    private static final long MAX_HEADER_BYTES = 100_000_000; // the reference implementation's limit
    private static final String METADATA_KEY = "__metadata__";
    private static final String CHECKSUM_KEY = "data_crc32";
    private static final String CHECKSUM_PLACEHOLDER = "00000000"; // as wide as the hex of any CRC-32
    private static final String HINT = "check that it is a complete safetensors file";

    /** Element types this library reads and writes. */
    public enum DType {
        F32(4), F64(8), I64(8);

        private final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }

        /** Bytes per element. */
        public int bytes() {
            return bytes;
        }
    }

    /**
     * One tensor: name, element type, row-major shape and its values, kept as little-endian bytes or, for
     * an entry made by {@link #ofFloats(String, int[], float[], int)}, read from the caller's array when
     * the file is written.
     */
    public static final class Entry {

        private static final int CHUNK_FLOATS = 1 << 14; // a view is written through 64 KB of bytes at a time

        private final String name;
        private final DType dtype;
        private final int[] shape;
        private final byte[] data;   // (product of shape × dtype.bytes) little-endian values; null for a view
        private final float[] view;  // F32 values from viewOffset, or null
        private final int viewOffset;

        private Entry(String name, DType dtype, int[] shape, byte[] data) {
            this(name, dtype, shape, data, null, 0);
        }

        private Entry(String name, DType dtype, int[] shape, byte[] data, float[] view, int viewOffset) {
            if (name == null || name.isEmpty() || name.equals(METADATA_KEY)) {
                throw new IllegalArgumentException("invalid tensor name " + Json.write(name));
            }
            long count = 1;
            for (int dim : shape) {
                if (dim < 0) {
                    throw new IllegalArgumentException(name + ": dimensions must not be negative: " + Arrays.toString(shape));
                }
                count = Math.multiplyExact(count, dim);
            }
            long given = data != null ? data.length / dtype.bytes : view.length - (long) viewOffset;
            if (data != null ? count * dtype.bytes != data.length : viewOffset < 0 || count > given) {
                throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + count
                        + " values, got " + given);
            }
            this.name = name;
            this.dtype = dtype;
            this.shape = shape.clone();
            this.data = data;
            this.view = view;
            this.viewOffset = viewOffset;
        }

        public static Entry ofFloats(String name, int[] shape, float[] values) {
            ByteBuffer bytes = little(values.length * 4L);
            bytes.asFloatBuffer().put(values);
            return new Entry(name, DType.F32, shape, bytes.array());
        }

        /**
         * An F32 tensor whose values are {@code values} from {@code offset} on, not copied: a checkpoint
         * writes its hundreds of megabytes of parameters and moments without a second copy in memory. The
         * values must not change until the file is written.
         */
        public static Entry ofFloats(String name, int[] shape, float[] values, int offset) {
            return new Entry(name, DType.F32, shape, null, values, offset);
        }

        public static Entry ofDoubles(String name, int[] shape, double[] values) {
            ByteBuffer bytes = little(values.length * 8L);
            bytes.asDoubleBuffer().put(values);
            return new Entry(name, DType.F64, shape, bytes.array());
        }

        public static Entry ofLongs(String name, int[] shape, long[] values) {
            ByteBuffer bytes = little(values.length * 8L);
            bytes.asLongBuffer().put(values);
            return new Entry(name, DType.I64, shape, bytes.array());
        }

        public String name() {
            return name;
        }

        public DType dtype() {
            return dtype;
        }

        public int[] shape() {
            return shape.clone();
        }

        /** Number of values. */
        public int size() {
            int count = 1;
            for (int dim : shape) {
                count *= dim;
            }
            return count;
        }

        private long bytes() {
            return (long) size() * dtype.bytes;
        }

        /** A copy of the values of an F32 tensor. */
        public float[] floats() {
            if (view != null) {
                return Arrays.copyOfRange(view, viewOffset, viewOffset + size());
            }
            float[] values = new float[size()];
            view(DType.F32).asFloatBuffer().get(values);
            return values;
        }

        /** A copy of the values of an F64 tensor. */
        public double[] doubles() {
            double[] values = new double[size()];
            view(DType.F64).asDoubleBuffer().get(values);
            return values;
        }

        /** A copy of the values of an I64 tensor. */
        public long[] longs() {
            long[] values = new long[size()];
            view(DType.I64).asLongBuffer().get(values);
            return values;
        }

        /** The index of the first NaN or infinite value of an F32 tensor, or -1 when all are finite; nothing is copied. */
        public int firstNonFinite() {
            int size = size();
            if (view != null) {
                for (int i = 0; i < size; i++) {
                    if (!Float.isFinite(view[viewOffset + i])) {
                        return i;
                    }
                }
                return -1;
            }
            FloatBuffer values = view(DType.F32).asFloatBuffer();
            for (int i = 0; i < size; i++) {
                if (!Float.isFinite(values.get(i))) {
                    return i;
                }
            }
            return -1;
        }

        private ByteBuffer view(DType wanted) {
            if (dtype != wanted) {
                throw new InvalidInputException("tensor " + Json.write(name) + " holds " + dtype + " values where "
                        + wanted + " is expected; save it as " + wanted);
            }
            return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        }

        /**
         * Writes the values' little-endian bytes and adds them to {@code crc}; a view goes through {@code chunk}
         * (reused by the caller).
         */
        private void writeTo(FileChannel channel, ByteBuffer chunk, CRC32 crc) throws IOException {
            if (view == null) {
                crc.update(data);
                AtomicFiles.writeFully(channel, ByteBuffer.wrap(data));
                return;
            }
            for (int at = 0; at < size(); at += CHUNK_FLOATS) {
                int n = Math.min(CHUNK_FLOATS, size() - at);
                chunk.clear();
                chunk.asFloatBuffer().put(view, viewOffset + at, n);
                chunk.limit(n * Float.BYTES);
                crc.update(chunk.array(), 0, chunk.limit());
                AtomicFiles.writeFully(channel, chunk);
            }
        }

        @Override
        public String toString() {
            return name + " " + dtype + Arrays.toString(shape);
        }
    }

    /** What a file holds: its metadata and its tensors in header order. */
    public record Contents(Map<String, String> metadata, List<Entry> entries) {

        public Contents {
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
            entries = List.copyOf(entries);
        }

        public List<String> names() {
            return entries.stream().map(Entry::name).toList();
        }

        public Optional<Entry> find(String name) {
            return entries.stream().filter(e -> e.name().equals(name)).findFirst();
        }
    }

    private SafeTensors() {
    }

    /**
     * Replaces {@code file} atomically with the tensors in the given order and the metadata (may be empty),
     * to which the data's checksum is added.
     */
    public static void write(Path file, Map<String, String> metadata, List<Entry> entries) {
        Map<String, String> checked = new LinkedHashMap<>();
        checked.put(CHECKSUM_KEY, CHECKSUM_PLACEHOLDER); // first, so only ASCII precedes it in the header
        metadata.forEach(checked::putIfAbsent);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(METADATA_KEY, checked);
        long offset = 0;
        for (Entry entry : entries) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", entry.dtype.name());
            info.put("shape", entry.shape);
            info.put("data_offsets", new long[] {offset, offset + entry.bytes()});
            if (header.put(entry.name, info) != null) {
                throw new IllegalArgumentException("duplicate tensor name " + Json.write(entry.name));
            }
            offset += entry.bytes();
        }
        String text = Json.write(header);
        byte[] json = text.getBytes(StandardCharsets.UTF_8);
        String checksumField = Json.write(CHECKSUM_KEY) + ":\"";
        long checksumAt = 8 + text.indexOf(checksumField) + checksumField.length();
        int padded = (json.length + 7) / 8 * 8; // so the data starts 8-byte aligned
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        ByteBuffer chunk = ByteBuffer.allocate(Entry.CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        AtomicFiles.write(file, channel -> {
            AtomicFiles.writeFully(channel, head.flip());
            CRC32 crc = new CRC32();
            for (Entry entry : entries) {
                entry.writeTo(channel, chunk, crc);
            }
            AtomicFiles.writeFully(channel.position(checksumAt), ByteBuffer.wrap(hex(crc).getBytes(StandardCharsets.US_ASCII)));
        });
    }

    /** Reads and validates a whole file; any defect is an {@link InvalidInputException} naming the file. */
    public static Contents read(Path file) {
        if (Files.isDirectory(file)) {
            throw fail(file, "is a folder, not a file", "give the path of a .safetensors file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, channel);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + AtomicFiles.reason(e)
                    + "; check the path and its permissions", e);
        }
    }

    /** A tensor described by the header, before its bytes are read. */
    private record Placed(String name, DType dtype, int[] shape, long begin, long end) {
    }

    private static Contents read(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize == 0) {
            throw fail(file, "the file is empty", HINT);
        }
        if (fileSize < 8) {
            throw fail(file, "only " + fileSize + " bytes long, too short for a safetensors header", HINT);
        }
        long headerSize = readFully(channel, 0, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)).getLong();
        if (headerSize < 0 || headerSize > MAX_HEADER_BYTES) {
            throw fail(file, "header length " + Long.toUnsignedString(headerSize) + " is absurd (limit "
                    + MAX_HEADER_BYTES + "), so this is not a safetensors file", HINT);
        }
        if (headerSize > fileSize - 8) {
            throw fail(file, "header length " + headerSize + " exceeds the " + (fileSize - 8)
                    + " bytes that follow: the file is truncated or not a safetensors file", HINT);
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().decode(readFully(channel, 8, ByteBuffer.allocate((int) headerSize))).toString();
        } catch (CharacterCodingException e) {
            throw fail(file, "the header is not valid UTF-8", HINT);
        }
        Map<String, Object> header;
        try {
            header = Json.parseObject(json);
        } catch (InvalidInputException e) {
            throw fail(file, "bad header, " + e.getMessage(), HINT);
        }
        Map<String, String> metadata = metadata(file, header.remove(METADATA_KEY));
        List<Placed> placed = new ArrayList<>();
        for (Map.Entry<String, Object> tensor : header.entrySet()) {
            placed.add(place(file, tensor.getKey(), tensor.getValue()));
        }
        long dataStart = 8 + headerSize;
        long dataSize = fileSize - dataStart;
        CRC32 crc = new CRC32();
        Map<String, Entry> byName = new HashMap<>();
        for (Placed p : checkContiguous(file, placed, dataSize)) {
            byte[] data = new byte[(int) (p.end - p.begin)];
            readFully(channel, dataStart + p.begin, ByteBuffer.wrap(data));
            crc.update(data);
            byName.put(p.name, new Entry(p.name, p.dtype, p.shape, data));
        }
        checkChecksum(file, metadata.remove(CHECKSUM_KEY), crc);
        return new Contents(metadata, placed.stream().map(p -> byName.get(p.name)).toList());
    }

    /** The CRC-32 of the data section must be the one written, if one was. */
    private static void checkChecksum(Path file, String written, CRC32 crc) {
        String read = hex(crc);
        if (written != null && !written.equalsIgnoreCase(read)) {
            throw fail(file, "the tensor data does not match the CRC-32 in its metadata (" + written + " written, " + read
                    + " read), so the file changed after it was written", "restore it from a copy, or use another checkpoint, "
                    + "such as best.safetensors of the same run");
        }
    }

    private static String hex(CRC32 crc) {
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    private static Map<String, String> metadata(Path file, Object value) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (value == null) {
            return metadata;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw fail(file, METADATA_KEY + " must be an object", HINT);
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof String text)) {
                throw fail(file, METADATA_KEY + " value of " + Json.write(entry.getKey()) + " must be a string", HINT);
            }
            metadata.put((String) entry.getKey(), text);
        }
        return metadata;
    }

    /** Checks one header entry {"dtype":…,"shape":[…],"data_offsets":[begin,end]}. */
    private static Placed place(Path file, String name, Object value) {
        String tensor = "tensor " + Json.write(name);
        if (!(value instanceof Map<?, ?> info)) {
            throw fail(file, tensor + " must be described by an object", HINT);
        }
        if (!(info.get("dtype") instanceof String dtypeName)) {
            throw fail(file, tensor + " has no \"dtype\" string", HINT);
        }
        DType dtype = Arrays.stream(DType.values()).filter(d -> d.name().equals(dtypeName)).findFirst()
                .orElseThrow(() -> fail(file, tensor + " has dtype " + Json.write(dtypeName)
                        + ", which rnn4j does not read (only F32, F64, I64)", "convert it to F32"));
        long[] shape = longs(info.get("shape"));
        if (shape == null || Arrays.stream(shape).anyMatch(dim -> dim < 0 || dim > Integer.MAX_VALUE)) {
            throw fail(file, tensor + " needs \"shape\": a list of non-negative integers", HINT);
        }
        long[] offsets = longs(info.get("data_offsets"));
        if (offsets == null || offsets.length != 2 || offsets[0] < 0 || offsets[1] < offsets[0]) {
            throw fail(file, tensor + " needs \"data_offsets\": [begin, end] with 0 <= begin <= end", HINT);
        }
        long bytes = dtype.bytes; // saturating product, so a huge shape cannot overflow
        for (long dim : shape) {
            bytes = dim == 0 ? 0 : bytes <= Integer.MAX_VALUE / dim ? bytes * dim : Long.MAX_VALUE;
        }
        if (bytes > Integer.MAX_VALUE - 8) {
            throw fail(file, tensor + " of shape " + Arrays.toString(shape) + " exceeds 2 GB", "split it into smaller tensors");
        }
        if (offsets[1] - offsets[0] != bytes) {
            throw fail(file, tensor + " of shape " + Arrays.toString(shape) + " and dtype " + dtype + " needs " + bytes
                    + " bytes but its data_offsets span " + (offsets[1] - offsets[0]), HINT);
        }
        return new Placed(name, dtype, Arrays.stream(shape).mapToInt(dim -> (int) dim).toArray(), offsets[0], offsets[1]);
    }

    /**
     * The tensors must tile the data section exactly: no overlap, no gap, nothing missing or left over.
     * Returns them in file order.
     */
    private static List<Placed> checkContiguous(Path file, List<Placed> placed, long dataSize) {
        List<Placed> byOffset = new ArrayList<>(placed);
        byOffset.sort(Comparator.comparingLong(Placed::begin).thenComparingLong(Placed::end));
        long expected = 0;
        for (Placed p : byOffset) {
            if (p.begin != expected) {
                String problem = p.begin < expected ? " overlaps the tensor before it" : " starts after a gap of " + (p.begin - expected) + " bytes";
                throw fail(file, "tensor " + Json.write(p.name) + problem + " (data_offsets [" + p.begin + ", " + p.end + "])", HINT);
            }
            expected = p.end;
        }
        if (expected > dataSize) {
            throw fail(file, "the file is truncated: its tensors need " + expected + " bytes of data but only "
                    + dataSize + " follow the header", "save or copy it again");
        }
        if (expected < dataSize) {
            throw fail(file, (dataSize - expected) + " unexpected bytes follow the last tensor", HINT);
        }
        return byOffset;
    }

    /** A list of integers as long[], or null if it is anything else. */
    private static long[] longs(Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(Long.class::isInstance)) {
            return null;
        }
        return list.stream().mapToLong(Long.class::cast).toArray();
    }

    /** Fills {@code buffer} from {@code position} on and returns it ready to read. */
    private static ByteBuffer readFully(FileChannel channel, long position, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("file ended early");
            }
        }
        return buffer.flip();
    }

    private static ByteBuffer little(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a tensor may hold at most 2 GB, got " + bytes + " bytes");
        }
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static InvalidInputException fail(Path file, String problem, String hint) {
        return new InvalidInputException(file + ": " + problem + "; " + hint);
    }
}
