package org.tunelab.play;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A price table: what each model costs per million tokens read, written and trained on. Immutable; {@link #with}
 * returns a changed copy, so a cell can set its own prices.
 *
 * <pre>{@code
 * Prices prices = Prices.defaults();
 * prices.get("gpt-4o-mini")                          // gpt-4o-mini: $0.15 in, $0.6 out, $3 training per 1M tokens
 * prices.request(completion)                         // what a Completion cost, priced by its model
 * prices.with("my-model", 0.5, 1.5, 4)               // add or change a model
 * }</pre>
 *
 * <p><b>The defaults are illustrative.</b> They are OpenAI's standard list prices in US dollars as published on
 * <a href="https://openai.com/api/pricing">openai.com/api/pricing</a> around {@value #DEFAULTS_DATE} (fine-tuned
 * models are listed as {@code ft:BASE}; their training price is the price of fine-tuning the base). Prices change:
 * check the page before quoting them. {@code tiny} and {@code ft:tiny} are pretend prices, copied from
 * gpt-4o-mini, so that lessons can cost out Tiny as if it were sold.
 *
 * <p>A model is found by its name, or else by the longest table name its name starts with:
 * {@code "gpt-4o-mini-2024-07-18"} is priced as {@code gpt-4o-mini}, {@code "ft:gpt-4o-mini-2024-07-18:org::abc"} as
 * {@code ft:gpt-4o-mini}.
 */
public final class Prices implements Tabular {
    /** When the default prices were read. */
    public static final String DEFAULTS_DATE = "2025-05";

    /** Where the default prices come from. */
    public static final String DEFAULTS_SOURCE = "illustrative: OpenAI list prices (https://openai.com/api/pricing) as of "
            + DEFAULTS_DATE + "; tiny and ft:tiny are pretend prices copied from gpt-4o-mini";

    private final Map<String, Price> prices;
    private final String source;

    private Prices(Map<String, Price> prices, String source) {
        this.prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
        this.source = source;
    }

    /**
     * Illustrative prices (USD per 1M tokens, {@value #DEFAULTS_DATE}, see above) for gpt-4o-mini, gpt-4o,
     * gpt-4.1-mini, gpt-4.1-nano, gpt-4.1, their fine-tuned versions, and pretend prices for tiny.
     * <pre>{@code Prices.defaults().get("ft:gpt-4o-mini")}</pre>
     */
    public static Prices defaults() {
        Map<String, Price> p = new LinkedHashMap<>();
        put(p, "tiny", 0.15, 0.60, 3.00);
        put(p, "ft:tiny", 0.30, 1.20, 3.00);
        put(p, "gpt-4o-mini", 0.15, 0.60, 3.00);
        put(p, "ft:gpt-4o-mini", 0.30, 1.20, 3.00);
        put(p, "gpt-4o", 2.50, 10.00, 25.00);
        put(p, "ft:gpt-4o", 3.75, 15.00, 25.00);
        put(p, "gpt-4.1-nano", 0.10, 0.40, 1.50);
        put(p, "ft:gpt-4.1-nano", 0.20, 0.80, 1.50);
        put(p, "gpt-4.1-mini", 0.40, 1.60, 5.00);
        put(p, "ft:gpt-4.1-mini", 0.80, 3.20, 5.00);
        put(p, "gpt-4.1", 2.00, 8.00, 25.00);
        put(p, "ft:gpt-4.1", 3.00, 12.00, 25.00);
        return new Prices(p, DEFAULTS_SOURCE);
    }

    /** A table with no prices yet, to fill with {@link #with}: {@code Prices.empty().with("a", 1, 2, 8)}. */
    public static Prices empty() {
        return new Prices(Map.of(), "set in a cell");
    }

    /**
     * This table with a model's prices added or changed, in USD per 1M tokens.
     * <pre>{@code Prices.defaults().with("my-model", 0.5, 1.5, 4)}</pre>
     */
    public Prices with(String model, double inputPerMillion, double outputPerMillion, double trainingPerMillion) {
        return with(new Price(model, inputPerMillion, outputPerMillion, trainingPerMillion));
    }

    /** This table with a price added or changed: {@code prices.with(new Price("m", 1, 2, Double.NaN))}. */
    public Prices with(Price price) {
        Map<String, Price> p = new LinkedHashMap<>(prices);
        p.put(price.model(), price);
        return new Prices(p, source.equals(DEFAULTS_SOURCE) ? DEFAULTS_SOURCE + "; edited in a cell" : source);
    }

    /**
     * The price of a model: by its name, else by the longest name in the table that its name starts with.
     *
     * @throws IllegalArgumentException listing the models, if none matches
     */
    public Price get(String model) {
        Objects.requireNonNull(model, "model");
        Price exact = prices.get(model);
        if (exact != null) {
            return exact;
        }
        String best = null;
        for (String name : prices.keySet()) {
            if (model.startsWith(name) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no price for \"" + model + "\"; the table has " + models()
                    + ". Add one: prices.with(\"" + model + "\", inputPerMillion, outputPerMillion, trainingPerMillion)");
        }
        return prices.get(best);
    }

    /** The price of a model, by its {@link Model#name()} ({@code "ft:" + base} for a {@link TunedModel}): {@code prices.get(Models.tiny())}. */
    public Price get(Model model) {
        if (model instanceof TunedModel tuned) {
            return get("ft:" + tuned.info().base()); // a fine-tuned model is priced as its base's fine-tunes
        }
        return get(model.name());
    }

    /** What the request that gave {@code completion} cost, priced by its model: {@code prices.request(c)}. */
    public Cost request(Completion completion) {
        return get(completion.model()).request(completion);
    }

    /** The models in the table, in order. */
    public List<String> models() {
        return List.copyOf(prices.keySet());
    }

    /** Where the prices come from, and that they are illustrative. */
    public String source() {
        return source;
    }

    /** The table: model, USD per 1M input, output and training tokens, titled with the {@link #source()}. */
    public Table table() {
        Table t = Table.of("model", "input $/1M", "output $/1M", "training $/1M").title("Prices (" + source + ")");
        for (Price p : prices.values()) {
            t.row(p.model(), p.inputPerMillion(), p.outputPerMillion(), p.trainingPerMillion());
        }
        return t;
    }

    /** The table as text, its title saying the prices are illustrative and where they come from. */
    @Override
    public String toString() {
        return table().toString();
    }

    private static void put(Map<String, Price> p, String model, double in, double out, double training) {
        p.put(model, new Price(model, in, out, training));
    }
}
