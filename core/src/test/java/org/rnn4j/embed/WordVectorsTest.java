package org.rnn4j.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cells;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.train.Checkpoint;

/** Neighbours and analogies on 3-D vectors built so that the answers are known exactly. */
class WordVectorsTest {

    private static final double EPS = 1e-9;
    private static final Map<String, Object> WORDS = Map.of("level", "word");

    /** king − man + woman = (1, 1, 1) = queen; the specials sit where they would win if they were candidates. */
    private static final Vocabulary ROYALS = new Vocabulary(List.of(
            Vocabulary.UNKNOWN, Vocabulary.SENTENCE_START, Vocabulary.SENTENCE_END,
            "man", "woman", "king", "queen", "prince", "apple"));
    private static final float[] ROYAL_VECTORS = {
            1, 0, 1,        // <unk>: the direction of king
            2, 0, 2,        // <s>: the direction of king
            0, 0, 0,        // </s>: zero
            1, 0, 0,        // man
            1, 1, 0,        // woman
            1, 0, 1,        // king
            1, 1, 1,        // queen
            1, 0, 0.8f,     // prince
            -1, 0, -1};     // apple: opposite to king

    private final WordVectors royals = new WordVectors(ROYALS, ROYAL_VECTORS);

    @Test
    void neighborsRankByCosineWithoutTheWordAndTheSpecials() {
        List<Neighbor> neighbors = royals.neighbors(List.of("king"), 10).getFirst();
        assertEquals(List.of("prince", "queen", "man", "woman", "apple"), tokens(neighbors),
                "every other word, nearest first; only 5 candidates remain");
        assertEquals(1.8 / (Math.sqrt(2) * Math.sqrt(1.64)), neighbors.get(0).score(), 1e-7); // prince, 0.8f is not exactly 0.8
        assertEquals(2 / Math.sqrt(6), neighbors.get(1).score(), EPS);
        assertEquals(1 / Math.sqrt(2), neighbors.get(2).score(), EPS);
        assertEquals(0.5, neighbors.get(3).score(), EPS);
        assertEquals(-1, neighbors.get(4).score(), EPS);
    }

    @Test
    void eachWordGetsItsOwnList() {
        List<List<Neighbor>> neighbors = royals.neighbors(List.of("queen", "man"), 1);
        assertEquals(List.of("woman"), tokens(neighbors.get(0)), "queen's nearest: woman (0.816) ties king, the lower id wins");
        assertEquals(List.of("prince"), tokens(neighbors.get(1)), "man's nearest: prince (0.781)");
    }

    @Test
    void countCutsTheList() {
        assertEquals(List.of("prince", "queen"), tokens(royals.neighbors(List.of("king"), 2).getFirst()));
        assertEquals(5, royals.neighbors(List.of("king"), Integer.MAX_VALUE).getFirst().size(), "no more than the candidates, nothing allocated beyond V");
        assertThrows(IllegalArgumentException.class, () -> royals.neighbors(List.of("king"), 0));
    }

    @Test
    void kingMinusManPlusWomanIsQueenByBothMetrics() {
        List<Neighbor> cosine = royals.analogy("king", "man", "woman", Metric.COSINE, 3);
        assertEquals(List.of("queen", "prince", "apple"), tokens(cosine), "king, man, woman and the specials are never answers");
        assertEquals(1, cosine.get(0).score(), EPS);

        List<Neighbor> euclidean = royals.analogy("king", "man", "woman", Metric.EUCLIDEAN, 3);
        assertEquals(List.of("queen", "prince", "apple"), tokens(euclidean));
        assertEquals(0, euclidean.get(0).score(), EPS);
        assertEquals(Math.sqrt(1 + 0.2f * 0.2f), euclidean.get(1).score(), 1e-7);
        assertEquals(3, euclidean.get(2).score(), EPS);
    }

    @Test
    void cosineAndEuclideanDisagreeOnALongVectorInTheRightDirection() {
        Vocabulary vocabulary = new Vocabulary(List.of("a", "b", "c", "far", "near"));
        WordVectors vectors = new WordVectors(vocabulary, new float[] {
                1, 0, 1,
                1, 0, 0,
                1, 1, 0,        // a − b + c = (1, 1, 1)
                3, 3, 3,        // the same direction, distance √12
                1.2f, 0.8f, 1   // another direction, distance 0.28
        });
        assertEquals(List.of("far", "near"), tokens(vectors.analogy("a", "b", "c", Metric.COSINE, 2)));
        List<Neighbor> euclidean = vectors.analogy("a", "b", "c", Metric.EUCLIDEAN, 2);
        assertEquals(List.of("near", "far"), tokens(euclidean));
        assertEquals(Math.sqrt(12), euclidean.get(1).score(), 1e-9);
    }

    @Test
    void tiesKeepVocabularyOrder() {
        WordVectors vectors = new WordVectors(new Vocabulary(List.of("x", "p", "q", "r")), new float[] {1, 0, 2, 0, 3, 0, 4, 0});
        assertEquals(List.of("p", "q", "r"), tokens(vectors.neighbors(List.of("x"), 3).getFirst()));
    }

    @Test
    void unknownWordsAreNamedWithTheirLowerCase() {
        var one = assertThrows(InvalidInputException.class, () -> royals.neighbors(List.of("King"), 5));
        assertEquals("'King' (did you mean 'king'?) is not in the vocabulary of 9 tokens; words must match a token exactly",
                one.getMessage());
        var all = assertThrows(InvalidInputException.class, () -> royals.neighbors(List.of("Man", "queen", "Apple"), 5));
        assertEquals("'Man' (did you mean 'man'?), 'Apple' (did you mean 'apple'?) are not in the vocabulary of 9 tokens;"
                + " words must match a token exactly", all.getMessage(), "every word is looked up before the first search");
        var two = assertThrows(InvalidInputException.class, () -> royals.analogy("QUEEN", "man", "xyz", Metric.COSINE, 5));
        assertEquals("'QUEEN' (did you mean 'queen'?), 'xyz' are not in the vocabulary of 9 tokens; words must match a token exactly",
                two.getMessage());
    }

    @Test
    void checkpointGivesItsEmbeddingRows() {
        ModelConfig model = new ModelConfig(Cells.of("lstm"), ROYALS.size(), 3, 4, 1, 0);
        Map<String, SafeTensors.Entry> tensors = Map.of(ModelLayout.EMBEDDING,
                SafeTensors.Entry.ofFloats(ModelLayout.EMBEDDING, new int[] {ROYALS.size(), 3}, ROYAL_VECTORS));
        WordVectors vectors = WordVectors.of(new Checkpoint(Path.of("m.safetensors"), model, ROYALS, WORDS, List.of(), null, null, null, 0, tensors));
        assertEquals(3, vectors.dimension());
        assertArrayEquals(new float[] {1, 1, 1}, vectors.vector(6));
        assertEquals(ROYALS.tokens(), vectors.vocabulary().tokens());
    }

    @Test
    void oneHotCheckpointHasNoEmbedding() {
        ModelConfig model = new ModelConfig(Cells.of("gru"), ROYALS.size(), 0, 4, 1, 0);
        Checkpoint oneHot = new Checkpoint(Path.of("one-hot.safetensors"), model, ROYALS, WORDS, List.of(), null, null, null, 0, Map.of());
        var e = assertThrows(InvalidInputException.class, () -> WordVectors.of(oneHot));
        assertEquals("one-hot.safetensors has no embedding: the model reads one-hot vectors (trained with --wordvec-size 0);"
                + " train a model with --wordvec-size above 0 to learn word vectors", e.getMessage());
    }

    private static List<String> tokens(List<Neighbor> neighbors) {
        return neighbors.stream().map(Neighbor::token).toList();
    }
}
