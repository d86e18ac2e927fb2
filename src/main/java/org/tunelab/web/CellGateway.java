package org.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.tunelab.kernel.GatewayHandler;

/**
 * Everything cells ask of the server through their kernel's gateway (see {@code org.tunelab.play.Gateway}):
 * the real LLM ({@code info}, {@code chat}), sentence embeddings ({@code embed}), training slots ({@code slot.take}, {@code slot.release}) and the
 * student's fine-tuned models ({@code models.save|list|load|delete}) and their versions
 * ({@code models.versions}, {@code models.versions.save}). Requests name no student: the server knows whose kernel
 * asked.
 */
final class CellGateway implements GatewayHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlmGateway llm;
    private final JobSlots slots;
    private final ModelFiles models;
    private final EmbeddingGateway embeddings;

    CellGateway(LlmGateway llm, JobSlots slots, ModelFiles models, EmbeddingGateway embeddings) {
        this.llm = llm;
        this.slots = slots;
        this.models = models;
        this.embeddings = embeddings;
    }

    @Override
    public String handle(String owner, String request) {
        try {
            JsonNode req = JSON.readTree(request);
            String op = req.path("op").asText();
            if (op.startsWith("slot.")) {
                return slot(op, req, owner);
            }
            if (op.equals("embed")) {
                return embeddings.handle(owner, req);
            }
            if (op.startsWith("models.")) {
                String student = student(owner);
                if (student == null) {
                    return unowned(op);
                }
                return switch (op) {
                    case "models.save" -> models.save(student, req);
                    case "models.list" -> models.list(student);
                    case "models.load" -> models.load(student, req);
                    case "models.delete" -> models.delete(student, req);
                    case "models.versions" -> models.versions(student, req);
                    case "models.versions.save" -> models.saveVersions(student, req);
                    default -> error("The server does not know the request '" + op + "'.");
                };
            }
            return llm.handle(owner, req);
        } catch (IOException e) {
            return error("The server could not do that: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    /** Whether a fine-tuning job of the kernel with this key holds a training slot now. */
    boolean training(String owner) {
        return slots.training(owner);
    }

    private String slot(String op, JsonNode req, String owner) {
        String ticket = req.path("ticket").isTextual() ? req.path("ticket").asText() : null;
        if (op.equals("slot.release")) {
            slots.release(ticket);
            return JSON.createObjectNode().put("ok", true).toString();
        }
        JobSlots.Turn turn = slots.take(ticket, owner);
        return JSON.createObjectNode().put("ok", true).put("ticket", turn.ticket()).put("granted", turn.granted())
                .put("ahead", turn.ahead()).toString();
    }

    /** A kernel of nobody's (an exercise check, {@code validate}) may fine-tune, but keeps no models. */
    private static String unowned(String op) {
        return switch (op) {
            case "models.save", "models.versions", "models.versions.save" ->
                    JSON.createObjectNode().put("ok", true).put("kept", false).toString();
            case "models.list" -> JSON.createObjectNode().put("ok", true).set("models", JSON.createArrayNode()).toString();
            default -> error("This kernel (an exercise check) keeps no fine-tuned models; load yours in a lesson cell.");
        };
    }

    /** The student of a kernel key ("student/lesson/slug"), or null. */
    static String student(String owner) {
        if (owner == null) {
            return null;
        }
        int slash = owner.indexOf('/');
        return slash < 0 ? owner : owner.substring(0, slash);
    }

    static String error(String message) {
        return JSON.createObjectNode().put("ok", false).put("error", message).toString();
    }
}
