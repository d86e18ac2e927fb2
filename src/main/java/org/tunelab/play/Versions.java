package org.tunelab.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named model with numbered versions, the way a model registry keeps them (MLflow's registered models, Hugging
 * Face revisions): each version is one of your fine-tuned models, with its data hash, its metrics and a note. One
 * version is <em>live</em>, the one {@link #live()} serves. Publishing a model makes it the next version and live;
 * a rollback makes an earlier version live again. No version is ever removed or renumbered.
 *
 * <pre>{@code
 * Versions router = Versions.of("router");
 * router.publish(firstModel, "120 tickets");                   // 1, live
 * router.publish(secondModel, "120 tickets + 40 new");         // 2, live
 * router                                                       // version, model, method, data hash, note, ... live
 * router.compare(test, Prompt.empty()).show();                 // every version on one test set: a table and a chart
 * router.rollback();                                           // 1: live again; version 2 stays listed
 * router.live()                                                // version 1's model, to serve
 * }</pre>
 *
 * Versions are kept with your fine-tuned models (on the server, or in {@code ~/.tunelab/models} outside a course),
 * so {@code Versions.of("router")} in another lesson, a restarted kernel or after a server restart sees the same
 * ones. In an exercise check or {@code validate}, where models are not kept, they live in this object only.
 */
public final class Versions implements Tabular {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Map<String, TunedModel> models = new HashMap<>(); // published or loaded by this object
    private State unkept; // where nothing is kept: the versions themselves

    /**
     * One version of a named model.
     *
     * @param number    1, 2, 3, ... in the order they were published
     * @param note      what changed, in your words ("120 tickets + 40 new")
     * @param published when it was published
     * @param info      its model's id, base, method, data hash and metrics
     */
    public record Version(int number, String note, Instant published, TunedModel.Info info) {
        /** Its model's id, for {@link Models#load(String)}. */
        public String modelId() {
            return info.id();
        }
    }

    /** What is saved: every version, and the live versions in the order they went live (the last is live now). */
    private record State(int revision, List<Version> versions, List<Integer> live) {
    }

    private Versions(String name) {
        this.name = name;
    }

    /**
     * The versions of the model named {@code name} (letters, digits, - and _): the saved ones, or none yet.
     * <pre>{@code Versions router = Versions.of("router");}</pre>
     */
    public static Versions of(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' cannot name a model's versions: use 1 to 64 letters, "
                    + "digits, - and _, e.g. Versions.of(\"router\").");
        }
        return new Versions(name);
    }

    public String name() {
        return name;
    }

    /**
     * Publishes one of your fine-tuned models as the next version, which becomes live.
     * <pre>{@code int v = router.publish(tuned, "160 tickets, labels checked twice");   // 1 for the first}</pre>
     *
     * @return the new version's number
     * @throws IllegalArgumentException if the model is not one of your saved models (deleted, say)
     */
    public int publish(TunedModel model, String note) {
        Objects.requireNonNull(model, "model");
        State s = read();
        if (unkept == null && ModelShelf.list().stream().noneMatch(i -> i.id().equals(model.id()))) {
            throw new IllegalArgumentException("'" + model.id() + "' is not one of your saved models (Models.tuned() "
                    + "lists them), so it cannot be a version of " + name + ".");
        }
        int number = s.versions().size() + 1;
        List<Version> versions = new ArrayList<>(s.versions());
        versions.add(new Version(number, note == null ? "" : note, Instant.now().truncatedTo(ChronoUnit.SECONDS), model.info()));
        List<Integer> live = new ArrayList<>(s.live());
        live.add(number);
        write(new State(s.revision() + 1, versions, live));
        models.put(model.id(), model);
        return number;
    }

    /**
     * Publishes a saved model by id: {@code router.publish("ft-lora-3f2a91c0a1b2", "the one from lesson 10")}.
     *
     * @throws RuntimeException saying so if you have no model with that id
     */
    public int publish(String modelId, String note) {
        return publish(Models.load(modelId), note);
    }

    /** Every version, oldest first. */
    public List<Version> versions() {
        return read().versions();
    }

    /**
     * One version: {@code router.version(1).info().dataHash()}.
     *
     * @throws IllegalArgumentException naming the versions there are, if there is no such version
     */
    public Version version(int number) {
        return version(read(), number);
    }

    /** The number of the live version. */
    public int liveVersion() {
        return liveVersion(read());
    }

    /** The live version's model, the one to serve: {@code router.live().complete(Prompt.empty().input(ticket))}. */
    public TunedModel live() {
        State s = read();
        return model(s, liveVersion(s));
    }

    /** The model of one version (loaded from your saved models the first time). */
    public TunedModel model(int number) {
        return model(read(), number);
    }

    private TunedModel model(State s, int number) {
        return models.computeIfAbsent(version(s, number).modelId(), Models::load);
    }

    private int liveVersion(State s) {
        requireSome(s);
        return s.live().get(s.live().size() - 1);
    }

    /**
     * Makes live again the version that was live before the live one: undoes the last publish or rollback. The
     * version rolled back from stays listed.
     *
     * @return the number of the version now live
     */
    public int rollback() {
        State s = read();
        requireSome(s);
        if (s.live().size() < 2) {
            throw new IllegalStateException("Version " + s.live().get(0) + " of " + name + " is the first that went "
                    + "live, so there is nothing to roll back to; rollback(n) makes version n live.");
        }
        List<Integer> live = new ArrayList<>(s.live().subList(0, s.live().size() - 1));
        write(new State(s.revision() + 1, s.versions(), live));
        return live.get(live.size() - 1);
    }

    /**
     * Makes version {@code number} live: {@code router.rollback(1)}. {@link #rollback()} afterwards undoes it.
     *
     * @return {@code number}
     */
    public int rollback(int number) {
        State s = read();
        version(s, number);
        if (s.live().get(s.live().size() - 1) != number) {
            List<Integer> live = new ArrayList<>(s.live());
            live.add(number);
            write(new State(s.revision() + 1, s.versions(), live));
        }
        return number;
    }

    /**
     * Evaluates every version (or the versions named) on one test set with one prompt, as entries "v1", "v2", ...
     * <pre>{@code
     * Comparison c = router.compare(test, Prompt.empty());     // or compare(test, Prompt.empty(), 1, 3)
     * c.show();                                               // a table and a chart of accuracy per version
     * c.result("v2").accuracy()
     * }</pre>
     */
    public Comparison compare(Dataset test, Prompt prompt, int... numbers) {
        State s = read();
        requireSome(s);
        List<Integer> chosen = new ArrayList<>();
        if (numbers.length == 0) {
            s.versions().forEach(v -> chosen.add(v.number()));
        } else {
            for (int n : numbers) {
                chosen.add(version(s, n).number());
            }
        }
        Comparison.Builder builder = Evaluation.compare(test);
        for (int n : chosen) {
            builder.add("v" + n, model(s, n), prompt);
        }
        return builder.run();
    }

    /** One row per version: number, model id, method, data hash, examples, note, published, and which is live. */
    @Override
    public Table table() {
        State s = read();
        int live = s.live().isEmpty() ? 0 : s.live().get(s.live().size() - 1);
        Table t = Table.of("version", "model", "method", "data", "examples", "note", "published", "live")
                .title(s.versions().isEmpty() ? name + ": no versions yet"
                        : name + ": " + s.versions().size() + " version" + (s.versions().size() == 1 ? "" : "s")
                        + ", version " + live + " live");
        for (Version v : s.versions()) {
            Double examples = v.info().metrics().get("examples");
            t.row(v.number(), v.modelId(), v.info().method(), v.info().dataHash(),
                    examples == null ? null : examples.intValue(), v.note(), v.published().toString(),
                    v.number() == live ? "live" : "");
        }
        return t;
    }

    @Override
    public String toString() {
        return table().toString();
    }

    private Version version(State s, int number) {
        requireSome(s);
        if (number < 1 || number > s.versions().size()) {
            throw new IllegalArgumentException(name + " has no version " + number + "; its versions are "
                    + (s.versions().size() == 1 ? "1" : "1 to " + s.versions().size()) + ".");
        }
        return s.versions().get(number - 1);
    }

    private void requireSome(State s) {
        if (s.versions().isEmpty()) {
            throw new IllegalStateException(name + " has no versions yet: publish a fine-tuned model with "
                    + "Versions.of(\"" + name + "\").publish(model, \"a note\").");
        }
    }

    private State read() {
        if (unkept != null) {
            return unkept;
        }
        ObjectNode saved = ModelShelf.versions(name);
        if (saved == null) {
            unkept = new State(0, List.of(), List.of());
            return unkept;
        }
        return state(saved);
    }

    private void write(State s) {
        if (unkept != null || !ModelShelf.saveVersions(name, json(s))) {
            unkept = s;
        }
    }

    private ObjectNode json(State s) {
        ObjectNode doc = JSON.createObjectNode().put("name", name).put("revision", s.revision());
        ArrayNode versions = doc.putArray("versions");
        for (Version v : s.versions()) {
            ObjectNode n = versions.addObject().put("version", v.number()).put("note", v.note())
                    .put("published", v.published().toString());
            n.set("model", JSON.valueToTree(ModelShelf.infoJson(v.info())));
        }
        ArrayNode live = doc.putArray("live");
        s.live().forEach(live::add);
        return doc;
    }

    private static State state(JsonNode doc) {
        List<Version> versions = new ArrayList<>();
        for (JsonNode n : doc.path("versions")) {
            versions.add(new Version(n.path("version").asInt(), n.path("note").asText(),
                    Instant.parse(n.path("published").asText(Instant.EPOCH.toString())), ModelShelf.info(n.path("model"))));
        }
        List<Integer> live = new ArrayList<>();
        doc.path("live").forEach(n -> live.add(n.asInt()));
        return new State(doc.path("revision").asInt(0), List.copyOf(versions), List.copyOf(live));
    }
}
