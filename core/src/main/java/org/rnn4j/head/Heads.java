package org.rnn4j.head;

import java.util.Map;
import org.rnn4j.head.classifier.ClassifierHead;
import org.rnn4j.head.classifier.Pooling;
import org.rnn4j.head.labeller.LabelOutput;
import org.rnn4j.head.labeller.LabellerHead;
import org.rnn4j.head.lm.LanguageModelHead;

/** The heads rnn4j has: reads a head back from the {@link Head#toJson()} of a checkpoint. */
public final class Heads {

    private Heads() {
    }

    /** The head {@code json} describes; a model without one (older checkpoints) is a language model. */
    public static Head fromJson(Map<String, Object> json) {
        if (json == null) {
            return LanguageModelHead.INSTANCE;
        }
        Object kind = json.get("kind");
        if (LanguageModelHead.ID.equals(kind)) {
            return LanguageModelHead.INSTANCE;
        }
        if (ClassifierHead.ID.equals(kind)) {
            return new ClassifierHead(count(json, "classes"), Pooling.fromId(String.valueOf(json.get("pooling"))));
        }
        if (LabellerHead.ID.equals(kind)) {
            return new LabellerHead(count(json, "labels"),
                    json.containsKey("output") ? LabelOutput.fromId(String.valueOf(json.get("output"))) : LabelOutput.SOFTMAX);
        }
        throw new IllegalArgumentException("unknown head '" + kind + "': this rnn4j has " + LanguageModelHead.ID + ", "
                + ClassifierHead.ID + " and " + LabellerHead.ID);
    }

    private static int count(Map<String, Object> json, String key) {
        if (!(json.get(key) instanceof Number number) || number.doubleValue() != number.intValue()) {
            throw new IllegalArgumentException("head \"" + key + "\" is missing or not a whole number");
        }
        return number.intValue();
    }
}
