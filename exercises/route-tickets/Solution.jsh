Prompt routing = Prompt.of("Route the support ticket to a department: billing, shipping, technical or account.")
        .role("a support assistant")
        .format("Answer with one word.");
