Prompt codeWords = Prompt.empty().examples("I love it.", "zorp", "It is great.", "zorp");
