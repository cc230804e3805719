package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.rnn4j.io.Json;
import org.rnn4j.io.SafeTensors;

/** Runs the real command line in-process and finds the test corpora; the helpers of the CLI tests. */
final class Cli {

    /** A tiny model and run that trains in about a second: 1×32 LSTM, B=4, T=16, one thread, validation every 10 steps. */
    static final Map<String, String> TINY = tiny();

    private static Map<String, String> tiny() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--rnn-size", "32");
        options.put("--num-layers", "1");
        options.put("--batch-size", "4");
        options.put("--seq-length", "16");
        options.put("--eval-every", "10");
        options.put("--sample-every", "0");
        options.put("--threads", "1");
        return options;
    }

    private Cli() {
    }

    /** What one command did: exit code, stdout (bytes and UTF-8 text), stderr. */
    record Result(int exitCode, byte[] outBytes, String err) {

        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }

        /** Asserts exit code 0 and shows stderr when not. */
        Result ok() {
            assertEquals(0, exitCode, () -> "exit code; stderr:\n" + err + "\nstdout:\n" + out());
            return this;
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** {@code rnn4j args…} through {@link Main#run}, with System.out and System.err captured. */
    static Result run(String... args) {
        System.setProperty("java.awt.headless", "true");
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = Main.run(args);
            System.out.flush();
            System.err.flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code rnn4j train} on {@code text} into {@code out} with {@code extra} options, the rest as in {@link #TINY}. */
    static Result trainTiny(Path text, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--text", text.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        TINY.forEach((option, value) -> {
            if (!args.contains(option)) {
                args.addAll(List.of(option, value));
            }
        });
        return run(args.toArray(String[]::new));
    }

    /** The repository root: the nearest folder holding the launcher {@code rnn4j} and a pom.xml, searched upwards from the working directory. */
    static Path repoRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("rnn4j")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return fail("no repository root (a folder with rnn4j and pom.xml) above " + start);
    }

    /**
     * The command that starts rnn4j in a process of its own: the {@code ./rnn4j} launcher when its jar is up to
     * date, else java with the launcher's options and the test class path (the launcher would run a nested
     * Maven build).
     */
    static List<String> processCommand() throws IOException {
        Path root = repoRoot();
        if (launcherJarIsCurrent(root)) {
            return List.of(root.resolve("rnn4j").toString());
        }
        String java = ProcessHandle.current().info().command().orElseGet(() -> fail("cannot find this JVM's java command"));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(java, "--add-modules=jdk.incubator.vector", "-XX:+UseSerialGC", "-cp", classPath, Main.class.getName());
    }

    /** The launcher's own rule: the jar exists and no pom or main source is newer. */
    private static boolean launcherJarIsCurrent(Path root) throws IOException {
        Path jar = root.resolve("cli/target/rnn4j.jar");
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        List<Path> sources = List.of(root.resolve("pom.xml"), root.resolve("core/pom.xml"), root.resolve("cli/pom.xml"),
                root.resolve("core/src/main"), root.resolve("cli/src/main"));
        for (Path source : sources) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    if (Files.getLastModifiedTime(file).compareTo(built) > 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Waits up to 60 s until {@code process}, a training into {@code run}, has written {@code lines} lines of metrics. */
    static void awaitMetricsLines(Path run, int lines, Process process) throws Exception {
        Path metrics = run.resolve("metrics.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("rnn4j train ended early with exit code " + process.exitValue());
            }
            if (Files.exists(metrics) && Files.readAllLines(metrics).size() >= lines) {
                return;
            }
            Thread.sleep(50);
        }
        fail("no " + lines + " lines in " + metrics + " within 60 s");
    }

    /** corpora/sonnets.txt of the test resources: 5 KB of ASCII with 55 distinct characters. */
    static Path sonnets() {
        try {
            return Path.of(Cli.class.getResource("/corpora/sonnets.txt").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records of a run's metrics.jsonl, each line parsed with {@link Json}. */
    static List<Map<String, Object>> metrics(Path run) {
        try {
            return Files.readAllLines(run.resolve("metrics.jsonl"), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).map(Json::parseObject).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of files in {@code folder} (hidden ones included) that look like leftovers of an interrupted write. */
    static List<String> temporaryFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.contains(".tmp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every tensor of a checkpoint as raw float bits, so that -0 ≠ 0 and NaN payloads count. */
    static Map<String, int[]> floatBits(Path checkpoint) {
        Map<String, int[]> bits = new LinkedHashMap<>();
        for (SafeTensors.Entry entry : SafeTensors.read(checkpoint).entries()) {
            float[] values = entry.floats();
            int[] raw = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                raw[i] = Float.floatToRawIntBits(values[i]);
            }
            bits.put(entry.name(), raw);
        }
        return bits;
    }
}
