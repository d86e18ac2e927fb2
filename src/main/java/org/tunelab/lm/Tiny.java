package org.tunelab.lm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Tiny: a small GPT-style decoder (see {@link TinyConfig}) with its tokenizer, ready to prompt.
 *
 * <pre>{@code
 * Tiny tiny = Tiny.load();                       // the bundled base checkpoint
 * Generation g = tiny.generate("Is this review positive or negative?\nInput: I love this kettle.\nOutput:",
 *         GenerateOptions.greedy().withMaxTokens(4).withStop("\n"));   // g.text() is " positive"
 * int[] ids = tiny.tokenizer().encode("Order 48213");                // digits are single tokens
 * String piece = tiny.tokenizer().piece(ids[0]);
 * }</pre>
 *
 * Dimension legend, as in llm.c: T tokens in the sequence, C = dim, H = hidden, V = vocab,
 * nh = heads, hs = C / nh. A Tiny is immutable; {@link FineTuner} returns new ones.
 * Training code ({@link Trainer}) uses {@link #forwardBackward} on its own parameter copy.
 */
public final class Tiny {

    private final TinyConfig config;
    private final Tokenizer tokenizer;
    private final Weights w;
    private final float[] params;       // (w.size()) every weight, see Weights
    private final LoraAdapter adapter;   // null for a plain model
    private final String id;
    private final Kernel kernel;

    public Tiny(String id, TinyConfig config, Tokenizer tokenizer, float[] params, LoraAdapter adapter) {
        if (tokenizer.vocabSize() > config.vocabSize()) {
            throw new IllegalArgumentException("tokenizer has " + tokenizer.vocabSize() + " ids, config " + config.vocabSize());
        }
        this.id = id;
        this.config = config;
        this.tokenizer = tokenizer;
        this.w = new Weights(config);
        if (params.length != w.size()) throw new IllegalArgumentException("params " + params.length + " != " + w.size());
        this.params = params;
        this.adapter = adapter;
        this.kernel = Kernel.best();
    }

    /** The base checkpoint bundled on the class path at {@code /tiny/tiny-base.bin}. */
    public static Tiny load() {
        try (InputStream in = Tiny.class.getResourceAsStream("/tiny/tiny-base.bin")) {
            if (in == null) throw new IllegalStateException("class path resource /tiny/tiny-base.bin missing");
            return Checkpoint.read(in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("reading /tiny/tiny-base.bin", e);
        }
    }

    /** A model (or a base model with its LoRA adapter, see {@link Checkpoint}) from a file. */
    public static Tiny load(Path path) {
        return Checkpoint.load(path);
    }

    /** Writes this model (weights, tokenizer, adapter if any) to a checkpoint file. */
    public void save(Path path) {
        Checkpoint.save(this, path);
    }

    public TinyConfig config() { return config; }
    public Tokenizer tokenizer() { return tokenizer; }
    public String id() { return id; }
    public LoraAdapter adapter() { return adapter; }
    Weights weights() { return w; }
    Kernel kernel() { return kernel; }

    /** A copy of the parameter vector. */
    public float[] parameters() { return params.clone(); }
    float[] paramsShared() { return params; }

    /** This model with its adapter folded into the weights (or itself if it has none). */
    public Tiny merged() {
        if (adapter == null) return this;
        return new Tiny(id + "+merged", config, tokenizer, adapter.merge(w, params, kernel), null);
    }

    /** The same weights under another id, optionally with an adapter. */
    public Tiny with(String newId, LoraAdapter a) {
        return new Tiny(newId, config, tokenizer, params, a);
    }

    // ----------------------------------------------------------------------------------------
    // generation with a KV cache

    /** Completes {@code prompt}; refuses prompts longer than the context unless {@code opts.truncate()}. */
    public Generation generate(String prompt, GenerateOptions opts) {
        long t0 = System.nanoTime();
        int[] p = tokenizer.encode(prompt);
        int ctx = config.contextLength();
        if (p.length > ctx) {
            if (!opts.truncate()) throw new ContextOverflowException(p.length, ctx);
            p = Arrays.copyOfRange(p, p.length - ctx, p.length);
        }
        if (p.length == 0) p = new int[] {Tokenizer.EOT};
        Cache cache = new Cache();
        Sampler sampler = new Sampler(opts.temperature(), opts.topP(), opts.seed());
        float[] logits = null;
        for (int i = 0; i < p.length; i++) logits = step(p[i], i, cache);
        int[] out = new int[opts.maxTokens()];
        int n = 0;
        String finish = "length", text = "";
        int pos = p.length;
        while (n < opts.maxTokens() && pos <= ctx) {
            int next = sampler.sample(logits, config.vocabSize());
            if (next == Tokenizer.EOT || next >= tokenizer.vocabSize()) { finish = "stop"; break; }
            out[n++] = next;
            text = tokenizer.decode(Arrays.copyOf(out, n));
            int cut = firstStop(text, opts.stop());
            if (cut >= 0) { text = text.substring(0, cut); finish = "stop"; break; }
            if (pos == ctx || n == opts.maxTokens()) break;
            logits = step(next, pos++, cache);
        }
        return new Generation(text, p.length, n, finish, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static int firstStop(String text, List<String> stops) {
        int best = -1;
        for (String s : stops) {
            int i = s.isEmpty() ? -1 : text.indexOf(s);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    /** Log-probabilities (V) of the next token after the whole sequence (no cache reuse). */
    public float[] nextTokenLogProbs(int[] tokens) {
        Cache cache = new Cache();
        float[] logits = null;
        for (int i = 0; i < tokens.length; i++) logits = step(tokens[i], i, cache);
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        float[] e = logits.clone();
        float lse = (float) (max + Math.log(kernel.expShift(e, 0, e.length, max)));
        for (int i = 0; i < logits.length; i++) logits[i] -= lse;
        return logits;
    }

    /** Keys and values of every position so far, plus scratch buffers for one token. */
    private final class Cache {
        final int C = config.dim(), H = config.hiddenDim(), T = config.contextLength();
        final float[] k = new float[config.layers() * T * C]; // (L, T, C)
        final float[] v = new float[config.layers() * T * C]; // (L, T, C)
        final float[] x = new float[C], xb = new float[C], qkv = new float[3 * C], y = new float[C];
        final float[] h = new float[H], att = new float[T], logits = new float[config.vocabSize()];
        final float[] lora = new float[adapter == null ? 1 : adapter.rank()];
    }

    /** out (N) = in (K) @ W (K, N), plus the adapter's (in @ A) @ B * scale when there is one. */
    private void linear(float[] out, float[] in, int wOff, int K, int N, int target, Cache c) {
        kernel.matmul(out, 0, in, 0, params, wOff, 1, K, N, false);
        if (adapter == null) return;
        List<Weights.Tensor> ts = w.loraTargets();
        int a = adapter.offsetA(ts, target), r = adapter.rank();
        float[] d = adapter.data();
        kernel.matmul(c.lora, 0, in, 0, d, a, 1, K, r, false);
        for (int i = 0; i < r; i++) c.lora[i] *= adapter.scale();
        kernel.matmul(out, 0, c.lora, 0, d, a + K * r, 1, r, N, true);
    }

    /** One token at position pos through the model, caching its keys and values; returns logits (V). */
    private float[] step(int token, int pos, Cache c) {
        int C = config.dim(), H = config.hiddenDim(), nh = config.heads(), hs = config.headSize(), T = c.T;
        float scale = (float) (1.0 / Math.sqrt(hs));
        // token embedding plus position embedding
        for (int i = 0; i < C; i++) c.x[i] = params[w.wte() + token * C + i] + params[w.wpe() + pos * C + i];
        for (int l = 0; l < config.layers(); l++) {
            // attention: LayerNorm, q k v, causal softmax over cached keys, weighted values
            layerNorm(c.xb, 0, c.x, 0, w.ln1w(l), w.ln1b(l), null, null, 1, C);
            linear(c.qkv, c.xb, w.wqkv(l), C, 3 * C, 4 * l, c);
            int kv = l * T * C + pos * C;
            System.arraycopy(c.qkv, C, c.k, kv, C);
            System.arraycopy(c.qkv, 2 * C, c.v, kv, C);
            Arrays.fill(c.y, 0f);
            for (int hd = 0; hd < nh; hd++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int s = 0; s <= pos; s++) {
                    c.att[s] = kernel.dot(c.qkv, hd * hs, c.k, l * T * C + s * C + hd * hs, hs) * scale;
                    max = Math.max(max, c.att[s]);
                }
                float sum = kernel.expShift(c.att, 0, pos + 1, max);
                for (int s = 0; s <= pos; s++) kernel.axpy(c.y, hd * hs, c.att[s] / sum, c.v, l * T * C + s * C + hd * hs, hs);
            }
            linear(c.xb, c.y, w.wo(l), C, C, 4 * l + 1, c);
            for (int i = 0; i < C; i++) c.x[i] += c.xb[i];
            // MLP: LayerNorm, up, ReLU, down
            layerNorm(c.xb, 0, c.x, 0, w.ln2w(l), w.ln2b(l), null, null, 1, C);
            linear(c.h, c.xb, w.w1(l), C, H, 4 * l + 2, c);
            for (int i = 0; i < H; i++) c.h[i] = Math.max(0f, c.h[i]);
            linear(c.xb, c.h, w.w2(l), H, C, 4 * l + 3, c);
            for (int i = 0; i < C; i++) c.x[i] += c.xb[i];
        }
        layerNorm(c.xb, 0, c.x, 0, w.lnfw(), w.lnfb(), null, null, 1, C);
        kernel.matmulNT(c.logits, 0, c.xb, 0, params, w.wte(), 1, C, config.vocabSize(), false);
        return c.logits;
    }

    /** out (T, C) = LayerNorm(in (T, C)) with gain at g, bias at b (offsets into params); saves mean and 1/std. */
    private void layerNorm(float[] out, int oo, float[] in, int io, int g, int b, float[] mean, float[] rstd, int T, int C) {
        layerNorm(out, oo, in, io, params, g, b, mean, rstd, 0, T, C);
    }

    static void layerNorm(float[] out, int oo, float[] in, int io, float[] p, int g, int b,
                          float[] mean, float[] rstd, int mo, int T, int C) {
        for (int t = 0; t < T; t++) {
            int x = io + t * C, o = oo + t * C;
            float m = 0;
            for (int i = 0; i < C; i++) m += in[x + i];
            m /= C;
            float var = 0;
            for (int i = 0; i < C; i++) { float d = in[x + i] - m; var += d * d; }
            float rs = (float) (1.0 / Math.sqrt(var / C + 1e-5f));
            for (int i = 0; i < C; i++) out[o + i] = (in[x + i] - m) * rs * p[g + i] + p[b + i];
            if (mean != null) { mean[mo + t] = m; rstd[mo + t] = rs; }
        }
    }

    /** dIn (T, C) += LayerNorm backward; dg, db accumulate into grad at g, b. */
    static void layerNormBackward(float[] dIn, float[] dOut, float[] in, int io, float[] p, float[] grad, int g, int b,
                                  float[] mean, float[] rstd, int mo, int T, int C) {
        for (int t = 0; t < T; t++) {
            int x = t * C, xi = io + t * C;
            float m = mean[mo + t], rs = rstd[mo + t];
            float dmean = 0, dxhat = 0;
            for (int i = 0; i < C; i++) {
                float xhat = (in[xi + i] - m) * rs;
                float d = dOut[x + i] * p[g + i];
                dmean += d;
                dxhat += d * xhat;
                grad[g + i] += dOut[x + i] * xhat;
                grad[b + i] += dOut[x + i];
            }
            dmean /= C;
            dxhat /= C;
            for (int i = 0; i < C; i++) {
                float xhat = (in[xi + i] - m) * rs;
                dIn[x + i] += rs * (dOut[x + i] * p[g + i] - dmean - xhat * dxhat);
            }
        }
    }

    // ----------------------------------------------------------------------------------------
    // training: forward and backward of one sequence

    /** Activations of one sequence, sized for the full context, reused across calls. */
    static final class Acts {
        final float[] x, ln1, ln1Mean, ln1Rstd, qkv, q, k, v, att, y, xMid, ln2, ln2Mean, ln2Rstd, h, a;
        final float[] xOut, lnf, lnfMean, lnfRstd, logits;
        final float[] dx, dxb, dqkv, dq, dk, dv, datt, dh, dyh, headT;
        final int T; // longest sequence these buffers hold

        Acts(TinyConfig c) {
            this(c, c.contextLength());
        }

        Acts(TinyConfig c, int maxT) {
            int T = maxT, C = c.dim(), H = c.hiddenDim(), L = c.layers(), nh = c.heads();
            this.T = maxT;
            x = new float[L * T * C];         // (L, T, C) residual entering layer l
            ln1 = new float[L * T * C];       // (L, T, C)
            ln1Mean = new float[L * T];       // (L, T)
            ln1Rstd = new float[L * T];       // (L, T)
            qkv = new float[T * 3 * C];       // (T, 3C) scratch
            q = new float[L * T * C];         // (L, nh, T, hs)
            k = new float[L * T * C];         // (L, nh, T, hs)
            v = new float[L * T * C];         // (L, nh, T, hs)
            att = new float[L * nh * T * T];  // (L, nh, T, T) softmax probabilities
            y = new float[L * T * C];         // (L, T, C) attention output before wo
            xMid = new float[L * T * C];      // (L, T, C) residual after attention
            ln2 = new float[L * T * C];       // (L, T, C)
            ln2Mean = new float[L * T];
            ln2Rstd = new float[L * T];
            h = new float[L * T * H];         // (L, T, H) before ReLU
            a = new float[L * T * H];         // (L, T, H) after ReLU
            xOut = new float[T * C];          // (T, C) residual after the last layer
            lnf = new float[T * C];           // (T, C)
            lnfMean = new float[T];
            lnfRstd = new float[T];
            logits = new float[T * c.vocabSize()]; // (T, V), then dlogits
            dx = new float[T * C];            // (T, C) gradient of the residual stream
            dxb = new float[T * Math.max(C, H)]; // (T, max(C, H)) scratch
            dqkv = new float[T * 3 * C];      // (T, 3C)
            dq = new float[T * C];            // (nh, T, hs)
            dk = new float[T * C];
            dv = new float[T * C];
            datt = new float[T * T];          // (T, T) one head
            dh = new float[T * H];            // (T, H)
            dyh = new float[T * C];           // (nh, T, hs)
            headT = new float[T * c.headSize()]; // (hs, T) one head's keys or values, transposed
        }
    }

    /**
     * Forward pass of {@code tokens[0..n-1)} predicting {@code tokens[1..n)} with parameters p;
     * the loss counts targets at index {@code >= lossFrom}, each weighted by {@code scale}.
     * If grad is non-null, the backward pass adds d(scale * sum of losses)/dp into it.
     * Returns the unscaled sum of the counted losses. {@code pT} (optional) holds the matrices of
     * p transposed ({@link Weights#transposeMatrices}) so multiplications by W^T run faster.
     */
    static double forwardBackward(TinyConfig cfg, Weights w, Kernel kr, float[] p, float[] grad, int[] tokens,
                                  int lossFrom, float scale, Acts s) {
        return forwardBackward(cfg, w, kr, p, null, grad, tokens, lossFrom, scale, s);
    }

    static double forwardBackward(TinyConfig cfg, Weights w, Kernel kr, float[] p, float[] pT, float[] grad, int[] tokens,
                                  int lossFrom, float scale, Acts s) {
        int T = tokens.length - 1, C = cfg.dim(), H = cfg.hiddenDim(), V = cfg.vocabSize();
        int nh = cfg.heads(), hs = cfg.headSize(), L = cfg.layers(), TC = T * C, TT = T * T;
        if (T < 1 || T > s.T) throw new IllegalArgumentException("sequence of " + tokens.length + " tokens, buffers for " + s.T);
        float attScale = (float) (1.0 / Math.sqrt(hs));
        int Tmax = s.T;
        // embeddings: x[0] = wte[token] + wpe[t]
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < C; i++) s.x[t * C + i] = p[w.wte() + tokens[t] * C + i] + p[w.wpe() + t * C + i];
        }
        for (int l = 0; l < L; l++) {
            int lx = l * Tmax * C, lt = l * Tmax, lh = l * Tmax * H, la = l * nh * Tmax * Tmax;
            // attention block: ln1 -> qkv -> per-head causal softmax -> y -> wo, residual
            layerNorm(s.ln1, lx, s.x, lx, p, w.ln1w(l), w.ln1b(l), s.ln1Mean, s.ln1Rstd, lt, T, C);
            kr.matmul(s.qkv, 0, s.ln1, lx, p, w.wqkv(l), T, C, 3 * C, false);
            splitHeads(s.qkv, s.q, s.k, s.v, lx, T, C, nh, hs);
            Arrays.fill(s.y, lx, lx + TC, 0f);
            for (int hd = 0; hd < nh; hd++) {
                int qo = lx + hd * T * hs, ao = la + hd * TT;
                transpose(s.headT, s.k, qo, T, hs);
                kr.matmul(s.att, ao, s.q, qo, s.headT, 0, T, hs, T, false); // scores = q_h @ k_h^T
                for (int t = 0; t < T; t++) {
                    int r = ao + t * T;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int u = 0; u <= t; u++) { s.att[r + u] *= attScale; max = Math.max(max, s.att[r + u]); }
                    float inv = 1f / kr.expShift(s.att, r, t + 1, max);
                    for (int u = 0; u <= t; u++) s.att[r + u] *= inv;
                    for (int u = t + 1; u < T; u++) s.att[r + u] = 0f;
                }
                kr.matmul(s.dyh, 0, s.att, ao, s.v, qo, T, T, hs, false); // (T, hs) head output
                for (int t = 0; t < T; t++) System.arraycopy(s.dyh, t * hs, s.y, lx + t * C + hd * hs, hs);
            }
            int next = l + 1 < L ? lx + Tmax * C : -1;
            float[] xm = s.xMid;
            System.arraycopy(s.x, lx, xm, lx, TC);
            kr.matmul(xm, lx, s.y, lx, p, w.wo(l), T, C, C, true);
            // MLP block: ln2 -> w1 -> ReLU -> w2, residual
            layerNorm(s.ln2, lx, xm, lx, p, w.ln2w(l), w.ln2b(l), s.ln2Mean, s.ln2Rstd, lt, T, C);
            kr.matmul(s.h, lh, s.ln2, lx, p, w.w1(l), T, C, H, false);
            for (int i = 0; i < T * H; i++) s.a[lh + i] = Math.max(0f, s.h[lh + i]);
            float[] out = next >= 0 ? s.x : s.xOut;
            int oo = next >= 0 ? next : 0;
            System.arraycopy(xm, lx, out, oo, TC);
            kr.matmul(out, oo, s.a, lh, p, w.w2(l), T, H, C, true);
        }
        // final LayerNorm and tied output projection: logits (T, V) = lnf @ wte^T
        layerNorm(s.lnf, 0, s.xOut, 0, p, w.lnfw(), w.lnfb(), s.lnfMean, s.lnfRstd, 0, T, C);
        if (pT != null) kr.matmul(s.logits, 0, s.lnf, 0, pT, w.wte(), T, C, V, false);
        else kr.matmulNT(s.logits, 0, s.lnf, 0, p, w.wte(), T, C, V, false);
        // cross-entropy; logits become dlogits = scale * (softmax - onehot) on counted rows
        double loss = 0;
        for (int t = 0; t < T; t++) {
            int r = t * V;
            boolean counted = t + 1 >= lossFrom;
            if (!counted) { Arrays.fill(s.logits, r, r + V, 0f); continue; }
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < V; i++) max = Math.max(max, s.logits[r + i]);
            int target = tokens[t + 1];
            float logit = s.logits[r + target];
            kr.expShift(s.logits, r, V, max);
            double sum = 0; // in double: finite-difference checks need the loss to ~1e-9
            for (int i = 0; i < V; i++) sum += s.logits[r + i];
            loss += Math.log(sum) + max - logit;
            if (grad == null) continue;
            float f = (float) (scale / sum);
            for (int i = 0; i < V; i++) s.logits[r + i] *= f;
            s.logits[r + target] -= scale;
        }
        if (grad == null) return loss;

        // ---- backward, in reverse order ----
        // logits = lnf @ wte^T: dlnf = dlogits @ wte, dwte += dlogits^T @ lnf
        float[] dlnf = s.dxb;
        kr.matmul(dlnf, 0, s.logits, 0, p, w.wte(), T, V, C, false);
        kr.matmulTN(grad, w.wte(), s.logits, 0, s.lnf, 0, T, V, C);
        Arrays.fill(s.dx, 0, TC, 0f);
        layerNormBackward(s.dx, dlnf, s.xOut, 0, p, grad, w.lnfw(), w.lnfb(), s.lnfMean, s.lnfRstd, 0, T, C);
        for (int l = L - 1; l >= 0; l--) {
            int lx = l * Tmax * C, lt = l * Tmax, lh = l * Tmax * H, la = l * nh * Tmax * Tmax;
            // MLP: x_out = x_mid + relu(ln2 @ w1) @ w2
            backT(kr, s.dh, s.dx, p, pT, w.w2(l), T, C, H);
            kr.matmulTN(grad, w.w2(l), s.a, lh, s.dx, 0, T, H, C);
            for (int i = 0; i < T * H; i++) if (s.h[lh + i] <= 0f) s.dh[i] = 0f;
            backT(kr, s.dxb, s.dh, p, pT, w.w1(l), T, H, C);
            kr.matmulTN(grad, w.w1(l), s.ln2, lx, s.dh, 0, T, C, H);
            layerNormBackward(s.dx, s.dxb, s.xMid, lx, p, grad, w.ln2w(l), w.ln2b(l), s.ln2Mean, s.ln2Rstd, lt, T, C);
            // attention output: x_mid = x + y @ wo
            backT(kr, s.dxb, s.dx, p, pT, w.wo(l), T, C, C);
            kr.matmulTN(grad, w.wo(l), s.y, lx, s.dx, 0, T, C, C);
            for (int hd = 0; hd < nh; hd++) {
                int qo = lx + hd * T * hs, ho = hd * T * hs, ao = la + hd * TT;
                for (int t = 0; t < T; t++) System.arraycopy(s.dxb, t * C + hd * hs, s.dyh, ho + t * hs, hs);
                // y_h = att @ v_h: datt = dy_h @ v_h^T, dv_h = att^T @ dy_h
                transpose(s.headT, s.v, qo, T, hs);
                kr.matmul(s.datt, 0, s.dyh, ho, s.headT, 0, T, hs, T, false);
                Arrays.fill(s.dv, ho, ho + T * hs, 0f);
                kr.matmulTN(s.dv, ho, s.att, ao, s.dyh, ho, T, T, hs);
                // softmax backward, then the 1/sqrt(hs) scale
                for (int t = 0; t < T; t++) {
                    int r = ao + t * T, dr = t * T;
                    float dot = 0;
                    for (int u = 0; u <= t; u++) dot += s.att[r + u] * s.datt[dr + u];
                    for (int u = 0; u <= t; u++) s.datt[dr + u] = s.att[r + u] * (s.datt[dr + u] - dot) * attScale;
                    for (int u = t + 1; u < T; u++) s.datt[dr + u] = 0f;
                }
                // scores = q_h @ k_h^T: dq_h = dscores @ k_h, dk_h = dscores^T @ q_h
                kr.matmul(s.dq, ho, s.datt, 0, s.k, qo, T, T, hs, false);
                Arrays.fill(s.dk, ho, ho + T * hs, 0f);
                kr.matmulTN(s.dk, ho, s.datt, 0, s.q, qo, T, T, hs);
            }
            mergeHeads(s.dqkv, s.dq, s.dk, s.dv, T, C, nh, hs);
            // qkv = ln1 @ wqkv
            backT(kr, s.dxb, s.dqkv, p, pT, w.wqkv(l), T, 3 * C, C);
            kr.matmulTN(grad, w.wqkv(l), s.ln1, lx, s.dqkv, 0, T, C, 3 * C);
            layerNormBackward(s.dx, s.dxb, s.x, lx, p, grad, w.ln1w(l), w.ln1b(l), s.ln1Mean, s.ln1Rstd, lt, T, C);
        }
        // embeddings
        for (int t = 0; t < T; t++) {
            kr.axpy(grad, w.wte() + tokens[t] * C, 1f, s.dx, t * C, C);
            kr.axpy(grad, w.wpe() + t * C, 1f, s.dx, t * C, C);
        }
        return loss;
    }

    /** out (T, K) = dout (T, N) @ W^T for W (K, N) at off: from the transposed copy when there is one. */
    private static void backT(Kernel kr, float[] out, float[] dout, float[] p, float[] pT, int off, int T, int N, int K) {
        if (pT != null) kr.matmul(out, 0, dout, 0, pT, off, T, N, K, false);
        else kr.matmulNT(out, 0, dout, 0, p, off, T, N, K, false);
    }

    /** out (hs, T) = in (T, hs) at offset o, transposed. */
    private static void transpose(float[] out, float[] in, int o, int T, int hs) {
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < hs; i++) out[i * T + t] = in[o + t * hs + i];
        }
    }

    /** (T, 3C) -> q, k, v each (nh, T, hs) at offset o. */
    private static void splitHeads(float[] qkv, float[] q, float[] k, float[] v, int o, int T, int C, int nh, int hs) {
        for (int t = 0; t < T; t++) {
            for (int hd = 0; hd < nh; hd++) {
                int src = t * 3 * C + hd * hs, dst = o + hd * T * hs + t * hs;
                System.arraycopy(qkv, src, q, dst, hs);
                System.arraycopy(qkv, src + C, k, dst, hs);
                System.arraycopy(qkv, src + 2 * C, v, dst, hs);
            }
        }
    }

    /** dq, dk, dv each (nh, T, hs) -> dqkv (T, 3C). */
    private static void mergeHeads(float[] dqkv, float[] dq, float[] dk, float[] dv, int T, int C, int nh, int hs) {
        for (int t = 0; t < T; t++) {
            for (int hd = 0; hd < nh; hd++) {
                int dst = t * 3 * C + hd * hs, src = hd * T * hs + t * hs;
                System.arraycopy(dq, src, dqkv, dst, hs);
                System.arraycopy(dk, src, dqkv, dst + C, hs);
                System.arraycopy(dv, src, dqkv, dst + 2 * C, hs);
            }
        }
    }
}
