package org.tunelab.lm;

import java.util.SplittableRandom;

/** A pretraining corpus: documents drawn from a random source, the same for the same seed. */
public interface Documents {

    /** One document (without its end-of-text token). */
    String document(SplittableRandom r);

    /** About {@code chars} characters of documents joined by blank lines, for training the tokenizer. */
    default String sampleText(long seed, int chars) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder();
        while (b.length() < chars) b.append(document(r)).append("\n\n");
        return b.toString();
    }
}
