package org.tunelab.lm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTunerTest {

    static List<Example> examples() {
        List<Example> ex = new ArrayList<>();
        String[] items = {"kettle", "blender", "rake", "laptop", "kite", "jacket"};
        String[] cats = {"kitchen", "kitchen", "garden", "electronics", "toys", "clothing"};
        for (int i = 0; i < items.length; i++) ex.add(new Example("Input: " + items[i] + "\nOutput:", " " + cats[i]));
        return ex;
    }

    @Test
    void loraMergedEqualsLoraApplied() {
        Tiny base = TinyTest.tinyModel(21);
        Tiny ft = FineTuner.fineTune(base, examples(), FineTuneOptions.lora().withRank(4).withEpochs(3).withBatchSize(2).withThreads(1),
                null, () -> false);
        assertNotNull(ft.adapter());
        Tiny merged = ft.merged();
        assertNull(merged.adapter());
        int[] tokens = base.tokenizer().encode("Input: kettle\nOutput:");
        float[] a = ft.nextTokenLogProbs(tokens), b = merged.nextTokenLogProbs(tokens), c = base.nextTokenLogProbs(tokens);
        assertArrayEquals(a, b, 1e-4f);
        double diff = 0;
        for (int i = 0; i < a.length; i++) diff += Math.abs(a[i] - c[i]);
        assertTrue(diff > 1e-2, "the adapter changed nothing");
    }

    @Test
    void loraGradientMatchesFiniteDifferences() {
        Tiny base = TinyTest.tinyModel(22);
        Weights w = base.weights();
        LoraAdapter ad = LoraAdapter.init(w, "a", "b", 2, 4, 7);
        for (int i = 0; i < ad.data().length; i++) ad.data()[i] += 0.05f * (float) Math.sin(i); // B non-zero
        int[] tokens = base.tokenizer().encode("Input: kettle\nOutput: kitchen");
        Tiny.Acts acts = new Tiny.Acts(base.config());
        float[] g = new float[w.size()];
        Tiny.forwardBackward(base.config(), w, new PlainKernel(), ad.merge(w, base.parameters(), new PlainKernel()), g, tokens, 1, 1f, acts);
        float[] dl = new float[ad.data().length];
        FineTuner.project(w, ad, g, dl, new PlainKernel());
        for (int i : new int[] {0, 5, 40, ad.data().length / 2, ad.data().length - 3}) {
            float old = ad.data()[i], eps = 1e-3f;
            ad.data()[i] = old + eps;
            double lp = Tiny.forwardBackward(base.config(), w, new PlainKernel(), ad.merge(w, base.parameters(), new PlainKernel()), null, tokens, 1, 1f, acts);
            ad.data()[i] = old - eps;
            double lm = Tiny.forwardBackward(base.config(), w, new PlainKernel(), ad.merge(w, base.parameters(), new PlainKernel()), null, tokens, 1, 1f, acts);
            ad.data()[i] = old;
            double fd = (lp - lm) / (2 * eps);
            assertEquals(fd, dl[i], 0.03 * Math.max(0.05, Math.abs(fd)), "lora[" + i + "]");
        }
    }

    @Test
    void sameSeedSameModelAndProgressIsReported() {
        Tiny base = TinyTest.tinyModel(23);
        AtomicInteger calls = new AtomicInteger();
        FineTuneOptions o = FineTuneOptions.full().withEpochs(2).withBatchSize(2).withThreads(2).withSeed(5).withValidationSplit(0.34);
        Tiny a = FineTuner.fineTune(base, examples(), o, p -> {
            calls.incrementAndGet();
            assertTrue(p.step() <= p.totalSteps() && p.tokensPerSecond() > 0 && !Double.isNaN(p.loss()));
        }, () -> false);
        Tiny b = FineTuner.fineTune(base, examples(), o, null, () -> false);
        assertEquals(4, calls.get()); // 4 training examples, batch 2, 2 epochs
        assertArrayEquals(a.parameters(), b.parameters());
        assertFalse(java.util.Arrays.equals(a.parameters(), base.parameters()));
    }

    @Test
    void cancellationStopsTheRun() {
        Tiny base = TinyTest.tinyModel(24);
        AtomicInteger steps = new AtomicInteger();
        CancellationException e = assertThrows(CancellationException.class, () -> FineTuner.fineTune(base, examples(),
                FineTuneOptions.full().withBatchSize(1).withThreads(1), p -> steps.incrementAndGet(), () -> steps.get() >= 2));
        assertTrue(e.getMessage().contains("step 2 of 18"), e.getMessage());
    }

    @Test
    void fineTunedModelsAndAdaptersSaveAndLoadIdentically(@TempDir Path dir) {
        Tiny base = TinyTest.tinyModel(25);
        Tiny full = FineTuner.fineTune(base, examples(), FineTuneOptions.full().withThreads(1).withId("ft-cats"), null, () -> false);
        full.save(dir.resolve("full.bin"));
        Tiny full2 = Tiny.load(dir.resolve("full.bin"));
        assertEquals("ft-cats", full2.id());
        assertArrayEquals(full.parameters(), full2.parameters());

        Tiny lora = FineTuner.fineTune(base, examples(), FineTuneOptions.lora().withThreads(1).withId("lora-cats"), null, () -> false);
        lora.save(dir.resolve("lora.bin"));
        Tiny lora2 = Tiny.load(dir.resolve("lora.bin"));
        assertEquals("lora-cats", lora2.adapter().id());
        assertArrayEquals(lora.adapter().data(), lora2.adapter().data());
        Checkpoint.saveAdapter(lora.adapter(), dir.resolve("a.lora"));
        LoraAdapter ad = Checkpoint.loadAdapter(dir.resolve("a.lora"));
        assertEquals(base.id(), ad.baseId());
        Tiny lora3 = base.with(ad.id(), ad);
        String p = "Input: kettle\nOutput:";
        assertEquals(lora.generate(p, GenerateOptions.greedy()).text(), lora3.generate(p, GenerateOptions.greedy()).text());
    }
}
