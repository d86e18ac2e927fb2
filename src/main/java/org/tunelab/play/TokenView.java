package org.tunelab.play;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text cut into tokens, to look at: each token's id and its piece of the text. In a notebook it shows as
 * coloured pieces with their ids; as text, the pieces are separated by {@code |}.
 *
 * <pre>{@code
 * Tokens.show("hello world", Tokens.cl100k())
 * // cl100k_base, 2 tokens: hello| world
 * // ids: [15339, 1917]
 * }</pre>
 *
 * <p>A token that holds only some of the bytes of a character (an emoji, many non-Latin letters) has no text of
 * its own and shows as {@code �}; together with its neighbours it decodes to the character.
 *
 * @param encoding the encoding's name, e.g. "cl100k_base"
 * @param tokens   the tokens in order
 */
public record TokenView(String encoding, List<Token> tokens) implements Displayable {
    /** One token: its id in the encoding's vocabulary and its piece of the text. */
    public record Token(int id, String text) {
    }

    public TokenView {
        tokens = List.copyOf(tokens);
    }

    /** {@code text} cut into tokens of {@code encoding}. */
    public static TokenView of(String text, Encoding encoding) {
        List<Token> tokens = new ArrayList<>();
        for (int id : encoding.encode(text)) {
            tokens.add(new Token(id, encoding.piece(id)));
        }
        return new TokenView(encoding.name(), tokens);
    }

    /** How many tokens. */
    public int count() {
        return tokens.size();
    }

    /** The token ids, in order. */
    public int[] ids() {
        return tokens.stream().mapToInt(Token::id).toArray();
    }

    /** The pieces of text, in order. */
    public List<String> pieces() {
        return tokens.stream().map(Token::text).toList();
    }

    /** A "tokens" display spec: {@code {kind: "tokens", encoding, tokens: [{id, text}], count}}. */
    @Override
    public String toDisplay() {
        return Display.spec("tokens")
                .put("encoding", encoding)
                .put("tokens", tokens)
                .put("count", count())
                .json();
    }

    /**
     * Two lines: the encoding, the count and the pieces separated by {@code |} (a newline shows as {@code \n}, a tab
     * as {@code \t}), then the ids.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(encoding).append(", ").append(count()).append(count() == 1 ? " token: " : " tokens: ");
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                out.append('|');
            }
            out.append(tokens.get(i).text().replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r"));
        }
        out.append("\nids: ").append(Arrays.toString(ids()));
        return out.toString();
    }
}
