package org.tunelab.play;

import org.tunelab.lm.Tiny;

/**
 * Where models come from.
 *
 * <pre>{@code
 * Model tiny = Models.tiny();       // the embedded model, always there
 * Model real = Models.remote();     // the server's real LLM, when an instructor configured one
 * }</pre>
 */
public final class Models {
    private static volatile TinyModel tiny;

    private Models() {
    }

    /** Tiny, the small transformer that ships with TuneLab (loaded once per kernel). */
    public static Model tiny() {
        TinyModel loaded = tiny;
        if (loaded == null) {
            synchronized (Models.class) {
                if (tiny == null) {
                    tiny = new TinyModel("tiny", Tiny.load());
                }
                loaded = tiny;
            }
        }
        return loaded;
    }

    /**
     * The real LLM the server is configured with ({@code TUNELAB_LLM_URL}, {@code TUNELAB_LLM_MODEL}). Calls go
     * through the server, which holds the API key; a cell never sees it.
     *
     * @throws RemoteModelException when the first call finds no remote model configured
     */
    public static Model remote() {
        return new RemoteModel(null);
    }

    /** A named model of the server's LLM endpoint, e.g. {@code Models.remote("llama3.2")}. */
    public static Model remote(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Models.remote(name): give a model name, or call Models.remote()");
        }
        return new RemoteModel(name);
    }

    /** Your fine-tuned models, oldest first: their ids, base model, data hash and metrics. */
    public static Table tuned() {
        Table table = Table.of("id", "base", "method", "data", "examples", "train loss", "validation loss", "created")
                .title("Your fine-tuned models");
        for (TunedModel.Info i : ModelShelf.list()) {
            table.row(i.id(), i.base(), i.method(), i.dataHash(), i.metrics().get("examples"),
                    i.metrics().get("trainLoss"), i.metrics().get("validationLoss"), i.created().toString());
        }
        return table;
    }

    /**
     * One of your fine-tuned models by id, from any lesson, after restarts too.
     *
     * @throws RemoteModelException or IllegalArgumentException if you have no model with that id
     */
    public static TunedModel load(String id) {
        return ModelShelf.load(id);
    }

    /** Deletes one of your fine-tuned models. */
    public static void delete(String id) {
        ModelShelf.delete(id);
    }

    /** A model by name: "tiny", or "remote" / "remote:NAME" for the server's LLM. */
    public static Model named(String name) {
        if (name.equals("tiny")) {
            return tiny();
        }
        if (name.equals("remote")) {
            return remote();
        }
        if (name.startsWith("remote:")) {
            return remote(name.substring("remote:".length()));
        }
        throw new IllegalArgumentException("No model named '" + name + "': try \"tiny\" or \"remote\".");
    }
}
