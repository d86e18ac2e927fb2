package org.tunelab.play;

import org.tunelab.lm.Tokenizer;

/** Tiny's byte-level BPE tokenizer (1024 tokens, digits one by one) as an {@link Encoding}. */
final class TinyEncoding implements Encoding {
    private final Tokenizer tokenizer;

    TinyEncoding(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public String name() {
        return "tiny";
    }

    @Override
    public int[] encode(String text) {
        return tokenizer.encode(text);
    }

    @Override
    public String decode(int[] ids) {
        return tokenizer.decode(ids);
    }

    @Override
    public String piece(int id) {
        return tokenizer.piece(id);
    }

    @Override
    public String toString() {
        return "tiny (" + tokenizer.vocabSize() + " tokens)";
    }
}
