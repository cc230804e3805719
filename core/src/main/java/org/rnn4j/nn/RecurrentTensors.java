package org.rnn4j.nn;

import java.util.List;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.TensorShape;

/**
 * Where one recurrent layer's W_ih (G·H, D), W_hh (G·H, H), b_ih (G·H) and b_hh (G·H) live: the four
 * tensors of PyTorch's {@code nn.RNN}, {@code nn.LSTM} and {@code nn.GRU}, under PyTorch's names.
 */
public record RecurrentTensors(Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh) {

    public static final String WEIGHT_IH = "weight_ih";
    public static final String WEIGHT_HH = "weight_hh";
    public static final String BIAS_IH = "bias_ih";
    public static final String BIAS_HH = "bias_hh";

    /** The four shapes of a cell of G gates on input D and hidden H, in PyTorch's (and the checkpoint's) order. */
    public static List<TensorShape> shapes(int gates, int input, int hidden) {
        int gateWidth = gates * hidden;
        return List.of(TensorShape.matrix(WEIGHT_IH, gateWidth, input), TensorShape.matrix(WEIGHT_HH, gateWidth, hidden),
                TensorShape.vector(BIAS_IH, gateWidth), TensorShape.vector(BIAS_HH, gateWidth));
    }

    /** The four tensors of a layer whose cell declared {@link #shapes}. */
    public static RecurrentTensors of(LayerTensors tensors) {
        return new RecurrentTensors(tensors.get(WEIGHT_IH), tensors.get(WEIGHT_HH), tensors.get(BIAS_IH), tensors.get(BIAS_HH));
    }
}
