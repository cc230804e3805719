package org.rnn4j.tensor;

import java.util.Arrays;

/**
 * The values and gradients of every tensor of a {@link ParameterLayout}, each in one flat buffer.
 * Backward passes add into {@link #gradients()}; the trainer zeroes them once per window.
 */
public final class Parameters {

    private final ParameterLayout layout;
    private final float[] values;    // (layout.size()) all tensors, padded
    private final float[] gradients; // (layout.size()) dL/dvalues, same places

    public Parameters(ParameterLayout layout) {
        this.layout = layout;
        this.values = new float[layout.size()];
        this.gradients = new float[layout.size()];
    }

    public ParameterLayout layout() {
        return layout;
    }

    public float[] values() {
        return values;
    }

    public float[] gradients() {
        return gradients;
    }

    public void zeroGradients() {
        Arrays.fill(gradients, 0f);
    }

    /** A copy of one tensor's values. */
    public float[] copyOf(Tensor tensor) {
        return Arrays.copyOfRange(values, tensor.offset(), tensor.offset() + tensor.size());
    }

    /** Overwrites one tensor's values. */
    public void set(Tensor tensor, float[] source) {
        if (source.length != tensor.size()) {
            throw new IllegalArgumentException(tensor + " holds " + tensor.size() + " values, got " + source.length);
        }
        System.arraycopy(source, 0, values, tensor.offset(), source.length);
    }
}
