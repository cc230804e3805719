package org.rnn4j.model;

/**
 * How a {@link Workspace} runs its windows, where there is more than one way to get the same numbers:
 * how the first layer gets its input projection, and whether the layers share one set of activation
 * blocks (keeping one layer's gates and cells instead of L, and recomputing the lower layers' in
 * backward: design decision 15). {@link SequenceModel#plan} picks the faster or the leaner by size.
 */
public record WorkspacePlan(TokenProjection projection, boolean sharedActivations) {
}
