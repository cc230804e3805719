package org.rnn4j.nlp;

import java.util.Locale;

/** Whether tokens keep their letter case or are lower-cased (locale-independent, after tokenizing). */
public enum Casing {
    AS_WRITTEN,
    LOWERCASE;

    String apply(String token) {
        return this == LOWERCASE ? token.toLowerCase(Locale.ROOT) : token;
    }
}
