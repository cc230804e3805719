package org.rnn4j.cell.grucho;

import java.util.List;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.TensorShape;

/**
 * Where one Cho GRU layer's five tensors live: W_ih (3H, D) and b_ih (3H) with blocks r|z|n, W_hh_rz (2H, H)
 * that multiplies h_{t−1}, W_hh_n (H, H) that multiplies r⊙h_{t−1}, and b_hh (3H). The names differ from
 * PyTorch's {@code nn.GRU}, whose n gate applies r after W_hn, so that neither loads as the other.
 */
record GruChoTensors(Tensor weightIh, Tensor weightHhRz, Tensor weightHhN, Tensor biasIh, Tensor biasHh) {

    static final String WEIGHT_HH_RZ = "weight_hh_rz";
    static final String WEIGHT_HH_N = "weight_hh_n";

    /** The five shapes on input D and hidden H, in checkpoint order. */
    static List<TensorShape> shapes(int input, int hidden) {
        return List.of(TensorShape.matrix(RecurrentTensors.WEIGHT_IH, 3 * hidden, input), TensorShape.matrix(WEIGHT_HH_RZ, 2 * hidden, hidden),
                TensorShape.matrix(WEIGHT_HH_N, hidden, hidden), TensorShape.vector(RecurrentTensors.BIAS_IH, 3 * hidden),
                TensorShape.vector(RecurrentTensors.BIAS_HH, 3 * hidden));
    }

    static GruChoTensors of(LayerTensors tensors) {
        return new GruChoTensors(tensors.get(RecurrentTensors.WEIGHT_IH), tensors.get(WEIGHT_HH_RZ), tensors.get(WEIGHT_HH_N),
                tensors.get(RecurrentTensors.BIAS_IH), tensors.get(RecurrentTensors.BIAS_HH));
    }

    /** H. */
    int hidden() {
        return weightHhN.rows();
    }
}
