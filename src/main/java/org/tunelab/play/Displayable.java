package org.tunelab.play;

/**
 * A value that the notebook shows richly, not just as text: when a cell ends with a Displayable, or a cell calls
 * {@link Display#show(Object)} with one, the page renders its {@link #toDisplay() display spec}.
 *
 * <p>A display spec is a JSON object with a {@code "kind"} the page knows (see {@link Display}). Specs are data,
 * never HTML: the page builds elements from them with text only, so nothing in a spec can run script.
 */
public interface Displayable {
    /** This value as a display spec (a JSON object), e.g. from {@link Display#spec(String)}. */
    String toDisplay();
}
