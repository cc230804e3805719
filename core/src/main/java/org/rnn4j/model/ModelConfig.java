package org.rnn4j.model;

import org.rnn4j.cell.Cell;

/**
 * Shape of a language model: V tokens in, an embedding of size E (0 means one-hot input, D = V),
 * L stacked recurrent layers of H units, dropout on the embedding, between layers and before the decoder
 * (the non-recurrent connections), and a linear decoder to V logits. With {@code tiedWeights} the
 * decoder's weight is the embedding matrix itself, which needs E = H.
 */
public record ModelConfig(Cell cell, int vocabularySize, int embeddingSize, int hiddenSize, int layers,
                          float dropout, boolean tiedWeights) {

    public ModelConfig {
        if (cell == null) {
            throw new IllegalArgumentException("a cell is required");
        }
        if (vocabularySize < 2) {
            throw new IllegalArgumentException("vocabulary size must be at least 2, got " + vocabularySize);
        }
        if (embeddingSize < 0) {
            throw new IllegalArgumentException("embedding size must be positive (or 0 for one-hot input), got " + embeddingSize);
        }
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("hidden size must be positive, got " + hiddenSize);
        }
        if (layers <= 0) {
            throw new IllegalArgumentException("number of layers must be positive, got " + layers);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        int input = embeddingSize == 0 ? vocabularySize : embeddingSize; // the first layer's D; the layers above read H
        if (!cell.acceptsInput(input, hiddenSize)) {
            throw new IllegalArgumentException("cell " + cell.id() + " adds its input to its hidden state, so the first layer's input ("
                    + (embeddingSize == 0 ? "one-hot, " : "embedding size ") + input + ") must be as wide as the hidden size ("
                    + hiddenSize + "); set the embedding size to the hidden size");
        }
        if (tiedWeights && embeddingSize != hiddenSize) {
            throw new IllegalArgumentException("tied weights share the embedding with the output layer, so the embedding size ("
                    + embeddingSize + ") must equal the hidden size (" + hiddenSize + "); set both to the same value");
        }
    }

    /** A model whose decoder has its own weight. */
    public ModelConfig(Cell cell, int vocabularySize, int embeddingSize, int hiddenSize, int layers, float dropout) {
        this(cell, vocabularySize, embeddingSize, hiddenSize, layers, dropout, false);
    }

    /** True when tokens enter the first layer as one-hot vectors rather than through an embedding. */
    public boolean oneHotInput() {
        return embeddingSize == 0;
    }

    /** D of layer {@code layer}: the embedding size (or V) for the first, H above it. */
    public int inputSize(int layer) {
        if (layer > 0) {
            return hiddenSize;
        }
        return oneHotInput() ? vocabularySize : embeddingSize;
    }
}
