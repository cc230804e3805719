package org.rnn4j.embed;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.io.AtomicFiles;
import org.rnn4j.text.Vocabulary;

/**
 * The word2vec text format, as gensim's {@code load_word2vec_format(binary=False)} reads it: a first line
 * "V E", then one line per token in vocabulary order, "token v1 … vE", separated by single spaces, in UTF-8.
 * Values are the shortest decimals that read back as the same floats ({@link Float#toString}).
 *
 * <p>Readers split lines at whitespace, so a token is written escaped wherever it holds whitespace, a
 * control character or a backslash: {@code \\} for a backslash, {@code \s} space, {@code \n} newline,
 * {@code \t} tab, {@code \r} carriage return, and any other such character as a backslash, {@code u} and
 * its four hex digits, as Java writes it (a no-break space becomes backslash-u00A0). All
 * other tokens, every ordinary word among them, are written as they are, and every token keeps its row.
 */
public final class Word2VecWriter {

    private Word2VecWriter() {
    }

    /** Replaces {@code file} atomically with {@code vectors}; returns how many tokens were written escaped. */
    public static int write(Path file, WordVectors vectors) {
        Vocabulary vocabulary = vectors.vocabulary();
        AtomicFiles.writeStream(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(vocabulary.size() + " " + vectors.dimension() + "\n");
            StringBuilder line = new StringBuilder();
            for (int id = 0; id < vocabulary.size(); id++) {
                line.setLength(0);
                line.append(escape(vocabulary.token(id)));
                for (float value : vectors.vector(id)) {
                    line.append(' ').append(value);
                }
                writer.write(line.append('\n').toString());
            }
            writer.flush(); // not closed: AtomicFiles forces the file to disk before closing it
        });
        return (int) vocabulary.tokens().stream().filter(token -> !escape(token).equals(token)).count();
    }

    /** {@code token} as one whitespace-free field: backslash, whitespace and control characters escaped. */
    public static String escape(String token) {
        StringBuilder escaped = new StringBuilder(token.length());
        token.codePoints().forEach(c -> escaped.append(switch (c) {
            case '\\' -> "\\\\";
            case ' ' -> "\\s";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    ? String.format(Locale.ROOT, "\\u%04X", c) : Character.toString(c);
        }));
        return escaped.toString();
    }
}
