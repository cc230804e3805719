package org.rnn4j.train;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.rnn4j.InputContract;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.Json;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.model.SequenceModel;

/**
 * Coverage-guided fuzzing of the checkpoint loader as a whole: on files of fuzzed bytes, and on a valid
 * checkpoint (a 1×2 RNN over three characters, CheckpointFuzzTestInputs/load/tiny-rnn.safetensors) whose
 * metadata the fuzzer rewrites. A checkpoint that loads must also build its model.
 */
class CheckpointFuzzTest {

    private static final String[] KEYS = {"format", "format_version", "model", "vocabulary", "tokenizer", "training", "data",
            "state", "optimizer"};

    private static Path file;
    private static SafeTensors.Contents valid;

    @BeforeAll
    static void setUp() throws Exception {
        file = InputContract.scratchFile("checkpoint.safetensors");
        valid = SafeTensors.read(Path.of(CheckpointFuzzTest.class.getResource("CheckpointFuzzTestInputs/load/tiny-rnn.safetensors").toURI()));
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void load(byte[] input) throws Exception {
        Files.write(file, input);
        InputContract.parsesOrRefuses(CheckpointFuzzTest::loadAndBuild);
    }

    /**
     * Rewrites up to three metadata values of the valid checkpoint: replaced by fuzzed text, removed, or, for a
     * JSON object, one member given a fuzzed JSON value or removed.
     */
    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void metadata(FuzzedDataProvider data) throws Exception {
        Map<String, String> metadata = new LinkedHashMap<>(valid.metadata());
        for (int change = data.consumeInt(1, 3); change > 0 && data.remainingBytes() > 0; change--) {
            String key = KEYS[data.consumeInt(0, KEYS.length - 1)];
            switch (data.consumeInt(0, 2)) {
                case 0 -> metadata.put(key, text(data, 200));
                case 1 -> metadata.remove(key);
                default -> rewriteMember(metadata, key, data);
            }
        }
        SafeTensors.write(file, metadata, valid.entries());
        InputContract.parsesOrRefuses(CheckpointFuzzTest::loadAndBuild);
    }

    private static void rewriteMember(Map<String, String> metadata, String key, FuzzedDataProvider data) {
        Map<?, ?> parsed;
        try {
            parsed = metadata.get(key) != null && Json.parse(metadata.get(key)) instanceof Map<?, ?> map ? map : Map.of();
        } catch (InvalidInputException notJson) {
            parsed = Map.of(); // an earlier change made it text
        }
        if (parsed.isEmpty()) {
            return;
        }
        Map<Object, Object> object = new LinkedHashMap<>(parsed);
        List<Object> members = new ArrayList<>(object.keySet());
        Object member = members.get(data.consumeInt(0, members.size() - 1));
        try {
            object.put(member, Json.parse(text(data, 100)));
        } catch (InvalidInputException notJson) {
            object.remove(member);
        }
        metadata.put(key, Json.write(object));
    }

    /** Fuzzed text as a string that UTF-8 can hold (a lone surrogate becomes '?'), as any file's metadata is. */
    private static String text(FuzzedDataProvider data, int maxLength) {
        return new String(data.consumeString(maxLength).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static void loadAndBuild() {
        Checkpoint checkpoint = Checkpoint.load(file);
        checkpoint.loadInto(new SequenceModel(checkpoint.model(), new ScalarKernels()));
    }
}
