package org.rnn4j.model;

import org.rnn4j.tensor.ParameterLayout;

/**
 * The tensors of a language model, named and shaped exactly as PyTorch's {@code nn.Embedding},
 * {@code nn.RNN/LSTM/GRU} and {@code nn.Linear} name and shape them, so a checkpoint maps onto
 * {@code embedding}, {@code rnn} and {@code decoder} modules one to one.
 */
public final class ModelLayout {

    public static final String EMBEDDING = "embedding.weight";
    public static final String DECODER_WEIGHT = "decoder.weight";
    public static final String DECODER_BIAS = "decoder.bias";

    private ModelLayout() {
    }

    /** The tensor the decoder multiplies by: its own weight, or the embedding when tied. */
    public static String decoderWeight(ModelConfig config) {
        return config.tiedWeights() ? EMBEDDING : DECODER_WEIGHT;
    }

    public static String weightIh(int layer) {
        return "rnn.weight_ih_l" + layer;
    }

    public static String weightHh(int layer) {
        return "rnn.weight_hh_l" + layer;
    }

    public static String biasIh(int layer) {
        return "rnn.bias_ih_l" + layer;
    }

    public static String biasHh(int layer) {
        return "rnn.bias_hh_l" + layer;
    }

    /**
     * embedding.weight (V, E) unless one-hot; per layer l: rnn.weight_ih_l (G·H, D_l), rnn.weight_hh_l (G·H, H),
     * rnn.bias_ih_l (G·H), rnn.bias_hh_l (G·H); decoder.weight (V, H) unless tied to the embedding, decoder.bias (V).
     */
    public static ParameterLayout of(ModelConfig config) {
        ParameterLayout layout = new ParameterLayout();
        int v = config.vocabularySize();
        int h = config.hiddenSize();
        int gh = config.cell().gates() * h;
        if (!config.oneHotInput()) {
            layout.add(EMBEDDING, v, config.embeddingSize());
        }
        for (int layer = 0; layer < config.layers(); layer++) {
            layout.add(weightIh(layer), gh, config.inputSize(layer));
            layout.add(weightHh(layer), gh, h);
            layout.add(biasIh(layer), gh);
            layout.add(biasHh(layer), gh);
        }
        if (!config.tiedWeights()) {
            layout.add(DECODER_WEIGHT, v, h);
        }
        layout.add(DECODER_BIAS, v);
        return layout;
    }

    /**
     * Length of the flat parameter buffer of {@link #of}, padding included, counted in long so that a model
     * too large to allocate can be measured (saturating at {@link Long#MAX_VALUE}).
     */
    public static long size(ModelConfig config) {
        long v = config.vocabularySize();
        long h = config.hiddenSize();
        long gh = config.cell().gates() * h;
        long embedding = config.oneHotInput() ? 0 : padded(v * config.embeddingSize());
        long first = layerSize(gh, config.inputSize(0), h);
        long above = MemoryEstimate.product(layerSize(gh, h, h), config.layers() - 1L);
        long decoder = (config.tiedWeights() ? 0 : padded(v * h)) + padded(v);
        return MemoryEstimate.sum(embedding, first, above, decoder);
    }

    /** One layer's W_ih (G·H, D), W_hh (G·H, H) and two biases (G·H), padded. */
    private static long layerSize(long gh, long d, long h) {
        return MemoryEstimate.sum(padded(MemoryEstimate.product(gh, d)), padded(MemoryEstimate.product(gh, h)), 2 * padded(gh));
    }

    private static long padded(long values) {
        return values > Long.MAX_VALUE - 16 ? Long.MAX_VALUE : ParameterLayout.padded(values);
    }
}
