package org.rnn4j.model;

import java.util.List;
import org.rnn4j.kernel.PackedMatrix;

/**
 * The packed copies of the weights that a one-row inference workspace's layers read instead of the
 * parameters, kept current by {@link SequenceModel#refreshProjection}: per layer a packed input projection
 * W_ih (K, D), or null for a layer that reads its input otherwise, and packed copies of the matrices its cell
 * names in {@code packedRecurrent()} (W_hh (G·H, H)), none for a cell that names none.
 */
record PackedWeights(PackedMatrix[] inputWeights, List<List<PackedMatrix>> recurrentWeights) {
}
