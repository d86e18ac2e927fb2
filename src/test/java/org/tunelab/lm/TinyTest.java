package org.tunelab.lm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinyTest {

    static final String TEXT = "Review: the kettle is great, I love it.\nSentiment: positive\n"
            + "Review: the blender broke after 3 days.\nSentiment: negative\n"
            + "Order 48213 shipped to Ada Lovelace on 2024-05-01.\n";

    static Tiny tinyModel(long seed) {
        Tokenizer tok = Tokenizer.train(TEXT, 300);
        TinyConfig c = new TinyConfig(300, 16, 2, 2, 48, 32);
        return new Tiny("test", c, tok, new Weights(c).init(seed), null);
    }

    @Test
    void tokenizerRoundTripsEveryByteString() {
        Tokenizer tok = Tokenizer.train(TEXT, 300);
        assertTrue(tok.vocabSize() > 257);
        assertEquals(TEXT, tok.decode(tok.encode(TEXT)));
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[r.nextInt(40)];
            r.nextBytes(b);
            assertArrayEquals(b, tok.decodeBytes(tok.encodeBytes(b)));
        }
        String s = "naïve café 🙂 order 90210\n\n  x";
        assertEquals(s, tok.decode(tok.encode(s)));
    }

    @Test
    void digitsAreSplit() {
        Tokenizer tok = Tokenizer.train(TEXT + " 11 11 11 11 22 22 22", 300);
        int[] ids = tok.encode("48213");
        assertEquals(5, ids.length);
        assertEquals("4", tok.piece(ids[0]));
    }

    @Test
    void gradientMatchesFiniteDifferencesForEveryTensor() {
        for (int run = 0; run < 4; run++) {
            Kernel kr = run % 2 == 0 ? new PlainKernel() : Kernel.best();
            boolean transposed = run >= 2; // backward through W^T copies, as Trainer does
            Tiny t = tinyModel(3);
            TinyConfig c = t.config();
            Weights w = new Weights(c);
            float[] p = t.parameters();
            int[] tokens = t.tokenizer().encode("Review: the kettle is great.\nSentiment: positive");
            tokens = java.util.Arrays.copyOf(tokens, Math.min(tokens.length, c.contextLength() + 1));
            Tiny.Acts acts = new Tiny.Acts(c);
            float[] g = new float[p.length];
            float[] pT = null;
            if (transposed) { pT = new float[p.length]; w.transposeMatrices(p, pT); }
            Tiny.forwardBackward(c, w, kr, p, pT, g, tokens, 3, 1f, acts);
            for (Weights.Tensor ts : w.tensors()) {
                // check the 3 coordinates with the largest gradient in this tensor
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < ts.size(); i++) idx.add(ts.offset() + i);
                idx.sort((a, b) -> Float.compare(Math.abs(g[b]), Math.abs(g[a])));
                for (int j = 0; j < 3; j++) {
                    int i = idx.get(j);
                    float old = p[i], eps = 1e-3f;
                    p[i] = old + eps;
                    double lp = Tiny.forwardBackward(c, w, kr, p, null, tokens, 3, 1f, acts);
                    p[i] = old - eps;
                    double lm = Tiny.forwardBackward(c, w, kr, p, null, tokens, 3, 1f, acts);
                    p[i] = old;
                    double fd = (lp - lm) / (2 * eps);
                    double err = Math.abs(fd - g[i]) / Math.max(1e-2, Math.abs(fd) + Math.abs(g[i]));
                    assertTrue(err < 0.03, kr.name() + (transposed ? " transposed " : " ") + ts.name() + "[" + (i - ts.offset()) + "]: analytic " + g[i] + " vs numeric " + fd);
                }
            }
        }
    }

    @Test
    void kernelsAgree() {
        Kernel a = new PlainKernel(), b = Kernel.best();
        java.util.Random r = new java.util.Random(1);
        int T = 7, K = 37, N = 70;
        float[] x = new float[T * K], y = new float[K * N], z = new float[T * N];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat() - 0.5f;
        for (int i = 0; i < y.length; i++) y[i] = r.nextFloat() - 0.5f;
        for (int i = 0; i < z.length; i++) z[i] = r.nextFloat() - 0.5f;
        float[] o1 = new float[T * N], o2 = new float[T * N];
        a.matmul(o1, 0, x, 0, y, 0, T, K, N, false);
        b.matmul(o2, 0, x, 0, y, 0, T, K, N, false);
        assertArrayEquals(o1, o2, 1e-4f);
        float[] yt = new float[N * K];
        a.matmulNT(o1, 0, x, 0, yt, 0, T, K, N, false);
        b.matmulNT(o2, 0, x, 0, yt, 0, T, K, N, false);
        assertArrayEquals(o1, o2, 1e-4f);
        float[] g1 = new float[K * N], g2 = new float[K * N];
        a.matmulTN(g1, 0, x, 0, z, 0, T, K, N);
        b.matmulTN(g2, 0, x, 0, z, 0, T, K, N);
        assertArrayEquals(g1, g2, 1e-4f);
    }

    @Test
    void overfitsOneBatchToNearZeroLoss() {
        Tiny t = tinyModel(5);
        List<Trainer.Sequence> batch = new ArrayList<>();
        for (String s : new String[] {"Review: great kettle\nSentiment: positive", "Review: broken blender\nSentiment: negative"}) {
            batch.add(new Trainer.Sequence(t.tokenizer().encode(s), 1));
        }
        try (Trainer tr = new Trainer(t.config(), t.parameters(), 1)) {
            double first = tr.trainStep(batch, 1e-2f, 0f, 1f), loss = first;
            for (int i = 0; i < 300; i++) loss = tr.trainStep(batch, 1e-2f, 0f, 1f);
            assertTrue(loss < 0.05, "loss " + first + " -> " + loss);
        }
    }

    @Test
    void sameSeedSameOutput() {
        Tiny t = tinyModel(9);
        GenerateOptions o = GenerateOptions.greedy().withMaxTokens(12).withTemperature(1.0).withTopP(0.9).withSeed(42);
        Generation a = t.generate("Review:", o), b = t.generate("Review:", o);
        assertEquals(a.text(), b.text());
        assertEquals(12, a.completionTokens() + (a.finishReason().equals("stop") ? 12 - a.completionTokens() : 0));
        Generation g1 = t.generate("Review:", GenerateOptions.greedy().withMaxTokens(8));
        Generation g2 = t.generate("Review:", GenerateOptions.greedy().withMaxTokens(8));
        assertEquals(g1.text(), g2.text());
    }

    @Test
    void kvCachedGenerationMatchesFullForward() {
        Tiny t = tinyModel(11);
        int[] tokens = t.tokenizer().encode("Review: the kettle is great.");
        float[] lp = t.nextTokenLogProbs(tokens);
        int[] seq = java.util.Arrays.copyOf(tokens, tokens.length + 1);
        Tiny.Acts acts = new Tiny.Acts(t.config());
        for (int next : new int[] {5, 77, 256}) {
            seq[tokens.length] = next;
            double loss = Tiny.forwardBackward(t.config(), t.weights(), t.kernel(), t.parameters(), null, seq, tokens.length, 1f, acts);
            assertEquals(-lp[next], loss, 1e-3);
        }
    }

    @Test
    void contextOverflowNamesBothCounts() {
        Tiny t = tinyModel(1);
        String longPrompt = "Review: the kettle is great and the blender broke. ".repeat(5);
        int n = t.tokenizer().encode(longPrompt).length;
        ContextOverflowException e = assertThrows(ContextOverflowException.class,
                () -> t.generate(longPrompt, GenerateOptions.greedy()));
        assertTrue(e.getMessage().contains(n + " tokens") && e.getMessage().contains("48 tokens"), e.getMessage());
        Generation g = t.generate(longPrompt, GenerateOptions.greedy().withTruncate(true).withMaxTokens(3));
        assertEquals(48, g.promptTokens());
    }

    @Test
    void stopSequenceCutsTheCompletion() {
        Tiny t = tinyModel(2);
        Generation g = t.generate("Review:", GenerateOptions.greedy().withMaxTokens(20));
        if (g.text().length() > 2) {
            String stop = g.text().substring(1, 2);
            Generation s = t.generate("Review:", GenerateOptions.greedy().withMaxTokens(20).withStop(stop));
            assertEquals("stop", s.finishReason());
            assertEquals(g.text().substring(0, g.text().indexOf(stop)), s.text());
        }
    }

    @Test
    void checkpointRoundTrip(@TempDir Path dir) {
        Tiny t = tinyModel(4);
        Path f = dir.resolve("m.bin");
        t.save(f);
        Tiny u = Tiny.load(f);
        assertEquals(t.id(), u.id());
        assertEquals(t.config(), u.config());
        assertArrayEquals(t.parameters(), u.parameters());
        assertArrayEquals(t.tokenizer().encode(TEXT), u.tokenizer().encode(TEXT));
        assertEquals(t.generate("Review:", GenerateOptions.greedy()).text(), u.generate("Review:", GenerateOptions.greedy()).text());
    }
}
