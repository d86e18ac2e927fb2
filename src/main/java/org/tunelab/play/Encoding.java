package org.tunelab.play;

/**
 * A tokenizer: how a model cuts text into the tokens it reads, counts and is billed by.
 * Get one from {@link Tokens} or from {@link Model#encoding()}.
 */
public interface Encoding {
    /** Its name, e.g. "tiny", "cl100k_base" or "o200k_base". */
    String name();

    /** The token ids of {@code text}. */
    int[] encode(String text);

    /** The text of some token ids. */
    String decode(int[] ids);

    /** The text of one token (a piece of a word, a word, a space and a word...). */
    String piece(int id);

    /** How many tokens {@code text} is. */
    default int count(String text) {
        return encode(text).length;
    }
}
