Prompt codeWords = Prompt.empty().examples("I love it.", "zorp", "It broke.", "blick");
