Prompt routing = Prompt.empty();
