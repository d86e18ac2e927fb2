// check: the template has the slots issue, order and customer
assertEquals(Set.of("issue", "order", "customer"), Set.copyOf(TICKET.slots()), "TICKET.slots()");

// check: fills a ticket of the right shape
assertEquals("Hi, the courier lost order 55120. No rush. - Chen Wong",
        ticketText("the courier lost", "55120", "Chen Wong"), "ticketText(\"the courier lost\", \"55120\", \"Chen Wong\")");

// check: Tiny routes the filled tickets
Prompt routing = Prompt.of("Route the support ticket to a department: billing, shipping, technical or account.");
String[][] cases = {
    {"I was charged twice for", "48213", "Maria Smith", "billing"},
    {"tracking has not updated for", "10442", "Omar Haddad", "shipping"},
    {"the app crashes when I open", "77310", "Grace Tanaka", "technical"},
    {"I cannot log in to see", "90125", "Liam Costa", "account"}};
for (String[] c : cases) {
    String text = ticketText(c[0], c[1], c[2]);
    assertEquals(c[3], Models.tiny().complete(routing.input(text)).answer(), "Tiny's department for \"" + text + "\"");
}
