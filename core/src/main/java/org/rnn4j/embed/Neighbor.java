package org.rnn4j.embed;

/** A token found near a query vector and its score under the {@link Metric} of the search. */
public record Neighbor(String token, double score) {
}
