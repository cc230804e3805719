package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.embed.Word2VecWriter;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.train.Checkpoint;

/**
 * embeddings export, neighbors and analogy on tiny character and word models trained on the sonnets: the
 * output agrees with a brute-force computation on the checkpoint's {@code embedding.weight}, a word model's
 * special tokens are never answers, and bad input ends in exit code 2 and one line.
 */
class EmbeddingCommandsTest {

    private static final int E = 8;

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static Path checkpoint;
    private static Path oneHot;
    private static Path words;
    private static Vocabulary vocabulary;
    private static float[] embedding; // (V, E)

    @BeforeAll
    static void train() {
        Cli.trainTiny(Cli.sonnets(), shared.resolve("run"), "--max-steps", "5", "--wordvec-size", Integer.toString(E)).ok();
        Cli.trainTiny(Cli.sonnets(), shared.resolve("one-hot"), "--max-steps", "5", "--wordvec-size", "0").ok();
        Cli.trainTiny(Cli.sonnets(), shared.resolve("words"), "--max-steps", "5", "--level", "word", "--tokenizer", "whitespace",
                "--lowercase").ok();
        checkpoint = shared.resolve("run").resolve("checkpoint.safetensors");
        oneHot = shared.resolve("one-hot").resolve("checkpoint.safetensors");
        words = shared.resolve("words").resolve("checkpoint.safetensors");
        Checkpoint loaded = Checkpoint.load(checkpoint);
        vocabulary = loaded.vocabulary();
        embedding = loaded.tensors().get(ModelLayout.EMBEDDING).floats();
    }

    @Test
    void exportWritesEveryVectorExactly() throws IOException {
        Path file = temp.resolve("vectors.txt");
        String out = Cli.run("embeddings", "export", "--checkpoint", checkpoint.toString(), "--out", file.toString()).ok().out();
        assertEquals("wrote 55 vectors of dimension " + E + " to " + file + " (word2vec text, 2 token(s) escaped)\n", out,
                "the sonnets' space and newline are escaped");

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("55 " + E, lines.getFirst());
        assertEquals(56, lines.size());
        float[] read = new float[embedding.length];
        for (int id = 0; id < vocabulary.size(); id++) {
            String[] fields = lines.get(id + 1).split(" ");
            assertEquals(Word2VecWriter.escape(vocabulary.token(id)), fields[0]);
            assertEquals(E + 1, fields.length);
            for (int e = 0; e < E; e++) {
                read[id * E + e] = Float.parseFloat(fields[e + 1]);
            }
        }
        assertArrayEquals(embedding, read, "the values read back bit for bit");
        assertEquals(List.of(), Cli.temporaryFiles(temp));
    }

    @Test
    void neighborsAreTheRowsOfHighestCosine() {
        String out = Cli.run("neighbors", "--checkpoint", checkpoint.toString(), "--count", "4", "e", " ").ok().out();
        String[] blocks = out.split("\n\n");
        assertEquals(2, blocks.length, out);
        assertBlock(blocks[0], "e", cosineRanking(row("e")), "e");
        assertBlock(blocks[1], "\\s", cosineRanking(row(" ")), " ");
    }

    @Test
    void analogyListsCosineAndEuclideanAnswersSideBySide() {
        String out = Cli.run("analogy", "--checkpoint", checkpoint.toString(), "a", "e", "i").ok().out();
        List<String> lines = out.lines().toList();
        assertEquals("a - e + i", lines.get(0));
        assertTrue(lines.get(1).matches(" +cosine similarity +Euclidean distance"), lines.get(1));
        assertEquals(2 + 5, lines.size(), "5 answers by default: " + out);

        float[] query = new float[E]; // a − e + i, in float as the library computes it
        float[] a = row("a");
        float[] b = row("e");
        float[] c = row("i");
        for (int e = 0; e < E; e++) {
            query[e] = a[e] - b[e] + c[e];
        }
        List<Ranked> byCosine = cosineRanking(query);
        List<Ranked> byDistance = ranking(id -> Math.sqrt(squaredDistance(query, id)), Comparator.naturalOrder());
        List<Ranked> expectedCosine = withoutTokens(byCosine, "a", "e", "i");
        List<Ranked> expectedDistance = withoutTokens(byDistance, "a", "e", "i");
        for (int rank = 1; rank <= 5; rank++) {
            String[] cells = lines.get(rank + 1).trim().split(" +");
            assertEquals(Integer.toString(rank), cells[0]);
            assertCell(expectedCosine.get(rank - 1), cells[1], cells[2]);
            assertCell(expectedDistance.get(rank - 1), cells[3], cells[4]);
        }
    }

    @Test
    void wordModelsNeverAnswerWithTheSpecialTokens() {
        int size = Checkpoint.load(words).vocabulary().size();
        String out = Cli.run("neighbors", "--checkpoint", words.toString(), "--count", "100000", "thee").ok().out();
        List<String> rows = out.lines().skip(2).toList();
        assertEquals(size - 4, rows.size(), "every token but thee, <unk>, <s> and </s>");
        assertTrue(rows.stream().noneMatch(row -> row.contains("<unk>") || row.contains("<s>") || row.contains("</s>")), out);

        String answers = Cli.run("analogy", "--checkpoint", words.toString(), "--count", "100000", "thou", "thee", "thy").ok().out();
        List<String> answerRows = answers.lines().skip(2).toList();
        assertEquals(size - 6, answerRows.size(), "every token but thou, thee, thy and the specials");
        assertTrue(answerRows.stream().noneMatch(row -> row.matches(".* (thou|thee|thy|<unk>|<s>|</s>) .*")), answers);
    }

    @Test
    void everyUnknownWordIsNamedWithItsLowerCase() {
        BadInputTest.assertRefused(Cli.run("neighbors", "--checkpoint", words.toString(), "Thee", "thou", "Beauty"), 2,
                "'Thee' (did you mean 'thee'?), 'Beauty' (did you mean 'beauty'?) are not in the vocabulary");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            neighbors --checkpoint MISSING e             | nope.safetensors, no such file
            analogy --checkpoint MISSING a e i           | nope.safetensors, no such file
            embeddings export --checkpoint MISSING --out OUT | nope.safetensors, no such file
            neighbors --checkpoint ONE_HOT e             | has no embedding, one-hot, --wordvec-size above 0
            analogy --checkpoint ONE_HOT a e i           | has no embedding, one-hot
            embeddings export --checkpoint ONE_HOT --out OUT | has no embedding, one-hot
            neighbors --checkpoint CHECKPOINT e Z        | 'Z' (did you mean 'z'?) is not in the vocabulary of 55 tokens
            analogy --checkpoint CHECKPOINT a ee i       | 'ee' is not in the vocabulary
            neighbors --checkpoint CHECKPOINT --count 0 e | --count must be at least 1, got 0
            analogy --checkpoint CHECKPOINT --count 0 a e i | --count must be at least 1, got 0
            analogy --checkpoint CHECKPOINT a e          | Missing required parameter: 'C', rnn4j analogy --help
            analogy --checkpoint CHECKPOINT a e i o      | Unmatched argument, 'o', rnn4j analogy --help
            neighbors --checkpoint CHECKPOINT            | Missing required parameter: 'WORD'
            embeddings                                   | Missing required subcommand, rnn4j embeddings --help
            embeddings export --checkpoint CHECKPOINT    | Missing required option: '--out=FILE', rnn4j embeddings export --help
            """)
    void badInputIsRefusedWithOneLine(String command, String mentions) throws IOException {
        Path existing = Files.writeString(temp.resolve("existing.txt"), "kept");
        String[] args = Arrays.stream(command.split(" ")).map(word -> switch (word) {
            case "MISSING" -> temp.resolve("nope.safetensors").toString();
            case "ONE_HOT" -> oneHot.toString();
            case "CHECKPOINT" -> checkpoint.toString();
            case "OUT" -> existing.toString();
            default -> word;
        }).toArray(String[]::new);
        BadInputTest.assertRefused(Cli.run(args), 2, mentions.split(", "));
        assertEquals("kept", Files.readString(existing), "a refused export leaves the file it would replace");
        assertEquals(List.of(), Cli.temporaryFiles(temp));
    }

    @Test
    void exportIntoAPathBlockedByAFileLeavesNothingBehind() throws IOException {
        Path blocker = Files.writeString(temp.resolve("blocker"), "in the way");
        Path out = blocker.resolve("vectors.txt");
        BadInputTest.assertRefused(Cli.run("embeddings", "export", "--checkpoint", checkpoint.toString(), "--out", out.toString()),
                2, "cannot write to", blocker.toString());
        assertEquals("in the way", Files.readString(blocker));
        assertEquals(List.of(), Cli.temporaryFiles(temp));
    }

    /** A token and its score in a brute-force ranking. */
    private record Ranked(String token, double score) {
    }

    /** Title, the cosine heading, then one line per expected neighbour: rank, escaped token, score to 4 decimals. */
    private static void assertBlock(String block, String title, List<Ranked> ranking, String word) {
        List<String> lines = block.lines().toList();
        assertEquals(title, lines.get(0));
        assertEquals("cosine similarity", lines.get(1).trim());
        List<Ranked> expected = withoutTokens(ranking, word);
        assertEquals(2 + 4, lines.size(), block);
        for (int rank = 1; rank <= 4; rank++) {
            String[] cells = lines.get(rank + 1).trim().split(" +");
            assertEquals(Integer.toString(rank), cells[0]);
            assertCell(expected.get(rank - 1), cells[1], cells[2]);
        }
    }

    private static void assertCell(Ranked expected, String token, String score) {
        assertEquals(Word2VecWriter.escape(expected.token()), token);
        assertEquals(expected.score(), Double.parseDouble(score), 5e-5, token);
    }

    private static List<Ranked> cosineRanking(float[] query) {
        double queryNorm = Math.sqrt(dot(query, query));
        return ranking(id -> dot(query, row(id)) / (queryNorm * Math.sqrt(dot(row(id), row(id)))), Comparator.reverseOrder());
    }

    /** Every token with its score, sorted by score in {@code order}. */
    private static List<Ranked> ranking(IntToDoubleFunction score, Comparator<Double> order) {
        return IntStream.range(0, vocabulary.size()).mapToObj(id -> new Ranked(vocabulary.token(id), score.applyAsDouble(id)))
                .sorted(Comparator.comparing(Ranked::score, order)).toList();
    }

    private static List<Ranked> withoutTokens(List<Ranked> ranking, String... tokens) {
        List<Ranked> kept = new ArrayList<>(ranking);
        kept.removeIf(ranked -> List.of(tokens).contains(ranked.token()));
        return kept;
    }

    private static double squaredDistance(float[] query, int id) {
        double sum = 0;
        float[] x = row(id);
        for (int e = 0; e < E; e++) {
            sum += (query[e] - (double) x[e]) * (query[e] - (double) x[e]);
        }
        return sum;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int e = 0; e < E; e++) {
            sum += (double) a[e] * b[e];
        }
        return sum;
    }

    private static float[] row(String token) {
        return row(vocabulary.id(token));
    }

    private static float[] row(int id) {
        return Arrays.copyOfRange(embedding, id * E, (id + 1) * E);
    }
}
