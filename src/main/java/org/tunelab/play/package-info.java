/**
 * The API students type in cells: models, prompts, tokens, datasets, fine-tuning, evaluation, cost and display.
 *
 * <p>Every kernel imports {@code org.tunelab.play.*}, so a cell reads like the idea it teaches:
 * <pre>{@code
 * Model tiny = Models.tiny();
 * tiny.complete(Prompt.of("Classify the sentiment of the review.")
 *         .example("I love this kettle.", "positive")
 *         .input("The lid broke in a week."))
 * }</pre>
 *
 * <p>This package depends on {@code org.tunelab.lm} (Tiny) and the JDK only. Inside a kernel it reaches the
 * server through two hooks the kernel installs (see {@link org.tunelab.play.Display} and
 * {@code Gateway}); outside a kernel (tests, a plain JVM) it works without them.
 */
package org.tunelab.play;
