package org.rnn4j.model;

import org.rnn4j.cell.Cell;
import org.rnn4j.head.Head;
import org.rnn4j.head.lm.LanguageModelHead;

/**
 * Shape of a model, an encoder plus a head. The encoder: V tokens in, an embedding of size E (0 means one-hot
 * input, D = V), L stacked recurrent layers of H units, dropout between layers and before the head, and its own
 * rate on the embedding (the non-recurrent connections). The head turns the top layer's outputs into predictions: the next token
 * (a language model's linear decoder to V logits), one class per sequence, or one label per step. With
 * {@code tiedWeights} a language model's decoder weight is the embedding matrix itself, which needs E = H.
 * {@code initialState} says what every row starts from at a reset: zero, or a learned h₀ (and c₀) per layer.
 */
public record ModelConfig(Cell cell, int vocabularySize, int embeddingSize, int hiddenSize, int layers,
                          float dropout, float embeddingDropout, boolean tiedWeights, Head head, InitialState initialState) {

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
        if (!(embeddingDropout >= 0f && embeddingDropout < 1f)) {
            throw new IllegalArgumentException("embedding dropout must be in [0, 1), got " + embeddingDropout);
        }
        if (head == null) {
            throw new IllegalArgumentException("a head is required");
        }
        if (initialState == null) {
            throw new IllegalArgumentException("an initial state (zero or learned) is required");
        }
        if (tiedWeights && head != LanguageModelHead.INSTANCE) {
            throw new IllegalArgumentException("only a language model can tie its output weights to the embedding; drop --tied-weights");
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

    /** A model that starts from the zero state, with the same dropout on its embedding as between its layers. */
    public ModelConfig(Cell cell, int vocabularySize, int embeddingSize, int hiddenSize, int layers, float dropout,
                       boolean tiedWeights, Head head) {
        this(cell, vocabularySize, embeddingSize, hiddenSize, layers, dropout, dropout, tiedWeights, head, InitialState.ZERO);
    }

    /** A language model. */
    public ModelConfig(Cell cell, int vocabularySize, int embeddingSize, int hiddenSize, int layers, float dropout,
                       boolean tiedWeights) {
        this(cell, vocabularySize, embeddingSize, hiddenSize, layers, dropout, tiedWeights, LanguageModelHead.INSTANCE);
    }

    /** A language model whose decoder has its own weight. */
    public ModelConfig(Cell cell, int vocabularySize, int embeddingSize, int hiddenSize, int layers, float dropout) {
        this(cell, vocabularySize, embeddingSize, hiddenSize, layers, dropout, false);
    }

    /** This shape with another head. */
    public ModelConfig withHead(Head other) {
        return new ModelConfig(cell, vocabularySize, embeddingSize, hiddenSize, layers, dropout, embeddingDropout, tiedWeights, other,
                initialState);
    }

    /** This shape starting from {@code other} at a reset. */
    public ModelConfig withInitialState(InitialState other) {
        return new ModelConfig(cell, vocabularySize, embeddingSize, hiddenSize, layers, dropout, embeddingDropout, tiedWeights, head,
                other);
    }

    /** This shape with {@code rate} of dropout on its embedding. */
    public ModelConfig withEmbeddingDropout(float rate) {
        return new ModelConfig(cell, vocabularySize, embeddingSize, hiddenSize, layers, dropout, rate, tiedWeights, head, initialState);
    }

    /** True when training drops anything: the embedding or the layers' outputs. */
    public boolean drops() {
        return dropout > 0f || embeddingDropout > 0f && !oneHotInput();
    }

    /** C: the size of one prediction, V for a language model. */
    public int outputs() {
        return head.outputs(this);
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
