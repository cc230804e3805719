package org.rnn4j.tensor;

import java.util.Arrays;

/** A tensor's name and shape before it has a place in a {@link ParameterLayout}. */
public record TensorShape(String name, int[] shape) {

    public TensorShape {
        shape = shape.clone();
    }

    /** A matrix (rows, columns). */
    public static TensorShape matrix(String name, int rows, int columns) {
        return new TensorShape(name, new int[] {rows, columns});
    }

    /** A vector (size). */
    public static TensorShape vector(String name, int size) {
        return new TensorShape(name, new int[] {size});
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of values. */
    public int size() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }
}
