import com.fasterxml.jackson.databind.*;

ObjectMapper ticketMapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

Map<String, String> parseTicket(String answer) {
    JsonNode node;
    try {
        node = ticketMapper.readTree(answer.strip());
    } catch (Exception e) {
        return null; // not JSON
    }
    if (node == null || !node.isObject() || node.size() != 3) {
        return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : List.of("department", "urgency", "order")) {
        if (!node.path(name).isTextual()) {
            return null;
        }
        fields.put(name, node.get(name).textValue());
    }
    boolean allowed = List.of("billing", "shipping", "technical", "account").contains(fields.get("department"))
            && List.of("urgent", "normal").contains(fields.get("urgency"))
            && fields.get("order").matches("\\d{5}");
    return allowed ? fields : null;
}

Map<String, String> askTicket(Model model, Prompt prompt, String ticket, int tries) {
    for (int i = 0; i < tries; i++) {
        Options options = i == 0 ? Options.defaults() : Options.defaults().temperature(0.8).seed(i);
        Map<String, String> fields = parseTicket(model.complete(prompt.input(ticket), options).answer());
        if (fields != null) {
            return fields;
        }
    }
    return null;
}
