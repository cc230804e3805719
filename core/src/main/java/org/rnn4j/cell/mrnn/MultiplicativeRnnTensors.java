package org.rnn4j.cell.mrnn;

import java.util.List;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.TensorShape;

/**
 * Where one multiplicative RNN layer's tensors live: W_ih (F+H, D), the input's two matrices stacked, W_mx (F, D)
 * over W_hx (H, D); W_mh (F, H), the state into the factors; W_hm (H, F), the factors into the state; and b (H).
 */
record MultiplicativeRnnTensors(Tensor weightIh, Tensor weightMh, Tensor weightHm, Tensor bias) {

    static final String WEIGHT_MH = "weight_mh";
    static final String WEIGHT_HM = "weight_hm";
    static final String BIAS = "bias";

    /** The shapes on input D, hidden H and F factors, in checkpoint order. */
    static List<TensorShape> shapes(int input, int hidden, int factors) {
        return List.of(TensorShape.matrix(RecurrentTensors.WEIGHT_IH, factors + hidden, input),
                TensorShape.matrix(WEIGHT_MH, factors, hidden), TensorShape.matrix(WEIGHT_HM, hidden, factors),
                TensorShape.vector(BIAS, hidden));
    }

    static MultiplicativeRnnTensors of(LayerTensors tensors) {
        return new MultiplicativeRnnTensors(tensors.get(RecurrentTensors.WEIGHT_IH), tensors.get(WEIGHT_MH),
                tensors.get(WEIGHT_HM), tensors.get(BIAS));
    }

    /** H. */
    int hidden() {
        return weightHm.rows();
    }

    /** F. */
    int factors() {
        return weightMh.rows();
    }
}
