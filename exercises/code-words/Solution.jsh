Prompt codeWords = Prompt.empty().examples(
        "The kettle works perfectly.", "zorp",
        "The toaster broke after a week.", "blick");
