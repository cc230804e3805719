package org.rnn4j.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The process-wide thread pool of the kernels: {@code threads − 1} daemon workers plus the calling
 * thread. {@link #forEach} runs tasks 0..tasks−1 and returns when all are done.
 *
 * <p>Determinism is the caller's part: a task index must always do the same work, whichever thread
 * runs it; the pool only decides who runs which index.
 *
 * <p>No allocation per call: pass a pre-built {@link IntConsumer} (a field holding a method reference
 * to an object that carries the call's arguments), not a lambda capturing per-call locals.
 *
 * <p>Workers spin for {@value #SPIN_NANOS} ns after a job (a training step calls in thousands of times
 * a second, and waking a parked thread costs tens of microseconds), then park. One {@code forEach}
 * runs at a time; a {@code forEach} called from inside a task runs inline.
 *
 * <p>Thread count: {@code -Drnn4j.threads=N} or {@link #setThreads} before first use, else
 * {@link Runtime#availableProcessors()}. One thread means every call runs inline.
 */
public final class Parallel {

    private static final long SPIN_NANOS = 200_000;
    private static final Object LOCK = new Object();

    private static int requestedThreads = Integer.getInteger("rnn4j.threads",
            Runtime.getRuntime().availableProcessors());
    private static volatile Pool pool;

    private Parallel() {
    }

    /**
     * Sets the thread count (callers included). Takes effect at the next {@link #forEach}; the old
     * workers are retired.
     */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        synchronized (LOCK) {
            requestedThreads = threads;
            Pool old = pool;
            pool = null;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    /** The thread count, the caller's thread included. */
    public static int threads() {
        synchronized (LOCK) {
            return requestedThreads;
        }
    }

    /**
     * Runs {@code body.accept(t)} for t in 0..tasks−1 on the pool and the calling thread; returns when
     * all have finished. The first exception thrown by a task is rethrown here after all tasks end.
     */
    public static void forEach(int tasks, IntConsumer body) {
        if (tasks <= 0) {
            return;
        }
        if (tasks > 0xFFFF) {
            throw new IllegalArgumentException("at most 65535 tasks per call, got " + tasks);
        }
        if (tasks == 1 || Thread.currentThread() instanceof Worker) {
            runInline(tasks, body);
            return;
        }
        synchronized (LOCK) {
            if (requestedThreads == 1) {
                runInline(tasks, body);
                return;
            }
            Pool p = pool;
            if (p == null) {
                p = new Pool(requestedThreads - 1);
                pool = p;
            }
            p.run(tasks, body);
        }
    }

    private static void runInline(int tasks, IntConsumer body) {
        for (int t = 0; t < tasks; t++) {
            body.accept(t);
        }
    }

    /** Workers and the shared job slot they poll. */
    private static final class Pool {
        private final Worker[] workers;
        /**
         * Job generation (high 32 bits), task count (next 16) and next unclaimed task (low 16) in one
         * word, so a claim can never pair a stale job with a fresh index.
         */
        private final AtomicLong state = new AtomicLong();
        private final AtomicInteger unfinished = new AtomicInteger();
        private volatile boolean stopped;
        private volatile Throwable failure;
        private IntConsumer body;

        Pool(int workerCount) {
            workers = new Worker[workerCount];
            for (int w = 0; w < workerCount; w++) {
                workers[w] = new Worker(this, w + 1);
                workers[w].start();
            }
        }

        void run(int taskCount, IntConsumer job) {
            body = job;
            failure = null;
            unfinished.set(taskCount);
            // publishes body to the workers: a claim reads state first
            state.set(((generation(state.get()) + 1L) << 32) | ((long) taskCount << 16));
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w);
                }
            }
            work(generation());
            for (int spins = 0; unfinished.get() > 0; spins++) {
                if (spins < 100_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable t = failure;
            if (t != null) {
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(t);
            }
        }

        /** Claims and runs task indices until none are left. */
        void work(int generation) {
            while (true) {
                long s = state.get();
                int next = (int) (s & 0xFFFF);
                if (generation(s) != generation || next >= (int) ((s >>> 16) & 0xFFFF)) {
                    return;
                }
                if (!state.compareAndSet(s, s + 1)) {
                    continue;
                }
                // the job cannot end before this claim is finished, so body is still this job's
                try {
                    body.accept(next);
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                } finally {
                    unfinished.decrementAndGet();
                }
            }
        }

        int generation() {
            return generation(state.get());
        }

        static int generation(long state) {
            return (int) (state >>> 32);
        }

        void shutdown() {
            stopped = true;
            for (Worker w : workers) {
                LockSupport.unpark(w);
            }
        }
    }

    /** A pool thread: spins, then parks, waiting for the next generation. */
    private static final class Worker extends Thread {
        private final Pool pool;
        private volatile boolean parked;

        Worker(Pool pool, int index) {
            super("rnn4j-kernel-" + index);
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            int seen = pool.generation();
            while (!pool.stopped) {
                long spinStart = System.nanoTime();
                while (pool.generation() == seen && !pool.stopped) {
                    if (System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        // re-check after announcing: the caller either sees parked or we see its generation
                        if (pool.generation() == seen && !pool.stopped) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                if (pool.stopped) {
                    return;
                }
                seen = pool.generation();
                pool.work(seen);
            }
        }
    }
}
