package org.rnn4j.model;

/**
 * The heap that a set of arrays takes, summed in long from their lengths before any of them is allocated,
 * and the longest of them: a model is refused when the sum exceeds the heap or the longest exceeds
 * {@link #MAX_ARRAY_LENGTH}. Lengths and sums saturate at {@link Long#MAX_VALUE} instead of overflowing.
 */
public final class MemoryEstimate {

    /** The most elements a Java array holds (HotSpot refuses the last few below {@link Integer#MAX_VALUE}). */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    private static final int ARRAY_HEADER = 16; // bytes of an array object before its elements

    private long bytes;
    private String longestArray = "";
    private long longestLength;

    /** Counts an array of {@code length} elements of {@code elementBytes} bytes each, named for the refusal. */
    public MemoryEstimate add(String name, long length, int elementBytes) {
        return add(name, 1, length, elementBytes);
    }

    /** Counts {@code count} arrays alike. */
    public MemoryEstimate add(String name, long count, long length, int elementBytes) {
        if (count == 0) {
            return this;
        }
        bytes = sum(bytes, product(count, sum(product(length, elementBytes), ARRAY_HEADER)));
        if (length > longestLength) {
            longestLength = length;
            longestArray = name;
        }
        return this;
    }

    /** Bytes of every array counted. */
    public long bytes() {
        return bytes;
    }

    /** The name of the longest array counted. */
    public String longestArray() {
        return longestArray;
    }

    /** Elements of the longest array counted. */
    public long longestLength() {
        return longestLength;
    }

    /** True when every array counted can be allocated: none is longer than {@link #MAX_ARRAY_LENGTH}. */
    public boolean arraysFit() {
        return longestLength <= MAX_ARRAY_LENGTH;
    }

    /** The product of non-negative factors, {@link Long#MAX_VALUE} when it overflows. */
    public static long product(long... factors) {
        for (long factor : factors) {
            if (factor == 0) {
                return 0;
            }
        }
        long product = 1;
        for (long factor : factors) {
            if (product > Long.MAX_VALUE / factor) {
                return Long.MAX_VALUE;
            }
            product *= factor;
        }
        return product;
    }

    /** The sum of non-negative terms, {@link Long#MAX_VALUE} when it overflows. */
    public static long sum(long... terms) {
        long sum = 0;
        for (long term : terms) {
            sum = term > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + term;
        }
        return sum;
    }
}
