package org.tunelab.play;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.util.Locale;

/**
 * Tokenizers: Tiny's, and OpenAI's real encodings (cl100k_base for GPT-3.5/4, o200k_base for GPT-4o), and a way
 * to look at the tokens of a text.
 *
 * <pre>{@code
 * Tokens.cl100k().count("hello world")                 // 2
 * Tokens.tiny().encode("Order 48213")                  // digits are one token each in Tiny
 * Tokens.show("hello world", Tokens.cl100k())           // hello| world, ids [15339, 1917]
 * }</pre>
 *
 * <p>How many examples fit a model's context window, and what is left for the answer: see {@link Budget}.
 */
public final class Tokens {
    private static volatile EncodingRegistry registry;

    private Tokens() {
    }

    /** Tiny's tokenizer. */
    public static Encoding tiny() {
        return Models.tiny().encoding();
    }

    /** OpenAI's cl100k_base (GPT-3.5, GPT-4). */
    public static Encoding cl100k() {
        return openAi(EncodingType.CL100K_BASE);
    }

    /** OpenAI's o200k_base (GPT-4o and later). */
    public static Encoding o200k() {
        return openAi(EncodingType.O200K_BASE);
    }

    /** The encoding a model name most likely uses: Tiny's for "tiny", o200k for gpt-4o/o1/o3..., else cl100k. */
    public static Encoding forModel(String model) {
        String name = model == null ? "" : model.toLowerCase(Locale.ROOT);
        if (name.equals("tiny") || name.startsWith("tiny-") || name.startsWith("ft:tiny")) {
            return tiny();
        }
        if (name.startsWith("gpt-4o") || name.startsWith("gpt-4.1") || name.startsWith("gpt-5")
                || name.matches("o[1-9].*")) {
            return o200k();
        }
        return cl100k();
    }

    /**
     * The tokens of {@code text} in {@code encoding}, to look at: {@code Tokens.show("Order 48213", Tokens.tiny())}
     * shows each piece with its id (coloured in a notebook).
     */
    public static TokenView show(String text, Encoding encoding) {
        return TokenView.of(text, encoding);
    }

    /** The tokens of {@code text} as {@code model} reads them: {@code Tokens.show("hello world", Models.tiny())}. */
    public static TokenView show(String text, Model model) {
        return TokenView.of(text, model.encoding());
    }

    /** The tokens of {@code text} in Tiny's tokenizer: {@code Tokens.show("hello world")}. */
    public static TokenView show(String text) {
        return TokenView.of(text, tiny());
    }

    private static Encoding openAi(EncodingType type) {
        EncodingRegistry r = registry;
        if (r == null) {
            r = Encodings.newLazyEncodingRegistry();
            registry = r;
        }
        com.knuddels.jtokkit.api.Encoding e = r.getEncoding(type);
        return new Encoding() {
            @Override
            public String name() {
                return e.getName();
            }

            @Override
            public int[] encode(String text) {
                return e.encode(text).toArray();
            }

            @Override
            public String decode(int[] ids) {
                IntArrayList list = new IntArrayList(ids.length);
                for (int id : ids) {
                    list.add(id);
                }
                return e.decode(list);
            }

            @Override
            public String piece(int id) {
                return decode(new int[] {id});
            }

            @Override
            public int count(String text) {
                return e.countTokens(text);
            }

            @Override
            public String toString() {
                return e.getName();
            }
        };
    }
}
