package org.rnn4j.optim;

/** Learning-rate schedules. */
public enum ScheduleKind {
    /** Keep the rate. */
    CONSTANT("constant"),
    /** Multiply by the factor at the end of every epoch from a given epoch on. */
    EPOCH_DECAY("epoch"),
    /** Multiply by the factor whenever validation loss rises above the previous one. */
    HALVE_ON_RISE("rise"),
    /** Multiply by the factor when validation loss has not improved for {@code patience} evaluations. */
    PLATEAU("plateau");

    private final String id;

    ScheduleKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ScheduleKind fromId(String id) {
        for (ScheduleKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown learning-rate schedule '" + id + "': choose one of constant, epoch, rise, plateau");
    }
}
