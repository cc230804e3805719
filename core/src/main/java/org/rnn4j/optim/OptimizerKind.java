package org.rnn4j.optim;

/** The update rules rnn4j offers. */
public enum OptimizerKind {
    SGD("sgd"),
    MOMENTUM("momentum"),
    NESTEROV("nesterov"),
    ADAGRAD("adagrad"),
    RMSPROP("rmsprop"),
    ADAM("adam"),
    ADAMW("adamw");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static OptimizerKind fromId(String id) {
        for (OptimizerKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + id
                + "': choose one of sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw");
    }
}
