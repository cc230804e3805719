package org.rnn4j.optim;

/** The current learning rate and the schedule that changes it; its state goes into checkpoints. */
public final class LearningRate {

    private final ScheduleConfig schedule;
    private float current;
    private double reference = Double.POSITIVE_INFINITY; // previous (rise) or best (plateau) validation loss
    private int stale;                                   // evaluations without improvement (plateau)

    public LearningRate(float initial, ScheduleConfig schedule) {
        if (!(initial > 0f && Float.isFinite(initial))) {
            throw new IllegalArgumentException("learning rate must be positive, got " + initial);
        }
        this.current = initial;
        this.schedule = schedule;
    }

    public float current() {
        return current;
    }

    public ScheduleConfig schedule() {
        return schedule;
    }

    /** Called when {@code epoch} (counted from 1) has ended. */
    public void onEpochEnd(int epoch) {
        if (schedule.kind() == ScheduleKind.EPOCH_DECAY && epoch >= schedule.afterEpoch()) {
            current *= schedule.factor();
        }
    }

    /** Called with each validation loss. */
    public void onValidation(double loss) {
        switch (schedule.kind()) {
            case HALVE_ON_RISE -> {
                if (loss > reference) {
                    current *= schedule.factor();
                }
                reference = loss;
            }
            case PLATEAU -> {
                if (loss < reference) {
                    reference = loss;
                    stale = 0;
                } else if (++stale >= schedule.patience()) {
                    current *= schedule.factor();
                    stale = 0;
                }
            }
            default -> {
            }
        }
    }

    /** The state a checkpoint stores: rate, reference loss, stale count. */
    public double[] state() {
        return new double[] {current, reference, stale};
    }

    public void restore(double[] state) {
        current = (float) state[0];
        reference = state[1];
        stale = (int) state[2];
    }
}
