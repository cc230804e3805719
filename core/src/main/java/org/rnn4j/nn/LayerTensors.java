package org.rnn4j.nn;

import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * Where the tensors of one recurrent layer live in the flat buffer, by the names its cell declares
 * ({@code weight_hh}; the layout stores it as {@code rnn.weight_hh_l<layer>}).
 */
public record LayerTensors(int layer, Map<String, Tensor> byName) {

    public LayerTensors {
        byName = Map.copyOf(byName);
    }

    /** The tensor the cell declared as {@code name}; throws if it declared none. */
    public Tensor get(String name) {
        Tensor tensor = byName.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("layer " + layer + " has no tensor " + name + ", only " + byName.keySet());
        }
        return tensor;
    }
}
