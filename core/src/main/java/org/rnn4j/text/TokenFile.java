package org.rnn4j.text;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.AtomicFiles;
import org.rnn4j.io.Json;

/**
 * Token ids on disk, as few bytes each as the vocabulary needs (1 up to 256 tokens, 2 up to 65,536, else 4),
 * read through a memory mapping: L tokens cost L·width bytes of disk and, whatever L, a bounded part of
 * memory. Pages of a mapping that were read stay in the process's resident set, so the reader counts the
 * 64 KB blocks it moves into (a small table remembers the {@value #RECENT} blocks it read last, so that
 * B streams read side by side count a block each time they enter a new one, not at every row), and after
 * {@value #BLOCK_BUDGET} new blocks drops the pages read so far ({@link MemorySegment#unload}); they stay
 * in the page cache, and a later read maps them back. The kernel maps at most the aligned 64 KB around a
 * page fault, two of these blocks at worst, so the resident part of the mapping stays under 128 MB however
 * the reads jump, and training's streams, which each enter a new block every 64 KB / T windows, unload
 * it only every few thousand windows.
 *
 * <p>Layout, little-endian: the magic {@code rnn4jtok}; int32 format version; int32 width (bytes per
 * token); int64 L; int64 offset and int64 length of the description; zeros up to byte 64; the L tokens;
 * the description, a JSON object that says what the tokens were made from (its writer's business).
 * The header is written last, so a file cut short has no magic. Reads come from one thread at a time.
 */
public final class TokenFile implements TokenArray, AutoCloseable {

    /** What a token file's name ends with. */
    public static final String SUFFIX = ".tokens";

    static final int BLOCK_BUDGET = 1024;
    static final int RECENT = 256;                  // blocks the table remembers; a power of 2
    private static final int BLOCK_SHIFT = 16;      // 64 KB blocks
    private static final byte[] MAGIC = "rnn4jtok".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int HEADER = 64;           // bytes before the first token
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Arena arena;                      // owns the mapping
    private final MemorySegment mapping;            // the whole file
    private final MemorySegment tokens;             // (L·width) bytes
    private final int width;
    private final long length;                      // L
    private final Map<String, Object> description;
    private final int budget;                       // new blocks between unloads
    private final long[] recent = new long[RECENT]; // block b, if read since the last unload and not displaced, at b mod RECENT
    private int newBlocks;                          // since the last unload
    private int unloads;

    private TokenFile(Arena arena, MemorySegment mapping, int width, long length, Map<String, Object> description, int budget) {
        this.arena = arena;
        this.mapping = mapping;
        this.tokens = mapping.asSlice(HEADER, length * width);
        this.width = width;
        this.length = length;
        this.description = description;
        this.budget = budget;
        Arrays.fill(recent, -1);
    }

    /**
     * Maps {@code file}; empty when it is missing or not a whole token file of this version (a foreign or
     * damaged file, which the caller writes anew). The mapping lasts until {@link #close}.
     */
    public static Optional<TokenFile> open(Path file) {
        return open(file, BLOCK_BUDGET);
    }

    /** {@link #open(Path)} with {@code budget} new blocks between unloads (tests use small ones). */
    static Optional<TokenFile> open(Path file, int budget) {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size >= HEADER) {
                MemorySegment mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
                TokenFile tokens = read(arena, mapping, budget);
                if (tokens != null) {
                    return Optional.of(tokens);
                }
            }
        } catch (IOException | InvalidInputException e) {
            // not readable as a token file: the caller writes it anew
        }
        arena.close();
        return Optional.empty();
    }

    /** The token file whose header and description {@code mapping} holds, or null when it holds none. */
    private static TokenFile read(Arena arena, MemorySegment mapping, int budget) {
        long size = mapping.byteSize();
        ByteBuffer header = mapping.asSlice(0, HEADER).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        header.get(magic);
        int version = header.getInt();
        int width = header.getInt();
        long length = header.getLong();
        long descriptionOffset = header.getLong();
        long descriptionLength = header.getLong();
        boolean whole = Arrays.equals(magic, MAGIC) && version == VERSION && (width == 1 || width == 2 || width == 4)
                && length >= 0 && length <= (size - HEADER) / width && descriptionOffset == HEADER + length * width
                && descriptionLength == size - descriptionOffset && descriptionLength <= Integer.MAX_VALUE;
        if (!whole) {
            return null;
        }
        byte[] json = mapping.asSlice(descriptionOffset, descriptionLength).toArray(ValueLayout.JAVA_BYTE);
        Map<String, Object> description = Json.parseObject(new String(json, StandardCharsets.UTF_8));
        return new TokenFile(arena, mapping, width, length, description, budget);
    }

    /** Bytes per token for a vocabulary of {@code size}: 1, 2 or 4. */
    public static int width(int size) {
        return size <= 1 << 8 ? 1 : size <= 1 << 16 ? 2 : 4;
    }

    /** How a token file is filled: tokens go to {@code out}; the description returned goes after them. */
    @FunctionalInterface
    public interface Content {
        Map<String, Object> write(Writer out) throws IOException;
    }

    /**
     * Writes {@code target} atomically (a temporary file renamed into place): the tokens and description that
     * {@code content} gives, each token in {@link #width} of {@code vocabularySize} bytes. A failure leaves no file.
     */
    public static void write(Path target, int vocabularySize, Content content) {
        int width = width(vocabularySize);
        AtomicFiles.write(target, channel -> {
            channel.position(HEADER);
            Writer out = new Writer(channel, width, vocabularySize);
            Map<String, Object> description = content.write(out);
            out.flush();
            byte[] json = Json.write(description).getBytes(StandardCharsets.UTF_8);
            writeFully(channel, ByteBuffer.wrap(json), HEADER + out.count * width);
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            header.put(MAGIC).putInt(VERSION).putInt(width).putLong(out.count).putLong(HEADER + out.count * width)
                    .putLong(json.length);
            writeFully(channel, header.clear(), 0);
        });
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        for (long at = position; bytes.hasRemaining(); ) {
            at += channel.write(bytes, at);
        }
    }

    /** Appends token ids to a token file being written, through a buffer of its own. */
    public static final class Writer {

        private static final int BUFFER = 1 << 16;

        private final FileChannel channel;
        private final int width;
        private final int vocabularySize;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        private long count;

        /** Appends {@code width}-byte ids below {@code vocabularySize} to {@code channel} from its position on. */
        Writer(FileChannel channel, int width, int vocabularySize) {
            this.channel = channel;
            this.width = width;
            this.vocabularySize = vocabularySize;
        }

        /** Appends {@code id}, 0 ≤ id < the vocabulary's size. */
        public void add(int id) throws IOException {
            if (id < 0 || id >= vocabularySize) {
                throw new IllegalArgumentException("token id " + id + " is outside a vocabulary of " + vocabularySize);
            }
            if (buffer.remaining() < width) {
                flush();
            }
            switch (width) {
                case 1 -> buffer.put((byte) id);
                case 2 -> buffer.putShort((short) id);
                default -> buffer.putInt(id);
            }
            count++;
        }

        /** How many tokens were added so far. */
        public long count() {
            return count;
        }

        /** Writes what the buffer holds. */
        void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int get(long index) {
        long at = index * width;
        long block = at >>> BLOCK_SHIFT;
        int slot = (int) block & RECENT - 1;
        if (recent[slot] != block) {
            if (++newBlocks > budget) {
                mapping.unload();
                Arrays.fill(recent, -1);
                newBlocks = 1;
                unloads++;
            }
            recent[slot] = block;
        }
        return switch (width) {
            case 1 -> tokens.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
            case 2 -> tokens.get(SHORT, at) & 0xFFFF;
            default -> tokens.get(INT, at);
        };
    }

    /** How often the pages read were dropped from memory. */
    int unloads() {
        return unloads;
    }

    /** Bytes per token. */
    public int width() {
        return width;
    }

    /** The description its writer gave. */
    public Map<String, Object> description() {
        return description;
    }

    /** Unmaps the file; reading it afterwards throws {@link IllegalStateException}. */
    @Override
    public void close() {
        arena.close();
    }
}
