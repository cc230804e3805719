package org.rnn4j.optim;

/** A schedule: its kind, the factor it multiplies by, the first epoch it acts after, and its patience. */
public record ScheduleConfig(ScheduleKind kind, float factor, int afterEpoch, int patience) {

    public ScheduleConfig {
        if (kind == null) {
            throw new IllegalArgumentException("a schedule kind is required");
        }
        if (!(factor > 0f && factor <= 1f)) {
            throw new IllegalArgumentException("learning-rate decay factor must be in (0, 1], got " + factor);
        }
        if (afterEpoch < 0 || patience < 1) {
            throw new IllegalArgumentException("decay start epoch must be ≥ 0 and patience ≥ 1");
        }
    }

    public static ScheduleConfig constant() {
        return new ScheduleConfig(ScheduleKind.CONSTANT, 1f, 0, 1);
    }
}
