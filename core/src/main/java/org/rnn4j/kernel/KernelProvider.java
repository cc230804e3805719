package org.rnn4j.kernel;

import java.util.logging.Logger;

/**
 * Chooses the kernels once per process: the Vector API implementation when the
 * {@code jdk.incubator.vector} module is present, else the scalar specification. The system property
 * {@code -Drnn4j.kernels=scalar} forces the scalar path.
 */
public final class KernelProvider {

    private static final Logger LOG = Logger.getLogger(KernelProvider.class.getName());
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Kernels KERNELS = choose();

    private KernelProvider() {
    }

    /** The process-wide kernels. */
    public static Kernels kernels() {
        return KERNELS;
    }

    private static Kernels choose() {
        String requested = System.getProperty("rnn4j.kernels", "auto");
        switch (requested) {
            case "scalar" -> {
                LOG.fine("kernels: scalar (forced by -Drnn4j.kernels=scalar)");
                return new ScalarKernels();
            }
            case "auto", "vector" -> {
                if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
                    LOG.warning("kernels: scalar, because the JVM was started without --add-modules="
                            + VECTOR_MODULE + ", which is much slower");
                    return new ScalarKernels();
                }
                Kernels vector = org.rnn4j.kernel.vector.VectorKernels.create();
                LOG.fine(() -> "kernels: " + vector.name());
                return vector;
            }
            default -> throw new IllegalArgumentException(
                    "-Drnn4j.kernels=" + requested + " is not a kernel choice: use scalar or vector");
        }
    }
}
