package org.rnn4j.head;

/**
 * What a window is scored against, filled by the caller before each forward. A head reads the arrays its
 * {@link Head#perStep()} says; {@link org.rnn4j.kernel.Kernels#PADDING} marks an entry without a target.
 *
 * @param targets (T·N) per-step targets, row t·N + n
 * @param lengths (N) the steps of each row that hold input; the rest of a row is padding
 * @param labels  (N) one target per row
 */
public record HeadTargets(int[] targets, int[] lengths, int[] labels) {
}
