package org.rnn4j.head.labeller;

/** How a labeller turns a step's top output into label probabilities. */
public enum LabelOutput {
    /** C logits and a softmax over them. */
    SOFTMAX("softmax"),
    /** Two labels only: one logit z, p(second label) = σ(z), and the binary cross-entropy. */
    SIGMOID("sigmoid");

    private final String id;

    LabelOutput(String id) {
        this.id = id;
    }

    /** The name on the command line and in checkpoints. */
    public String id() {
        return id;
    }

    /** The output with that id; throws with the list of choices otherwise. */
    public static LabelOutput fromId(String id) {
        for (LabelOutput output : values()) {
            if (output.id.equals(id)) {
                return output;
            }
        }
        throw new IllegalArgumentException("unknown labeller output '" + id + "': choose softmax or sigmoid");
    }
}
