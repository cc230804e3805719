package org.rnn4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The contract of every reader of outside input, which the fuzz tests hold: the input parses, or the reader
 * throws an {@link InvalidInputException} whose message is one line. Any other throwable (a
 * {@code NullPointerException}, an {@code OutOfMemoryError} from a size field, a {@code StackOverflowError})
 * escapes to the fuzzer as a finding.
 */
public final class InputContract {

    /** A read of outside input that may fail with a checked exception (which also counts as a finding). */
    @FunctionalInterface
    public interface Read {
        void run() throws Exception;
    }

    private InputContract() {
    }

    /**
     * A file named {@code name} for a fuzz target to write each input to, in a new folder that is deleted with
     * it when the JVM exits: under the system property {@code rnn4j.fuzz.dir} when set (scripts/fuzz.sh points
     * it at a memory file system, where a write costs microseconds instead of milliseconds), else under the
     * default temporary folder.
     */
    public static Path scratchFile(String name) throws IOException {
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("rnn4j.fuzz.dir", System.getProperty("java.io.tmpdir"))), "rnn4j-fuzz");
        Path file = folder.resolve(name);
        folder.toFile().deleteOnExit();
        file.toFile().deleteOnExit(); // the later registered is deleted first
        return file;
    }

    /** Runs {@code read}; it either returns or refuses the input with a one-line message. */
    public static void parsesOrRefuses(Read read) throws Exception {
        try {
            read.run();
        } catch (InvalidInputException refused) {
            String message = refused.getMessage();
            assertNotNull(message, "a refusal says why");
            assertFalse(message.isBlank(), "a refusal says why");
            assertFalse(message.contains("\n") || message.contains("\r"), () -> "a refusal is one line: " + message);
        }
    }
}
