package org.rnn4j.sample;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.random.Rng;
import org.rnn4j.text.Vocabulary;

/**
 * Generates sentences from a word model, N at a time: each stream starts at the token that comes before a
 * sentence in training ({@link Vocabulary#SENTENCE_START} in sentence batches, the previous sentence's
 * {@link Vocabulary#SENTENCE_END} in a stream), then the prime words, and draws words until
 * {@link Vocabulary#SENTENCE_END}. It never draws {@link Vocabulary#UNKNOWN} or a second start, and draws
 * no end before the sentence has its minimum length. All streams draw in step, so they are equally long
 * until each one ends.
 */
public final class SentenceGenerator {

    private final Vocabulary vocabulary;
    private final Sampler sampler;
    private final int end;
    private final int before; // the token fed before the first word

    /** {@code before} is {@link Vocabulary#SENTENCE_START} or {@link Vocabulary#SENTENCE_END}, as the model was trained. */
    public SentenceGenerator(SequenceModel model, Vocabulary vocabulary, int streams, String before) {
        if (!vocabulary.words()) {
            throw new IllegalArgumentException("sentences need a word model's vocabulary");
        }
        this.vocabulary = vocabulary;
        this.sampler = new Sampler(model, vocabulary, streams);
        this.end = vocabulary.id(Vocabulary.SENTENCE_END);
        this.before = vocabulary.id(before);
        sampler.forbid(vocabulary.id(Vocabulary.UNKNOWN), true);
        sampler.forbid(vocabulary.id(Vocabulary.SENTENCE_START), true);
    }

    public int streams() {
        return sampler.streams();
    }

    /**
     * One sentence per stream: the {@code prime} words (those outside the vocabulary read as unknown), then
     * what the model draws, without the end token. A sentence stops at the end token or after
     * {@code config.length()} words in all, whichever comes first, and has at least {@code minWords} words
     * unless the length limit comes first.
     */
    public List<List<String>> generate(List<String> prime, int minWords, SamplingConfig config, Rng rng) {
        int[] ids = new int[prime.size() + 1];
        ids[0] = before;
        for (int i = 0; i < prime.size(); i++) {
            ids[i + 1] = vocabulary.wordId(prime.get(i));
        }
        sampler.start(ids);
        List<List<String>> sentences = new ArrayList<>();
        boolean[] ended = new boolean[streams()];
        for (int n = 0; n < streams(); n++) {
            sentences.add(new ArrayList<>(prime));
        }
        int running = streams();
        for (int words = prime.size(); words < config.length() && running > 0; words++) {
            sampler.forbid(end, words < minWords);
            int[] drawn = sampler.next(config, rng);
            for (int n = 0; n < streams(); n++) {
                if (ended[n]) {
                    continue;
                }
                if (drawn[n] == end) {
                    ended[n] = true;
                    running--;
                } else {
                    sentences.get(n).add(vocabulary.token(drawn[n]));
                }
            }
        }
        return sentences;
    }
}
