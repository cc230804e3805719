package org.rnn4j.tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of named tensors that make up a model, each placed in one flat buffer. Values, gradients
 * and optimizer moments all share this layout, so an update is one loop and a checkpoint is one block.
 * Each tensor starts on a 16-float boundary so SIMD loops over it begin aligned.
 */
public final class ParameterLayout {

    private static final int ALIGNMENT = 16;

    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private int size;

    /** Appends a tensor and returns where it lives. */
    public Tensor add(String name, int... shape) {
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException("duplicate tensor name " + name);
        }
        Tensor tensor = new Tensor(name, size, shape);
        tensors.put(name, tensor);
        size = Math.toIntExact(Math.addExact(size, padded(tensor.size())));
        return tensor;
    }

    /** The floats a tensor of {@code values} values takes in the flat buffer: rounded up to the alignment. */
    public static long padded(long values) {
        return (values + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** The tensor of that name; throws if absent. */
    public Tensor get(String name) {
        Tensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("no tensor named " + name);
        }
        return tensor;
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** Tensors in the order they were added. */
    public List<Tensor> tensors() {
        return Collections.unmodifiableList(new ArrayList<>(tensors.values()));
    }

    /** Length of the flat buffer, padding included. */
    public int size() {
        return size;
    }

    /** Number of real parameters (padding excluded). */
    public long parameterCount() {
        long count = 0;
        for (Tensor tensor : tensors.values()) {
            count += tensor.size();
        }
        return count;
    }
}
