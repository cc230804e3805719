package org.rnn4j.esn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.Json;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.random.Rng;

/**
 * An echo state network (Jaeger 2001): a fixed random reservoir and a linear read-out, the only part fitted.
 * Per step, with x (N) the state, u (K) the input and y (L) the output fed back:
 * x̃ = tanh(W_in·[1; u] + W·x + W_fb·y_prev), x = (1 − a)·x + a·x̃, y = W_out·[1; u; x].
 * Shapes: W_in (N, 1+K), W (N, N) sparse, W_fb (N, L), W_out (L, 1+K+N). W_in, W and W_fb are drawn once
 * from the seed and never change; {@link #fit} sets W_out by ridge regression.
 */
public final class EchoStateNetwork {

    /** The format name and version in a saved network's metadata. */
    public static final String FORMAT = "rnn4j-esn";
    public static final int FORMAT_VERSION = 1;

    // the seed's independent generators, one per purpose
    private static final int RESERVOIR_STREAM = 0;
    private static final int RADIUS_STREAM = 1;
    private static final int WEIGHT_STREAM = 2;
    private static final int NOISE_STREAM = 3;

    private final EsnConfig config;
    private final float[] wIn;        // (N, 1+K): column 0 the bias
    private final SparseMatrix w;     // (N, N), spectral radius config.spectralRadius()
    private final float[] wFb;        // (N, L), empty without feedback
    private double[] wOut;            // (L, D) or null before the fit

    private EchoStateNetwork(EsnConfig config, float[] wIn, SparseMatrix w, float[] wFb, double[] wOut) {
        this.config = config;
        this.wIn = wIn;
        this.w = w;
        this.wFb = wFb;
        this.wOut = wOut;
    }

    /** A new network: W_in, W_fb and a sparse W drawn from the seed, W scaled to the configured spectral radius. */
    public static EchoStateNetwork create(EsnConfig config) {
        int n = config.reservoirSize();
        SparseMatrix raw = SparseMatrix.random(n, config.connectivity(), stream(config.seed(), RESERVOIR_STREAM));
        double radius = SpectralRadius.of(raw, stream(config.seed(), RADIUS_STREAM));
        if (!(radius > 0)) {
            throw new InvalidInputException("the random reservoir has no eigenvalue other than 0, so it cannot be scaled to a spectral radius;"
                    + " raise the connectivity or the reservoir size");
        }
        Rng weights = stream(config.seed(), WEIGHT_STREAM);
        int columns = 1 + config.inputs();
        float[] wIn = new float[n * columns];
        for (int i = 0; i < n; i++) {
            wIn[i * columns] = (float) (config.inputBias() * (2 * weights.nextDouble() - 1));
            for (int k = 1; k < columns; k++) {
                wIn[i * columns + k] = (float) (config.inputScaling() * (2 * weights.nextDouble() - 1));
            }
        }
        float[] wFb = new float[config.feedback() ? n * config.outputs() : 0];
        for (int i = 0; i < wFb.length; i++) {
            wFb[i] = (float) (config.feedbackScaling() * (2 * weights.nextDouble() - 1));
        }
        return new EchoStateNetwork(config, wIn, raw.scaled(config.spectralRadius() / radius), wFb, null);
    }

    /** The generator of purpose {@code index}: the seed's generator split {@code index + 1} times, the last split kept. */
    private static Rng stream(long seed, int index) {
        Rng root = new Rng(seed);
        Rng split = root.split();
        for (int i = 0; i < index; i++) {
            split = root.split();
        }
        return split;
    }

    public EsnConfig config() {
        return config;
    }

    /** Whether the read-out has been fitted (or loaded). */
    public boolean fitted() {
        return wOut != null;
    }

    /** The reservoir W (N, N); tests read it. */
    SparseMatrix reservoir() {
        return w;
    }

    /** ρ(W) of the reservoir as it is, computed anew. */
    public double spectralRadius() {
        return SpectralRadius.of(w, stream(config.seed(), RADIUS_STREAM));
    }

    /** The reservoir state and the last output, which the next step feeds back. */
    public static final class State {
        final double[] x; // (N)
        final double[] y; // (L)

        State(int n, int l) {
            x = new double[n];
            y = new double[l];
        }
    }

    /** The state before any step: all zero. */
    public State zeroState() {
        return new State(config.reservoirSize(), config.outputs());
    }

    /**
     * Fits W_out on {@code series}: runs it from the zero state with the targets fed back (teacher forcing)
     * and state noise, collects [1; u; x] of every step after the washout, and solves the ridge regression.
     * Returns the state after the last step, from which a following stretch can be predicted.
     */
    public State fit(Series series) {
        requireShape(series);
        series.requireLongerThan(config.washout(), "the training data");
        int d = config.features();
        int rows = series.steps() - config.washout();
        double[] features = new double[rows * d]; // (T − washout, D)
        State state = zeroState();
        Rng noise = stream(config.seed(), NOISE_STREAM);
        double[] scratch = new double[config.reservoirSize()];
        for (int t = 0; t < series.steps(); t++) {
            step(state, series, t, scratch, noise);
            System.arraycopy(series.y(), t * config.outputs(), state.y, 0, config.outputs()); // teacher forcing
            if (t >= config.washout()) {
                features(state, series, t, features, (t - config.washout()) * d);
            }
        }
        double[] targets = Arrays.copyOfRange(series.y(), config.washout() * config.outputs(), series.y().length);
        wOut = Ridge.fit(features, targets, rows, d, config.outputs(), config.ridge());
        return state;
    }

    /**
     * The outputs (T, L) over {@code series}, continuing from {@code state} (which is advanced). The first
     * {@code teacherSteps} steps feed the targets back; after them the network feeds back its own output,
     * running free.
     */
    public double[] predict(Series series, State state, int teacherSteps) {
        requireShape(series);
        if (!fitted()) {
            throw new IllegalStateException("the read-out is not fitted");
        }
        int d = config.features();
        int l = config.outputs();
        double[] out = new double[series.steps() * l];
        double[] row = new double[d];
        double[] scratch = new double[config.reservoirSize()];
        for (int t = 0; t < series.steps(); t++) {
            step(state, series, t, scratch, null);
            features(state, series, t, row, 0);
            for (int k = 0; k < l; k++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += wOut[k * d + j] * row[j];
                }
                out[t * l + k] = sum;
            }
            System.arraycopy(t < teacherSteps ? series.y() : out, t * l, state.y, 0, l);
        }
        return out;
    }

    /** One reservoir update x = (1 − a)·x + a·tanh(W_in·[1; u_t] + W·x + W_fb·y) (+ noise when fitting). */
    private void step(State state, Series series, int t, double[] pre, Rng noise) {
        int n = config.reservoirSize();
        int columns = 1 + config.inputs();
        int l = config.outputs();
        w.multiply(state.x, pre);
        for (int i = 0; i < n; i++) {
            double sum = pre[i] + wIn[i * columns];
            for (int k = 1; k < columns; k++) {
                sum += wIn[i * columns + k] * series.u()[t * config.inputs() + k - 1];
            }
            for (int k = 0; k < (config.feedback() ? l : 0); k++) {
                sum += wFb[i * l + k] * state.y[k];
            }
            double leaked = (1 - config.leakRate()) * state.x[i] + config.leakRate() * Math.tanh(sum);
            state.x[i] = noise == null ? leaked : leaked + config.noise() * (2 * noise.nextDouble() - 1);
        }
    }

    /** Writes the read-out's features [1; u_t; x] into {@code out} at {@code at}. */
    private void features(State state, Series series, int t, double[] out, int at) {
        out[at] = 1;
        System.arraycopy(series.u(), t * config.inputs(), out, at + 1, config.inputs());
        System.arraycopy(state.x, 0, out, at + 1 + config.inputs(), config.reservoirSize());
    }

    private void requireShape(Series series) {
        if (series.inputs() != config.inputs() || series.outputs() != config.outputs()) {
            throw new InvalidInputException("the network takes " + config.inputs() + " input and " + config.outputs()
                    + " target columns, the data has " + series.inputs() + " and " + series.outputs());
        }
    }

    /** Writes the network atomically as safetensors: W_in, W (dense), W_fb if fed back, W_out if fitted; the config in the metadata. */
    public void save(Path file) {
        int n = config.reservoirSize();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("format_version", Integer.toString(FORMAT_VERSION));
        metadata.put("config", Json.write(configJson(config)));
        List<SafeTensors.Entry> entries = new ArrayList<>();
        entries.add(SafeTensors.Entry.ofFloats("W_in", new int[] {n, 1 + config.inputs()}, wIn, 0));
        entries.add(SafeTensors.Entry.ofFloats("W", new int[] {n, n}, w.toDense(), 0));
        if (config.feedback()) {
            entries.add(SafeTensors.Entry.ofFloats("W_fb", new int[] {n, config.outputs()}, wFb, 0));
        }
        if (fitted()) {
            entries.add(SafeTensors.Entry.ofDoubles("W_out", new int[] {config.outputs(), config.features()}, wOut));
        }
        SafeTensors.write(file, metadata, entries);
    }

    /** Reads a network written by {@link #save}; a file of another kind or version is refused with a hint. */
    public static EchoStateNetwork load(Path file) {
        SafeTensors.Contents contents = SafeTensors.read(file);
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new InvalidInputException(file + " is not an rnn4j echo state network (no \"format\": \"" + FORMAT
                    + "\" in its metadata); give a file written by rnn4j esn train");
        }
        if (!Integer.toString(FORMAT_VERSION).equals(meta.get("format_version"))) {
            throw new InvalidInputException(file + " has echo state network format " + meta.get("format_version")
                    + ", which this rnn4j does not read (it reads " + FORMAT_VERSION + "); use the rnn4j that wrote it");
        }
        EsnConfig config = configOf(file, meta.get("config"));
        int n = config.reservoirSize();
        float[] wIn = tensor(file, contents, "W_in", n, 1 + config.inputs()).floats();
        float[] w = tensor(file, contents, "W", n, n).floats();
        float[] wFb = config.feedback() ? tensor(file, contents, "W_fb", n, config.outputs()).floats() : new float[0];
        double[] wOut = contents.find("W_out").isPresent()
                ? tensor(file, contents, "W_out", config.outputs(), config.features()).doubles() : null;
        return new EchoStateNetwork(config, wIn, SparseMatrix.fromDense(n, w), wFb, wOut);
    }

    private static SafeTensors.Entry tensor(Path file, SafeTensors.Contents contents, String name, int rows, int columns) {
        SafeTensors.Entry entry = contents.find(name).orElseThrow(() -> new InvalidInputException(file + " has no tensor "
                + name + "; it is damaged or not an echo state network"));
        if (!Arrays.equals(entry.shape(), new int[] {rows, columns})) {
            throw new InvalidInputException(file + ": tensor " + name + " has shape " + Arrays.toString(entry.shape())
                    + " where its config needs [" + rows + ", " + columns + "]; the file is damaged");
        }
        return entry;
    }

    static Map<String, Object> configJson(EsnConfig c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inputs", c.inputs());
        json.put("reservoir_size", c.reservoirSize());
        json.put("outputs", c.outputs());
        json.put("connectivity", c.connectivity());
        json.put("spectral_radius", c.spectralRadius());
        json.put("input_scaling", c.inputScaling());
        json.put("input_bias", c.inputBias());
        json.put("feedback_scaling", c.feedbackScaling());
        json.put("leak_rate", c.leakRate());
        json.put("washout", c.washout());
        json.put("ridge", c.ridge());
        json.put("noise", c.noise());
        json.put("seed", c.seed());
        return json;
    }

    private static EsnConfig configOf(Path file, String text) {
        if (text == null) {
            throw new InvalidInputException(file + " has no \"config\" in its metadata; it is damaged");
        }
        Map<String, Object> json = Json.parseObject(text);
        try {
            return new EsnConfig(integer(json, "inputs"), integer(json, "reservoir_size"), integer(json, "outputs"),
                    real(json, "connectivity"), real(json, "spectral_radius"), real(json, "input_scaling"),
                    real(json, "input_bias"), real(json, "feedback_scaling"), real(json, "leak_rate"),
                    integer(json, "washout"), real(json, "ridge"), real(json, "noise"), ((Number) json.get("seed")).longValue());
        } catch (ClassCastException | NullPointerException e) {
            throw new InvalidInputException(file + ": its \"config\" lacks a number it needs; the file is damaged");
        }
    }

    private static int integer(Map<String, Object> json, String key) {
        return Math.toIntExact(((Number) json.get(key)).longValue());
    }

    private static double real(Map<String, Object> json, String key) {
        return ((Number) json.get(key)).doubleValue();
    }
}
