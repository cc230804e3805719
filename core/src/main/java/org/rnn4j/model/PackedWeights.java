package org.rnn4j.model;

import org.rnn4j.kernel.PackedMatrix;

/**
 * The packed copies of the weights that a one-row inference workspace's layers read instead of the
 * parameters, kept current by {@link LanguageModel#refreshProjection}: per layer a packed W_ih (G·H, D), or
 * null for a layer that reads its input otherwise, and a packed W_hh (G·H, H).
 */
record PackedWeights(PackedMatrix[] inputWeights, PackedMatrix[] recurrentWeights) {
}
