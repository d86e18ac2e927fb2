// check: one request per field, in the order department, urgency, order
StepModel counting = new StepModel("technical", "normal", "00001");
counting.ticket = "Hi, the app crashes when I open order 00001. No rush. - Anna Costa";
String line = triageLine(counting, counting.ticket);
assertEquals(List.of("department", "urgency", "order"), counting.steps,
        "the steps the model was asked, recognised by their instructions (Datasets.instruction(step))");

// check: the line joins the three answers with " | "
assertEquals("technical | normal | 00001", line, "triageLine with a model that answers technical, normal and 00001");

// hidden check: the answers come from the model, not from the code
StepModel other = new StepModel("shipping", "urgent", "12345");
other.ticket = "Hello, the courier lost order 99999. This is urgent! - Omar Khan";
assertEquals("shipping | urgent | 12345", triageLine(other, other.ticket), "triageLine with a model that answers shipping, urgent and 12345");

// check: on Tiny, at least 19 of 20 lines right
int right = 0;
String firstWrong = null;
for (Example e : Datasets.triage(20, 31)) {
    String got = triageLine(Models.tiny(), e.input());
    if (got.equals(e.label())) {
        right++;
    } else if (firstWrong == null) {
        firstWrong = e.input() + " -> " + got + " (expected " + e.label() + ")";
    }
}
assertTrue(right >= 19, right + " of 20 triage lines right on Tiny; it needs 19. First wrong: " + firstWrong);
