package org.rnn4j.cli;

import java.nio.file.Path;
import org.rnn4j.text.TextFingerprint;
import org.rnn4j.text.TextSource;

/**
 * A text a run reads, streamed from where it lies, with its fingerprint, whose source is the absolute path it
 * was read from or the bundled corpus's name.
 */
record NamedText(TextSource source, TextFingerprint fingerprint) {

    /** The source of the corpus the jar bundles, as checkpoints record it. */
    static final String BUNDLED = "bundled:" + TrainCommand.BUNDLED_CORPUS;

    /** The text of a file, or of the .txt files of a folder: one pass that hashes its bytes. */
    static NamedText read(Path path) {
        TextSource source = TextSource.of(path);
        return new NamedText(source, source.fingerprint(path.toAbsolutePath().normalize().toString()));
    }

    /** The bundled tiny-shakespeare. */
    static NamedText bundled() {
        TextSource source = TextSource.of(TrainCommand.bundledBytes(), Path.of(TrainCommand.BUNDLED_CORPUS));
        return new NamedText(source, source.fingerprint(BUNDLED));
    }

    /** The text a fingerprint's source names, or null when the source no longer holds it. */
    static NamedText at(TextFingerprint recorded) {
        if (recorded.source().equals(BUNDLED)) {
            return bundled();
        }
        Path path = Path.of(recorded.source());
        return path.toFile().exists() ? read(path) : null;
    }
}
