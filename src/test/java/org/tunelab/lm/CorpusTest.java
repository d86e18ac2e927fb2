package org.tunelab.lm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    @Test
    void sameSeedSameCorpus() {
        assertEquals(new Corpus().sampleText(7, 20_000), new Corpus().sampleText(7, 20_000));
        assertNotEquals(new Corpus().sampleText(7, 20_000), new Corpus().sampleText(8, 20_000));
    }

    @Test
    void reservedTasksAndHeldOutWordingsNeverAppearInPretraining() {
        Corpus c = new Corpus();
        String text = c.sampleText(1, 2_000_000);
        for (Corpus.Task t : c.tasks()) {
            if (t.reserved()) {
                for (String w : t.wordings()) assertFalse(text.contains(w), t.name() + ": " + w);
                for (String label : t.labels()) {
                    boolean shared = c.pretrainingTasks().stream().anyMatch(p -> p.labels().contains(label)); // "travel" is also a topic
                    if (!shared) assertFalse(text.contains("Output: " + label + "\n"), t.name() + " label " + label);
                }
            } else {
                for (String w : t.heldOutWordings()) assertFalse(text.contains(w + "\n"), t.name() + " held-out wording: " + w);
                for (String w : t.trainedWordings()) assertTrue(text.contains(w), t.name() + " trained wording missing: " + w);
            }
        }
        assertTrue(c.pretrainingTasks().size() >= 15);
        assertTrue(text.contains("Output: positive") && text.contains("IDs: "));
    }

    @Test
    void fewShotAndInventedLabelEpisodes() {
        Corpus c = new Corpus();
        Corpus.Task t = c.task("sentiment");
        SplittableRandom r = new SplittableRandom(3);
        var labels = Corpus.inventLabels(r, 2);
        String ep = Corpus.episode(r, t, 4, null, labels);
        assertEquals(5, ep.split("Input: ").length - 1);
        assertFalse(ep.contains("positive") || ep.contains("negative"));
        assertTrue(ep.contains("Output: " + labels.get(0)) || ep.contains("Output: " + labels.get(1)));
    }

    @Test
    void trainingResumesExactlyWhereItStopped(@TempDir Path dir) throws Exception {
        String[] common = {"--threads", "1", "--seed", "3", "--dim", "16", "--layers", "1", "--heads", "2", "--context", "32",
            "--batch", "2", "--seq", "32", "--tokens", "256", "--warmup", "2", "--tokenizer-chars", "20000"};
        Path straight = dir.resolve("a/m.bin"), resumed = dir.resolve("b/m.bin");
        TrainBase.main(concat(common, "--out", straight.toString()));
        TrainBase.main(concat(common, "--out", resumed.toString(), "--stop-after", "2"));
        assertNotEquals(-1, Files.size(resumed));
        TrainBase.main(concat(common, "--out", resumed.toString(), "--resume"));
        assertArrayEquals(Tiny.load(straight).parameters(), Tiny.load(resumed).parameters());
    }

    @Test
    void initStartsFromTheGivenCheckpointWithAFreshOptimizer(@TempDir Path dir) throws Exception {
        String[] common = {"--threads", "1", "--seed", "3", "--dim", "16", "--layers", "1", "--heads", "2", "--context", "32",
            "--batch", "2", "--seq", "32", "--warmup", "1", "--tokenizer-chars", "20000"};
        Path from = dir.resolve("a/m.bin"), continued = dir.resolve("b/m.bin");
        TrainBase.main(concat(common, "--tokens", "256", "--out", from.toString()));
        TrainBase.main(concat(common, "--tokens", "64", "--lr", "1e-4", "--seed", "4", "--init", from.toString(), "--out", continued.toString()));
        Tiny a = Tiny.load(from), b = Tiny.load(continued);
        float[] pa = a.parameters(), pb = b.parameters();
        double maxDiff = 0;
        for (int i = 0; i < pa.length; i++) maxDiff = Math.max(maxDiff, Math.abs(pa[i] - pb[i]));
        // one AdamW step at lr 1e-4 moves each weight by about 1e-4; a fresh model would differ by ~0.02-1
        assertTrue(maxDiff > 0 && maxDiff < 1e-3, "largest change " + maxDiff);
        assertArrayEquals(a.tokenizer().encode("Hello, order 12345 - Maria Smith"), b.tokenizer().encode("Hello, order 12345 - Maria Smith"));
        try (var state = new java.io.DataInputStream(Files.newInputStream(continued.resolveSibling("m.bin.state")))) {
            assertEquals(1L, state.readLong(), "the continued run counts its own steps");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
