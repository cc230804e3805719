package org.rnn4j.cli.classify;

import org.rnn4j.nlp.TokenLevel;
import org.rnn4j.train.Checkpoint;

/** How a classifier's checkpoint reads text. */
final class ClassifierInput {

    private ClassifierInput() {
    }

    /** The token level the model was trained on, from the checkpoint's tokenizer settings. */
    static TokenLevel level(Checkpoint checkpoint) {
        return TokenLevel.fromId((String) checkpoint.tokenizer().get("level"));
    }
}
