package org.rnn4j.esn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.SafeTensors;

/** The echo state network: the sine generator against the raw-input baseline, a frozen reservoir, save and load, bad input. */
class EchoStateNetworkTest {

    /** The settings of {@code rnn4j esn train --task sine}, on a smaller reservoir. */
    static EsnConfig sineConfig(int reservoir, long seed) {
        return new EsnConfig(1, reservoir, 1, 0.1, 0.8, 1, 0.2, 0.1, 0.3, 200, 1e-8, 1e-5, seed);
    }

    @TempDir
    Path temp;

    @Test
    void onTheSineTaskTheNetworkBeatsARidgeOnTheRawInputFiveTimesOver() {
        Series all = SineTask.generate(7000, 1);
        Series train = all.slice(0, 6000);
        Series test = all.slice(6000, 7000);
        EchoStateNetwork esn = EchoStateNetwork.create(sineConfig(200, 1));
        double network = test.nrmse(esn.predict(test, esn.fit(train), 0), 0); // free-running: its own output fed back
        double baseline = test.nrmse(InputRidge.predict(train, test, 200, 1e-8), 0);
        assertTrue(baseline > 0.9, "the input alone says nothing of the phase: " + baseline);
        assertTrue(network * 5 <= baseline, "ESN " + network + " against raw-input ridge " + baseline);
    }

    @Test
    void fittingLeavesTheReservoirAndItsInputWeightsAsTheyWere() {
        EchoStateNetwork esn = EchoStateNetwork.create(sineConfig(50, 3));
        float[] before = esn.reservoir().toDense();
        Path unfitted = temp.resolve("unfitted.safetensors");
        esn.save(unfitted);
        esn.fit(SineTask.generate(600, 3));
        assertArrayEquals(before, esn.reservoir().toDense());
        Path fitted = temp.resolve("fitted.safetensors");
        esn.save(fitted);
        SafeTensors.Contents a = SafeTensors.read(unfitted);
        SafeTensors.Contents b = SafeTensors.read(fitted);
        for (String name : List.of("W_in", "W", "W_fb")) {
            assertArrayEquals(a.find(name).orElseThrow().floats(), b.find(name).orElseThrow().floats(), name);
        }
        assertFalse(a.find("W_out").isPresent(), "no read-out before the fit");
        assertTrue(b.find("W_out").isPresent());
    }

    @Test
    void saveAndLoadGiveTheSameNetwork() {
        Series series = SineTask.generate(900, 5);
        EchoStateNetwork esn = EchoStateNetwork.create(sineConfig(80, 5));
        esn.fit(series.slice(0, 600));
        Path file = temp.resolve("esn.safetensors");
        esn.save(file);
        EchoStateNetwork loaded = EchoStateNetwork.load(file);
        assertEquals(esn.config(), loaded.config());
        Series rest = series.slice(600, 900);
        assertArrayEquals(esn.predict(rest, esn.zeroState(), 100), loaded.predict(rest, loaded.zeroState(), 100));

        SafeTensors.Contents contents = SafeTensors.read(file);
        assertEquals(List.of("W_in", "W", "W_fb", "W_out"), contents.names());
        assertEquals(EchoStateNetwork.FORMAT, contents.metadata().get("format"));
        assertEquals("1", contents.metadata().get("format_version"));
        assertArrayEquals(new int[] {80, 80}, contents.find("W").orElseThrow().shape());
        assertArrayEquals(new int[] {1, 82}, contents.find("W_out").orElseThrow().shape());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFileOfAnotherKindIsRefused() {
        Path file = temp.resolve("other.safetensors");
        SafeTensors.write(file, Map.of("format", "rnn4j-checkpoint"), List.of(SafeTensors.Entry.ofFloats("x", new int[] {1}, new float[] {1})));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EchoStateNetwork.load(file));
        assertTrue(e.getMessage().contains("not an rnn4j echo state network"), e.getMessage());
    }

    @Test
    void badSettingsAreRefusedWithOneLine() {
        for (double radius : new double[] {0, -0.5, Double.NaN}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new EsnConfig(1, 10, 1, 0.1, radius, 1, 0, 0, 1, 0, 0, 0, 1));
            assertTrue(e.getMessage().startsWith("the spectral radius must be greater than 0"), e.getMessage());
        }
        assertThrows(InvalidInputException.class, () -> new EsnConfig(1, 10, 1, 0, 0.9, 1, 0, 0, 1, 0, 0, 0, 1));
        assertThrows(InvalidInputException.class, () -> new EsnConfig(1, 10, 1, 0.1, 0.9, 1, 0, 0, 0, 0, 0, 0, 1));
        assertThrows(InvalidInputException.class, () -> new EsnConfig(1, EsnConfig.MAX_RESERVOIR + 1, 1, 0.1, 0.9, 1, 0, 0, 1, 0, 0, 0, 1));
    }

    @Test
    void fewerSamplesThanTheWashoutAreRefused() {
        EchoStateNetwork esn = EchoStateNetwork.create(sineConfig(20, 1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> esn.fit(SineTask.generate(200, 1)));
        assertTrue(e.getMessage().contains("200 samples, not more than the washout of 200"), e.getMessage());
    }

    @Test
    void theMemoryOfAHugeReservoirIsCountedInLongs() {
        EsnConfig huge = new EsnConfig(1, EsnConfig.MAX_RESERVOIR, 1, 0.5, 0.9, 1, 0, 0, 1, 0, 0, 0, 1);
        long d = huge.features();
        assertTrue(huge.memory(100_000).bytes() > d * d * 8, "the normal equations alone: " + huge.memory(100_000).bytes());
        assertTrue(huge.memory(100_000).bytes() > Integer.MAX_VALUE);
    }

    private List<String> leftovers() {
        try (var files = Files.list(temp)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.contains(".tmp-")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
