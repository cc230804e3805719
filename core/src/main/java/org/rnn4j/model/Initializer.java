package org.rnn4j.model;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.rnn4j.random.Rng;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.TensorShape;

/**
 * Fills a model's parameters according to an {@link Initialization}. A learned initial state starts at zero and
 * draws nothing, so the other tensors start as they would without it.
 */
public final class Initializer {

    private Initializer() {
    }

    public static void initialize(SequenceModel model, Initialization init, Rng rng) {
        ModelConfig config = model.config();
        Parameters parameters = model.parameters();
        float[] w = parameters.values();
        float pytorchRange = (float) (1.0 / Math.sqrt(config.hiddenSize()));
        Set<String> initialState = ModelLayout.initialStateTensors(config).stream().map(TensorShape::name).collect(Collectors.toSet());
        for (Tensor tensor : parameters.layout().tensors()) {
            if (initialState.contains(tensor.name())) {
                Arrays.fill(w, tensor.offset(), tensor.offset() + tensor.size(), 0f);
                continue;
            }
            boolean bias = tensor.shape().length == 1;
            // a tied embedding is also the decoder's weight, so it starts as the decoder would
            boolean embedding = tensor.name().equals(ModelLayout.EMBEDDING) && !config.tiedWeights();
            for (int i = tensor.offset(); i < tensor.offset() + tensor.size(); i++) {
                w[i] = switch (init.scheme()) {
                    case PYTORCH -> embedding ? (float) rng.nextGaussian() : uniform(rng, pytorchRange);
                    case UNIFORM -> uniform(rng, init.scale());
                    case GAUSSIAN -> bias ? 0f : (float) (rng.nextGaussian() * init.scale());
                };
            }
        }
        if (init.zeroDecoder()) {
            for (TensorShape owned : config.head().tensors(config)) {
                Tensor tensor = parameters.layout().get(owned.name());
                Arrays.fill(w, tensor.offset(), tensor.offset() + tensor.size(), 0f);
            }
        }
        for (int l = 0; l < config.layers(); l++) {
            config.cell().initialize(ModelLayout.layerTensors(parameters.layout(), config, l), w, init);
        }
    }

    private static float uniform(Rng rng, float range) {
        return (2f * rng.nextFloat() - 1f) * range;
    }
}
