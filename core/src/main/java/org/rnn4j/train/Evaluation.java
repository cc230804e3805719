package org.rnn4j.train;

/** Scores of a model on some text: mean cross-entropy per token in nats and next-token accuracy. */
public record Evaluation(double loss, double accuracy, long tokens) {

    /** e^loss. */
    public double perplexity() {
        return Math.exp(loss);
    }

    /** Loss in bits per token (per character for character models). */
    public double bitsPerToken() {
        return loss / Math.log(2);
    }
}
