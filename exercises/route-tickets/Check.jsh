// check: has a role
assertTrue(routing.parts().stream().anyMatch(p -> p.label().equals("role")), "routing has no role: add .role(\"...\")");

// check: has an output format
assertTrue(routing.parts().stream().anyMatch(p -> p.label().equals("format")), "routing has no format: add .format(\"...\")");

// check: at most 60 tokens
int tokens = routing.tokens(Models.tiny());
assertTrue(tokens <= 60, "routing is " + tokens + " Tiny tokens; make it at most 60");

// check: accuracy at least 0.85 on 30 tickets
int right = 0;
Dataset tickets = Datasets.task("department", 30, 21);
for (Example e : tickets) {
    if (Models.tiny().complete(routing.input(e.input())).answer().equals(e.label())) {
        right++;
    }
}
assertTrue(right >= 26, "routing got " + right + " of 30 tickets right (" + right / 30.0
        + "); it needs 26 (0.85). Is the instruction one Tiny knows?");
