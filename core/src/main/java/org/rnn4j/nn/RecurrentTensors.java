package org.rnn4j.nn;

import org.rnn4j.tensor.Tensor;

/** Where one recurrent layer's W_ih (G·H, D), W_hh (G·H, H), b_ih (G·H) and b_hh (G·H) live. */
public record RecurrentTensors(Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh) {
}
