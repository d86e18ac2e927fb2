/**
 * Tiny: an embedded transformer language model in plain Java 17, pretrained by our own
 * pipeline, small enough to prompt and fine-tune in seconds on a laptop CPU.
 *
 * <p>Front doors: {@link org.tunelab.lm.Tiny} (load, generate, save),
 * {@link org.tunelab.lm.FineTuner} (full and LoRA fine-tuning), {@link org.tunelab.lm.Tokenizer}
 * (byte-level BPE). Command lines: {@link org.tunelab.lm.TrainBase} (pretraining),
 * {@link org.tunelab.lm.TinyReport} ({@code tiny-report}), {@link org.tunelab.lm.TinyBench}.
 * Model files: {@link org.tunelab.lm.Checkpoint} and {@code docs/tiny-checkpoint.md}.
 *
 * <p>Pretraining corpora ({@link org.tunelab.lm.Documents}): {@link org.tunelab.lm.Corpus}, the
 * synthetic tasks the course's datasets also come from (Tiny 1), and
 * {@link org.tunelab.lm.Pretraining} (Tiny 2), which adds real language data read by
 * {@link org.tunelab.lm.Lexicon} from packages {@code bin/tiny-sources} installs: facts about words,
 * few-shot episodes of tasks drawn from them ({@code Episodes}), negated and contrastive reviews
 * ({@code Reviews}). The report's held-out tests of those ({@code HeldOutTests}) never appear in it.
 *
 * <p>Speed: with {@code --add-modules jdk.incubator.vector} the matmuls run on
 * {@link org.tunelab.lm.VectorKernel}; without it, on {@link org.tunelab.lm.PlainKernel}
 * (same results up to float rounding, about 15x slower).
 */
package org.tunelab.lm;
