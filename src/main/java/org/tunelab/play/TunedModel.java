package org.tunelab.play;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tunelab.lm.Tiny;

/**
 * A fine-tuned Tiny: a {@link Model} with the record of how it was made. It is saved for the student when its
 * job succeeds, and {@link Models#load(String)} brings it back in any lesson, after restarts too.
 *
 * @see FineTune
 */
public final class TunedModel implements Model {
    private final TinyModel model;
    private final Info info;

    /**
     * What is known about a fine-tuned model.
     *
     * @param id       its id, e.g. "ft-lora-3f2a91c0"
     * @param base     the model it was tuned from
     * @param method   "full" or "lora"
     * @param dataHash the first 12 hex digits of the SHA-256 of its training data (JSONL)
     * @param metrics  e.g. examples, epochs, seed, trainLoss, validationLoss, seconds
     * @param created  when its job finished
     */
    public record Info(String id, String base, String method, String dataHash, Map<String, Double> metrics,
                       Instant created) {
        public Info {
            metrics = Map.copyOf(metrics);
        }
    }

    TunedModel(Tiny tiny, Info info) {
        this.model = new TinyModel(info.id(), tiny);
        this.info = info;
    }

    public String id() {
        return info.id();
    }

    public Info info() {
        return info;
    }

    /** How many weights (numbers) the model computes with: Tiny's, whatever the fine-tune changed. */
    public long weights() {
        return tiny().parameters().length;
    }

    /**
     * How many weights its fine-tuning trained and must be stored with it: for a LoRA fine-tune the adapter's
     * matrices A and B only (the base weights stay as they were), for a full fine-tune every weight.
     * <pre>{@code tuned.trainedWeights() * 100.0 / tuned.weights()   // per cent of the model}</pre>
     */
    public long trainedWeights() {
        return tiny().adapter() == null ? weights() : tiny().adapter().data().length;
    }

    /** The seed its job trained with (metric {@code seed}); 0 for a model saved before seeds were recorded. */
    public long seed() {
        Double seed = info.metrics().get("seed");
        return seed == null ? 0 : seed.longValue();
    }

    Tiny tiny() {
        return model.tiny();
    }

    @Override
    public String name() {
        return info.id();
    }

    @Override
    public Encoding encoding() {
        return model.encoding();
    }

    @Override
    public int contextWindow() {
        return model.contextWindow();
    }

    @Override
    public Completion complete(String prompt, Options options) {
        return model.complete(prompt, options);
    }

    @Override
    public Completion chat(List<Message> messages, Options options) {
        return model.chat(messages, options);
    }

    @Override
    public String toString() {
        return info.id() + " (" + info.method() + " fine-tune of " + info.base() + ", data " + info.dataHash()
                + ", " + info.metrics() + ")";
    }
}
