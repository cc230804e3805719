package org.rnn4j.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.AtomicFiles;

/**
 * A corpus tokenized once, in streaming passes that never hold the text, into a {@link TokenFile} in a run
 * folder, {@code corpus-H.tokens} with H the first 16 hex digits of the text's SHA-256; training then reads
 * its windows from the mapped file, and a resumed run reads the same file again. The tokens are the text's
 * followed by those of its validation text, if any; the file's description records what they were made
 * from (the {@link CorpusSource}: texts, split, vocabulary cap; the tokenizer settings), the vocabulary,
 * where validation and test start, and how many sentences the text has (0 for characters). A file made
 * from anything else than what a run asks for is written anew.
 *
 * <p>Characters: the caller reads the vocabulary in a first pass ({@link Vocabulary#ofCodePoints(TextSource...)}),
 * then one pass encodes. Words: one pass runs the tokenizer and keeps every distinct word once (memory grows
 * with the distinct words, not with the text), writing per-word numbers to a scratch file in the folder;
 * a pass over that counts the training split's words for the vocabulary and finds where the splits start,
 * and a last one writes the token file. The result is the corpus that {@link Corpus#ofCharacters} and
 * {@link Corpus#ofSentences} make from the same text in memory, token for token.
 *
 * @param corpus    the splits, read from the mapped file, until {@link #close}
 * @param tokens    the mapped file
 * @param file      where it lies
 * @param sentences sentences of the text (its validation text aside); 0 for characters
 * @param reused    true when the file was there already
 */
public record CorpusFile(Corpus corpus, TokenFile tokens, Path file, long sentences, boolean reused) implements AutoCloseable {

    private static final String PREFIX = "corpus-";
    private static final int SENTENCE_END = 0; // in the scratch file, where a word is its number + 1

    /** A text's sentences of words in order, as a tokenizer streams them. */
    @FunctionalInterface
    public interface Sentences {
        void forEach(Consumer<List<String>> sentence);
    }

    /** Bytes per token in the file. */
    public int width() {
        return tokens.width();
    }

    /** Unmaps the token file. */
    @Override
    public void close() {
        tokens.close();
    }

    /** The token file of {@code text} in {@code folder}. */
    public static Path path(Path folder, TextFingerprint text) {
        return folder.resolve(PREFIX + text.sha256().substring(0, 16) + TokenFile.SUFFIX);
    }

    /**
     * The corpus of {@code folder}'s token file when that was made from {@code source} with {@code tokenizer}
     * and, unless it is null, {@code vocabulary}; empty when there is none, or it was made from something else.
     */
    public static Optional<CorpusFile> reuse(Path folder, CorpusSource source, Map<String, Object> tokenizer, Vocabulary vocabulary) {
        Path path = path(folder, source.text());
        Optional<TokenFile> opened = Files.isRegularFile(path) ? TokenFile.open(path) : Optional.empty();
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        TokenFile file = opened.get();
        Map<String, Object> description = file.description();
        try {
            CorpusSource recorded = CorpusSource.fromJson(object(description, "corpus"));
            Vocabulary recordedVocabulary = new Vocabulary(strings(description.get("vocabulary")));
            long[] starts = longs(description.get("splits"));
            boolean same = sameSource(recorded, source) && tokenizer.equals(description.get("tokenizer"))
                    && (vocabulary == null || vocabulary.tokens().equals(recordedVocabulary.tokens()))
                    && starts.length == 2 && 0 <= starts[0] && starts[0] <= starts[1] && starts[1] <= file.length();
            if (same && description.get("sentences") instanceof Long sentences) {
                return Optional.of(new CorpusFile(corpus(file, recordedVocabulary, tokenizer, source, starts), file, path, sentences, true));
            }
        } catch (IllegalArgumentException | ClassCastException damaged) {
            // a description this rnn4j did not write: the file is written anew
        }
        file.close();
        return Optional.empty();
    }

    private static boolean sameSource(CorpusSource recorded, CorpusSource asked) {
        boolean sameValidation = recorded.validationText() == null ? asked.validationText() == null
                : asked.validationText() != null && recorded.validationText().sameText(asked.validationText());
        return recorded.text().sameText(asked.text()) && sameValidation && recorded.trainFraction() == asked.trainFraction()
                && recorded.validationFraction() == asked.validationFraction() && recorded.vocabularyLimit() == asked.vocabularyLimit();
    }

    /**
     * Encodes the code points of {@code text}, then of {@code validation} (null: the validation split is cut
     * from the text by the fractions of {@code source}), as {@code vocabulary}'s ids into the token file of
     * {@code folder}, and maps it. Refuses characters the vocabulary lacks, naming them.
     */
    public static CorpusFile characters(Path folder, TextSource text, TextSource validation, CorpusSource source,
                                        Vocabulary vocabulary) {
        Corpus.splitPoints(0, source.trainFraction(), source.validationFraction()); // refuses a bad split before any pass
        int[] ids = vocabulary.codePointIds();
        Path path = path(folder, source.text());
        TokenFile.write(path, vocabulary.size(), out -> {
            encode(text, ids, out, "the corpus");
            long textLength = out.count();
            if (validation != null) {
                encode(validation, ids, out, "the validation text");
            }
            long[] starts = validation == null ? Corpus.splitPoints(textLength, source.trainFraction(), source.validationFraction())
                    : new long[] {textLength, out.count()};
            return description(source, Corpus.CHARACTERS, vocabulary, starts, 0);
        });
        return opened(path, vocabulary, Corpus.CHARACTERS, source, 0);
    }

    private static void encode(TextSource text, int[] ids, TokenFile.Writer out, String what) throws IOException {
        TreeSet<String> unknown = new TreeSet<>();
        try (TextSource.Reader reader = text.reader()) {
            for (int codePoint; (codePoint = reader.next()) != TextSource.Reader.END; ) {
                int id = codePoint < ids.length ? ids[codePoint] : -1;
                if (id < 0) {
                    unknown.add(Vocabulary.describe(codePoint));
                } else if (unknown.isEmpty()) {
                    out.add(id);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw Vocabulary.unknownCharacters(what, unknown);
        }
    }

    /**
     * The sentences of {@code text}, then of {@code validation} (null: the validation split is cut from the
     * text's sentences by the fractions of {@code source}), as one stream of word ids with {@code </s>} after
     * each sentence, in the token file of {@code folder}. The vocabulary is {@code vocabulary} or, when that is
     * null, the {@link CorpusSource#vocabularyLimit} most frequent words of the training split
     * ({@link Vocabulary#ofWords}); other words become {@code <unk>}.
     */
    public static CorpusFile words(Path folder, Sentences text, Sentences validation, Map<String, Object> tokenizer,
                                   CorpusSource source, Vocabulary vocabulary) {
        Corpus.splitPoints(0, source.trainFraction(), source.validationFraction());
        Path path = path(folder, source.text());
        Path scratch = AtomicFiles.temporary(path.resolveSibling(path.getFileName() + ".words"));
        try (FileChannel channel = FileChannel.open(scratch, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
            Dictionary words = new Dictionary();
            TokenFile.Writer numbers = new TokenFile.Writer(channel, Integer.BYTES, Integer.MAX_VALUE);
            long textSentences = words.write(text, numbers);
            long textLength = numbers.count();
            if (validation != null) {
                words.write(validation, numbers);
            }
            numbers.flush();
            long[] sentenceStarts = validation == null
                    ? Corpus.splitPoints(textSentences, source.trainFraction(), source.validationFraction()) : null;
            Splits splits = Splits.count(channel, numbers.count(), sentenceStarts, textLength, words.size());
            Vocabulary known = vocabulary != null ? vocabulary
                    : Vocabulary.ofWordCounts(words.list().subList(3, words.size()),
                            Arrays.copyOfRange(splits.trainCounts(), 3, words.size()), source.vocabularyLimit());
            int[] idOf = words.ids(known);
            TokenFile.write(path, known.size(), out -> {
                ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
                int end = known.id(Vocabulary.SENTENCE_END);
                for (long at = 0, limit = 0; at < numbers.count(); at++) {
                    if (at == limit) {
                        limit = at + read(channel, buffer, at, numbers.count()) / Integer.BYTES;
                    }
                    int number = buffer.getInt();
                    out.add(number == SENTENCE_END ? end : idOf[number - 1]);
                }
                return description(source, tokenizer, known, splits.starts(), textSentences);
            });
            return opened(path, known, tokenizer, source, textSentences);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + scratch + ": " + e.getMessage() + "; check the free space of that folder", e);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException("cannot write " + scratch + ": " + e.getCause().getMessage()
                    + "; check the free space of that folder", e);
        }
    }

    /** Reads numbers [at, limit) or as many as fill {@code buffer} from the scratch file; returns the bytes read, buffer flipped. */
    private static int read(FileChannel channel, ByteBuffer buffer, long at, long limit) throws IOException {
        buffer.clear().limit((int) Math.min(buffer.capacity(), (limit - at) * Integer.BYTES));
        for (long position = at * Integer.BYTES; buffer.hasRemaining(); ) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("the scratch file ended early");
            }
        }
        return buffer.flip().remaining();
    }

    /** Every distinct word of a text once, numbered in order of first appearance; the specials first, as 0, 1 and 2. */
    private static final class Dictionary {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> words = new ArrayList<>();

        Dictionary() {
            for (String special : List.of(Vocabulary.UNKNOWN, Vocabulary.SENTENCE_START, Vocabulary.SENTENCE_END)) {
                number(special);
            }
        }

        int number(String word) {
            Integer known = numbers.get(word);
            if (known != null) {
                return known;
            }
            numbers.put(word, words.size());
            words.add(word);
            return words.size() - 1;
        }

        /** Writes each word of {@code text} as its number + 1, and {@link #SENTENCE_END} after each sentence; returns the sentences. */
        long write(Sentences text, TokenFile.Writer out) {
            long[] sentences = {0};
            text.forEach(sentence -> {
                try {
                    for (String word : sentence) {
                        out.add(number(word) + 1);
                    }
                    out.add(SENTENCE_END);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sentences[0]++;
            });
            return sentences[0];
        }

        int size() {
            return words.size();
        }

        List<String> list() {
            return words;
        }

        /** The id in {@code vocabulary} of every number: the word's, or {@code <unk>}'s. */
        int[] ids(Vocabulary vocabulary) {
            int[] ids = new int[words.size()];
            Arrays.setAll(ids, n -> vocabulary.wordId(words.get(n)));
            return ids;
        }
    }

    /**
     * Where validation and test start in the token stream, and how often each word number occurs in the
     * training split: one pass over the scratch file.
     */
    private record Splits(long[] starts, long[] trainCounts) {

        /**
         * {@code sentenceStarts}: the sentences at which validation and test start; null when the text trains
         * whole, its {@code textLength} numbers followed by the validation text's.
         */
        static Splits count(FileChannel channel, long length, long[] sentenceStarts, long textLength, int words) throws IOException {
            long[] starts = sentenceStarts == null ? new long[] {textLength, length} : new long[] {-1, -1};
            long[] counts = new long[words];
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            long sentences = 0;                                  // sentence ends before position at
            for (long at = 0, limit = 0; at < length; at++) {
                if (at == limit) {
                    limit = at + read(channel, buffer, at, length) / Integer.BYTES;
                }
                for (int split = 0; sentenceStarts != null && split < 2; split++) {
                    if (starts[split] < 0 && sentences == sentenceStarts[split]) {
                        starts[split] = at;                      // sentence k starts after the k-th end
                    }
                }
                int number = buffer.getInt();
                boolean training = starts[0] < 0 || at < starts[0];
                if (number == SENTENCE_END) {
                    sentences++;
                } else if (training) {
                    counts[number - 1]++;
                }
            }
            for (int split = 0; split < 2; split++) {
                starts[split] = starts[split] < 0 ? length : starts[split];
            }
            return new Splits(starts, counts);
        }
    }

    private static Map<String, Object> description(CorpusSource source, Map<String, Object> tokenizer, Vocabulary vocabulary,
                                                   long[] starts, long sentences) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("corpus", source.toJson());
        json.put("tokenizer", tokenizer);
        json.put("vocabulary", vocabulary.tokens());
        json.put("splits", starts);
        json.put("sentences", sentences);
        return json;
    }

    private static CorpusFile opened(Path path, Vocabulary vocabulary, Map<String, Object> tokenizer, CorpusSource source, long sentences) {
        TokenFile file = TokenFile.open(path).orElseThrow(() -> new IllegalStateException(path + " was written but cannot be read"));
        Corpus corpus = corpus(file, vocabulary, tokenizer, source, longs(file.description().get("splits")));
        return new CorpusFile(corpus, file, path, sentences, false);
    }

    private static Corpus corpus(TokenFile file, Vocabulary vocabulary, Map<String, Object> tokenizer, CorpusSource source,
                                 long[] starts) {
        return new Corpus(vocabulary, tokenizer, file.slice(0, starts[0]), file.slice(starts[0], starts[1]),
                file.slice(starts[1], file.length()), source);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> json, String key) {
        if (!(json.get(key) instanceof Map<?, ?> value)) {
            throw new IllegalArgumentException("\"" + key + "\" is missing or not an object");
        }
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object json) {
        if (!(json instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("not a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static long[] longs(Object json) {
        if (!(json instanceof List<?> list) || !list.stream().allMatch(Long.class::isInstance)) {
            throw new IllegalArgumentException("not a list of integers");
        }
        return list.stream().mapToLong(Long.class::cast).toArray();
    }
}
