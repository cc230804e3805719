package org.rnn4j.nlp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpora, which the repository does not ship: the folder that {@value #VARIABLE} names, where a
 * missing file fails the test, else {@code ../shared/data} beside the repository root, where a missing file skips it.
 */
final class SharedCorpora {

    /** The environment variable naming the corpora folder (absolute, or relative to the repository root). */
    static final String VARIABLE = "RNN4J_SHARED_DATA";

    private SharedCorpora() {
    }

    /** The corpus {@code name}, a path inside the corpora folder such as {@code ptb/ptb.train.txt}. */
    static Path file(String name) {
        String folder = System.getenv(VARIABLE);
        if (folder != null && !folder.isBlank()) {
            Path file = repoRoot().resolve(folder).resolve(name).normalize();
            assertTrue(Files.isRegularFile(file), () -> "missing corpus " + file + " (" + VARIABLE + "=" + folder + ")");
            return file;
        }
        Path file = repoRoot().resolveSibling("shared").resolve("data").resolve(name);
        assumeTrue(Files.isRegularFile(file), () -> "no shared corpus " + file + "; set " + VARIABLE + " to the corpora folder");
        return file;
    }

    /** The repository root: the parent of the module folder, in which Maven runs the tests. */
    private static Path repoRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }
}
