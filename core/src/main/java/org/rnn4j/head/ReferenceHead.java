package org.rnn4j.head;

/**
 * A head in double precision with one loop per element: the specification its float layer is checked against.
 * {@code top[t][n]} (H) is the encoder's top-layer output at step t of row n; {@code params} is the model's flat
 * parameter buffer.
 */
public interface ReferenceHead {

    /**
     * The mean loss over the predictions with a target; ADDS dJ/dparams into {@code gradients} and OVERWRITES
     * {@code dTop} (same shape as {@code top}) with dJ/dtop, unless they are null.
     */
    double loss(double[] params, double[][][] top, HeadTargets targets, double[] gradients, double[][][] dTop);
}
