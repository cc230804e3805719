package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.Json;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.model.ModelConfig;

/** A checkpoint whose bytes changed after it was written, or whose weights are not finite, is refused on load. */
class CheckpointIntegrityTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/lstm-v1.safetensors");

    @TempDir
    Path temp;

    @Test
    void aFileWithoutAChecksumLoads() throws Exception {
        assertFalse(new String(Files.readAllBytes(GOLDEN), StandardCharsets.ISO_8859_1).contains("data_crc32"),
                "the golden file predates the checksum");
        assertEquals(52, Checkpoint.load(GOLDEN).vocabulary().size());
    }

    @Test
    void oneFlippedBitInATensorIsRefused() throws Exception {
        Path file = rewrite(SafeTensors.read(GOLDEN).metadata(), SafeTensors.read(GOLDEN).entries());
        Checkpoint.load(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[dataStart(bytes) + 4 * 37] ^= 1; // the lowest mantissa bit of embedding.weight[37]: still a finite number
        Files.write(file, bytes);

        var e = assertThrows(InvalidInputException.class, () -> Checkpoint.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("does not match the CRC-32"), e.getMessage());
        assertTrue(e.getMessage().contains("best.safetensors"), "says what to do: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aNanWeightIsRefused() {
        float[] bias = SafeTensors.read(GOLDEN).find("decoder.bias").orElseThrow().floats();
        bias[5] = Float.NaN;
        Path file = rewrite(SafeTensors.read(GOLDEN).metadata(), replaced("decoder.bias", bias));

        var e = assertThrows(InvalidInputException.class, () -> Checkpoint.load(file));
        assertEquals(file + " is a damaged rnn4j checkpoint (tensor decoder.bias holds NaN at index 5)"
                + "; use another checkpoint, such as best.safetensors of the same run", e.getMessage());
    }

    @Test
    void anInfiniteWeightIsRefused() {
        float[] weight = SafeTensors.read(GOLDEN).find("rnn.weight_hh_l1").orElseThrow().floats();
        weight[weight.length - 1] = Float.NEGATIVE_INFINITY;
        Path file = rewrite(SafeTensors.read(GOLDEN).metadata(), replaced("rnn.weight_hh_l1", weight));

        var e = assertThrows(InvalidInputException.class, () -> Checkpoint.load(file));
        assertTrue(e.getMessage().contains("tensor rnn.weight_hh_l1 holds -Infinity at index " + (weight.length - 1)), e.getMessage());
    }

    @Test
    void aLayerCountBeyondTheTensorsIsRefusedBeforeTheLayoutIsBuilt() {
        Map<String, String> metadata = new LinkedHashMap<>(SafeTensors.read(GOLDEN).metadata());
        Map<String, Object> model = Json.parseObject(metadata.get("model"));
        model.put("layers", 2_000_000_000);
        metadata.put("model", Json.write(model));
        Path file = rewrite(metadata, SafeTensors.read(GOLDEN).entries());

        var e = assertThrows(InvalidInputException.class, () -> Checkpoint.load(file));
        assertEquals(file + " is a damaged rnn4j checkpoint (the model has 2000000000 layers but the file holds only "
                + SafeTensors.read(GOLDEN).entries().size() + " tensors, and a layer has 4); use another checkpoint, such as "
                + "best.safetensors of the same run", e.getMessage());
    }

    @Test
    void aModelWithoutDropoutLoadsWithDropoutZero() {
        Map<String, String> metadata = new LinkedHashMap<>(SafeTensors.read(GOLDEN).metadata());
        Map<String, Object> model = Json.parseObject(metadata.get("model"));
        model.remove("dropout");
        model.remove("tied_weights");
        metadata.put("model", Json.write(model));
        metadata.keySet().retainAll(List.of("format", "format_version", "model", "vocabulary"));
        List<SafeTensors.Entry> weights = SafeTensors.read(GOLDEN).entries().stream()
                .filter(e -> !e.name().startsWith("optim.") && !e.name().startsWith("state.")).toList();

        Checkpoint checkpoint = Checkpoint.load(rewrite(metadata, weights));
        assertEquals(0f, checkpoint.model().dropout());
        assertFalse(checkpoint.model().tiedWeights());
        assertFalse(checkpoint.resumable());
    }

    @Test
    void theTwoDropoutRatesAreRecordedApart() {
        ModelConfig config = Checkpoint.load(GOLDEN).model();
        ModelConfig dropping = new ModelConfig(config.cell(), config.vocabularySize(), config.embeddingSize(), config.hiddenSize(),
                config.layers(), 0.25f, 0.1f, config.tiedWeights(), config.head(), config.initialState());
        ModelConfig read = Checkpoint.model(Json.parseObject(Json.write(Checkpoint.modelJson(dropping))));
        assertEquals(0.25f, read.dropout());
        assertEquals(0.1f, read.embeddingDropout());
        assertEquals(dropping, read);
    }

    @Test
    void aModelFromBeforeEmbeddingDropoutWasRecordedDropsItsEmbeddingAtTheOneRate() {
        Map<String, String> metadata = new LinkedHashMap<>(SafeTensors.read(GOLDEN).metadata());
        Map<String, Object> model = Json.parseObject(metadata.get("model"));
        model.put("dropout", 0.25);
        model.remove("embedding_dropout");
        metadata.put("model", Json.write(model));

        Checkpoint checkpoint = Checkpoint.load(rewrite(metadata, SafeTensors.read(GOLDEN).entries()));
        assertEquals(0.25f, checkpoint.model().dropout());
        assertEquals(0.25f, checkpoint.model().embeddingDropout());
    }

    private static List<SafeTensors.Entry> replaced(String name, float[] values) {
        return SafeTensors.read(GOLDEN).entries().stream()
                .map(e -> e.name().equals(name) ? SafeTensors.Entry.ofFloats(name, e.shape(), values) : e).toList();
    }

    private Path rewrite(Map<String, String> metadata, List<SafeTensors.Entry> entries) {
        Path file = temp.resolve("checkpoint-" + temp.toFile().list().length + ".safetensors");
        SafeTensors.write(file, metadata, entries);
        return file;
    }

    /** Where the data section starts: after the 8-byte header length and the header. */
    private static int dataStart(byte[] file) {
        return 8 + (int) ByteBuffer.wrap(Arrays.copyOf(file, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
