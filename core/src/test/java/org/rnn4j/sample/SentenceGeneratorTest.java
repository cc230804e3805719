package org.rnn4j.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.cell.Cells;
import org.rnn4j.head.lm.LanguageModelHead;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitScheme;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.random.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.Vocabulary;

/** Sentences never hold the special tokens, honour the minimum length, and start from the context asked for. */
class SentenceGeneratorTest {

    private static final int WORDS_DRAWN = 8;
    private static final Vocabulary WORDS = new Vocabulary(List.of(Vocabulary.UNKNOWN, Vocabulary.SENTENCE_START,
            Vocabulary.SENTENCE_END, "the", "cat", "sat", "."));

    /** A model that, left alone, would draw <unk> or </s> almost every time. */
    private static SequenceModel biasedModel() {
        SequenceModel model = new SequenceModel(new ModelConfig(Cells.of("lstm"), WORDS.size(), 4, 5, 1, 0f), KernelProvider.kernels());
        Initializer.initialize(model, new Initialization(InitScheme.UNIFORM, 1.5f, 0f, false), new Rng(3));
        Tensor bias = model.parameters().layout().get(LanguageModelHead.DECODER_BIAS);
        float[] values = model.parameters().values();
        values[bias.offset()] = 8f;     // <unk>
        values[bias.offset() + 1] = 8f; // <s>
        values[bias.offset() + 2] = 6f; // </s>
        return model;
    }

    @Test
    void noSpecialTokensAndAtLeastTheMinimumLength() {
        SentenceGenerator generator = new SentenceGenerator(biasedModel(), WORDS, 8, Vocabulary.SENTENCE_START);
        var config = new SamplingConfig(30, 1f, 0, 1f, Decoding.SAMPLE, "");
        List<List<String>> sentences = generator.generate(List.of(), 5, config, new Rng(1));
        assertEquals(8, sentences.size());
        for (List<String> sentence : sentences) {
            assertTrue(sentence.size() >= 5, sentence.toString());
            assertTrue(sentence.size() < 30, "ends at </s> once allowed: " + sentence);
            assertFalse(sentence.stream().anyMatch(Vocabulary::isSpecial), sentence.toString());
        }
        List<List<String>> unconstrained = generator.generate(List.of(), 0, config, new Rng(1));
        assertTrue(unconstrained.stream().mapToInt(List::size).sum() < sentences.stream().mapToInt(List::size).sum(),
                "without a minimum the likely </s> comes sooner");
    }

    @Test
    void theWordsContinueTheChosenContext() {
        SequenceModel model = biasedModel();
        var greedy = new SamplingConfig(WORDS_DRAWN + 1, 1f, 0, 1f, Decoding.GREEDY, "");
        List<List<String>> byContext = new ArrayList<>();
        for (String before : new String[] {Vocabulary.SENTENCE_START, Vocabulary.SENTENCE_END}) {
            Sampler sampler = new Sampler(model, WORDS);
            Arrays.asList(Vocabulary.UNKNOWN, Vocabulary.SENTENCE_START, Vocabulary.SENTENCE_END)
                    .forEach(token -> sampler.forbid(WORDS.id(token), true));
            sampler.start(new int[] {WORDS.id(before), WORDS.id("the")});
            List<String> expected = new ArrayList<>(List.of("the"));
            for (int i = 0; i < WORDS_DRAWN; i++) {
                expected.add(WORDS.token(sampler.next(greedy, new Rng(1))[0]));
            }
            List<String> sentence = new SentenceGenerator(model, WORDS, 1, before)
                    .generate(List.of("the"), WORDS_DRAWN + 1, greedy, new Rng(1)).get(0);
            assertEquals(expected, sentence, "after " + before);
            byContext.add(sentence);
        }
        assertFalse(byContext.get(0).equals(byContext.get(1)), "the two contexts lead to different sentences: " + byContext);
    }
}
