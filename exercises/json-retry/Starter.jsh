import com.fasterxml.jackson.databind.*;

Map<String, String> parseTicket(String answer) {
    return null; // parse with an ObjectMapper, then check the object, its fields and their values
}

Map<String, String> askTicket(Model model, Prompt prompt, String ticket, int tries) {
    String answer = model.complete(prompt.input(ticket)).answer();
    return parseTicket(answer); // one try only: ask again while the answer is not valid
}
