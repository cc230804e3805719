package org.rnn4j.head;

/** A head over its tensors: hands out the per-window buffers that run it. */
public interface HeadLayer {

    /** Buffers for windows of up to T = {@code steps} steps × N = {@code rows} rows. */
    Window window(int steps, int rows);

    /**
     * One window of the head over the encoder's top outputs {@code top} (T·N, H) at {@code topOffset}, for the
     * window's current T = {@code steps}. Forward keeps what backward needs.
     */
    interface Window {

        /** The raw scores, (T·N, C) for a per-step head, (N, C) otherwise; nothing is scored. */
        float[] logits(float[] top, int topOffset, int steps, HeadTargets targets);

        /**
         * The summed loss, in nats, over the predictions that have a target; leaves the probabilities in
         * {@link #probabilities()} and counts {@link #scored()} and {@link #correct()}.
         */
        double forward(float[] top, int topOffset, int steps, HeadTargets targets);

        /**
         * Back-propagates the mean loss over the scored predictions of the last {@link #forward}: adds dJ/dθ into
         * the head's gradients and OVERWRITES {@code dTop} (T·N, H) with dJ/d(top outputs).
         */
        void backward(float[] top, int topOffset, int steps, HeadTargets targets, float[] dTop);

        /** The probabilities of the last forward, laid out as {@link #logits}. */
        float[] probabilities();

        /** How many predictions of the last forward had a target. */
        int scored();

        /** How many of those had the target as their most likely output. */
        long correct();
    }
}
