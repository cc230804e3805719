package org.rnn4j.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.TensorShape;

/**
 * The tensors of a model, named and shaped as PyTorch's {@code nn.Embedding}, the cell's module and the
 * head's {@code nn.Linear} name and shape them, so a checkpoint maps onto {@code embedding}, {@code rnn} and
 * (for a language model) {@code decoder} modules one to one. Each layer's tensors are those its cell declares;
 * the head's are those its head declares. A learned initial state is one more tensor per layer under the
 * {@code rnn} module, as if registered on it with {@code register_parameter}.
 */
public final class ModelLayout {

    public static final String EMBEDDING = "embedding.weight";

    private ModelLayout() {
    }

    /** The stored name of a cell's tensor {@code name} in layer {@code layer}: {@code rnn.weight_hh_l1}. */
    public static String layerTensor(int layer, String name) {
        return "rnn." + name + "_l" + layer;
    }

    /** The stored name of layer {@code layer}'s learned initial state (S, H): {@code rnn.initial_state_l1}. */
    public static String initialStateTensor(int layer) {
        return layerTensor(layer, "initial_state");
    }

    /**
     * embedding.weight (V, E) unless one-hot; per layer l the cell's tensors as rnn.&lt;name&gt;_l (for the
     * RNN, LSTM and GRU: rnn.weight_ih_l (G·H, D_l), rnn.weight_hh_l (G·H, H), rnn.bias_ih_l (G·H),
     * rnn.bias_hh_l (G·H)); with a learned initial state, per layer rnn.initial_state_l (S, H), h₀ then c₀;
     * then the head's tensors (a language model's decoder.weight (V, H) unless tied to the embedding,
     * decoder.bias (V)).
     */
    public static ParameterLayout of(ModelConfig config) {
        ParameterLayout layout = new ParameterLayout();
        int v = config.vocabularySize();
        int h = config.hiddenSize();
        if (!config.oneHotInput()) {
            layout.add(EMBEDDING, v, config.embeddingSize());
        }
        for (int layer = 0; layer < config.layers(); layer++) {
            for (TensorShape tensor : config.cell().tensors(config.inputSize(layer), h)) {
                layout.add(layerTensor(layer, tensor.name()), tensor.shape());
            }
        }
        for (TensorShape tensor : initialStateTensors(config)) {
            layout.add(tensor.name(), tensor.shape());
        }
        for (TensorShape tensor : config.head().tensors(config)) {
            layout.add(tensor.name(), tensor.shape());
        }
        return layout;
    }

    /**
     * Length of the flat parameter buffer of {@link #of}, padding included, counted in long so that a model
     * too large to allocate can be measured (saturating at {@link Long#MAX_VALUE}).
     */
    public static long size(ModelConfig config) {
        int h = config.hiddenSize();
        long embedding = config.oneHotInput() ? 0 : padded(MemoryEstimate.product(config.vocabularySize(), config.embeddingSize()));
        long first = paddedSize(config.cell().tensors(config.inputSize(0), h));
        long above = MemoryEstimate.product(paddedSize(config.cell().tensors(h, h)), config.layers() - 1L);
        long initial = paddedSize(initialStateTensors(config));
        return MemoryEstimate.sum(embedding, first, above, initial, paddedSize(config.head().tensors(config)));
    }

    /** Per layer l, rnn.initial_state_l (S, H) of a learned initial state; none for a zero one. */
    public static List<TensorShape> initialStateTensors(ModelConfig config) {
        if (config.initialState() == InitialState.ZERO) {
            return List.of();
        }
        List<TensorShape> tensors = new ArrayList<>();
        for (int layer = 0; layer < config.layers(); layer++) {
            tensors.add(TensorShape.matrix(initialStateTensor(layer), config.cell().stateVectors(), config.hiddenSize()));
        }
        return tensors;
    }

    /** The values of {@code tensors}, each padded. */
    private static long paddedSize(List<TensorShape> tensors) {
        long size = 0;
        for (TensorShape tensor : tensors) {
            long values = 1;
            for (int dimension : tensor.shape()) {
                values = MemoryEstimate.product(values, dimension);
            }
            size = MemoryEstimate.sum(size, padded(values));
        }
        return size;
    }

    private static long padded(long values) {
        return values > Long.MAX_VALUE - 16 ? Long.MAX_VALUE : ParameterLayout.padded(values);
    }

    /** Where layer {@code layer}'s tensors live in {@code layout}, by the names the cell declares. */
    public static LayerTensors layerTensors(ParameterLayout layout, ModelConfig config, int layer) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (TensorShape tensor : config.cell().tensors(config.inputSize(layer), config.hiddenSize())) {
            tensors.put(tensor.name(), layout.get(layerTensor(layer, tensor.name())));
        }
        return new LayerTensors(layer, tensors);
    }

    /** K of the cell's input projection W (K, D) ({@code Cell.inputProjection()}), 0 for a cell without one. */
    public static int inputProjectionWidth(ModelConfig config) {
        return config.cell().inputProjection().map(name -> config.cell().tensors(config.inputSize(0), config.hiddenSize())
                .stream().filter(tensor -> tensor.name().equals(name)).findFirst().orElseThrow().shape()[0]).orElse(0);
    }
}
