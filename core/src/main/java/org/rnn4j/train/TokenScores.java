package org.rnn4j.train;

/** Receives the model's log-probability of each predicted token, in text order when evaluating one stream. */
@FunctionalInterface
public interface TokenScores {

    /** {@code position} is the token's index in the evaluated text; log-probability in nats. */
    void score(long position, int token, double logProbability);
}
