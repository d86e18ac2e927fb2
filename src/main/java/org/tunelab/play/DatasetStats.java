package org.tunelab.play;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dataset's size, token counts and labels: what decides the cost and the length limit of fine-tuning.
 * An example's tokens are those of the text Tiny trains on (see {@link Example#tokens(Encoding)}).
 * Percentiles are nearest-rank: p50 is the smallest count with at least half of the examples at or below it.
 *
 * <pre>{@code
 * DatasetStats s = Datasets.supportTickets(200, 7).stats(Tokens.tiny());
 * s.tokensP95()        // most examples are at most this long
 * s                    // shown as a table
 * }</pre>
 *
 * @param examples    how many examples
 * @param encoding    the encoding's name ("tiny", "cl100k_base"...)
 * @param tokensTotal tokens in all examples (one epoch of training reads this many)
 * @param tokensMin   the shortest example
 * @param tokensMean  the mean
 * @param tokensP50   the median (nearest rank)
 * @param tokensP95   the 95th percentile (nearest rank)
 * @param tokensMax   the longest example
 * @param labelCounts how often each label occurs, most frequent first
 */
public record DatasetStats(int examples, String encoding, long tokensTotal, int tokensMin, double tokensMean, int tokensP50,
                           int tokensP95, int tokensMax, Map<String, Long> labelCounts) implements Tabular {
    /** Label rows the table shows at most. */
    static final int LABELS_SHOWN = 20;

    public DatasetStats {
        labelCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labelCounts));
    }

    /** The statistics of {@code dataset} in {@code encoding}'s tokens. */
    static DatasetStats of(Dataset dataset, Encoding encoding) {
        int[] tokens = dataset.stream().mapToInt(e -> e.tokens(encoding)).sorted().toArray();
        int n = tokens.length;
        long total = Arrays.stream(tokens).asLongStream().sum();
        return new DatasetStats(n, encoding.name(), total, n == 0 ? 0 : tokens[0], n == 0 ? 0 : (double) total / n,
                percentile(tokens, 50), percentile(tokens, 95), n == 0 ? 0 : tokens[n - 1], dataset.labelCounts());
    }

    /** Nearest rank: the value at position ceil(p/100 * n) (from 1) of the sorted values; 0 if there are none. */
    static int percentile(int[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** The statistics as a two-column table (statistic, value), labels last. */
    public Table table() {
        Table t = Table.of("statistic", "value").title("Dataset statistics (" + encoding + " tokens)")
                .row("examples", examples)
                .row("tokens total", tokensTotal)
                .row("tokens min", tokensMin)
                .row("tokens mean", Math.round(tokensMean * 10) / 10.0)
                .row("tokens p50", tokensP50)
                .row("tokens p95", tokensP95)
                .row("tokens max", tokensMax);
        if (labelCounts.size() <= LABELS_SHOWN) {
            labelCounts.forEach((label, count) -> t.row("label " + label, count));
        } else {
            t.row("distinct labels", labelCounts.size()); // an open-ended task: one label per example, nearly
        }
        return t;
    }

    @Override
    public String toString() {
        return table().toString();
    }

    /** E.g. {@code "200 examples, 9,412 tokens (mean 47.1, p95 58, max 63)"}. */
    public String summary() {
        return String.format(Locale.ROOT, "%d examples, %,d tokens (mean %.1f, p95 %d, max %d)", examples, tokensTotal, tokensMean,
                tokensP95, tokensMax);
    }

    /** The labels, most frequent first. */
    public List<String> labels() {
        return List.copyOf(labelCounts.keySet());
    }
}
