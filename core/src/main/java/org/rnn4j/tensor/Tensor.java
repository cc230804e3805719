package org.rnn4j.tensor;

import java.util.Arrays;

/**
 * A named tensor inside a flat parameter buffer: its values start at {@code offset} and are stored
 * row-major in {@code shape}. Names and shapes follow PyTorch's modules ({@code rnn.weight_ih_l0}, …).
 */
public record Tensor(String name, int offset, int[] shape) {

    public Tensor {
        shape = shape.clone();
        for (int dim : shape) {
            if (dim <= 0) {
                throw new IllegalArgumentException(name + ": every dimension must be positive: " + Arrays.toString(shape));
            }
        }
    }

    /** Number of values. */
    public int size() {
        int size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        return size;
    }

    /** First dimension. */
    public int rows() {
        return shape[0];
    }

    /** Product of the dimensions after the first (1 for a vector). */
    public int cols() {
        return size() / shape[0];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor t && t.name.equals(name) && t.offset == offset && Arrays.equals(t.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
