package org.tunelab.lm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked kernels on the JDK 17 incubator Vector API: 4 rows x 2 vectors of
 * accumulators, so each loaded vector of {@code b} feeds 4 fused multiply-adds. Loaded only
 * through {@link Kernel#best()} when {@code --add-modules jdk.incubator.vector} is given;
 * {@link PlainKernel} is its twin and must compute the same sums (up to float rounding).
 *
 * <p>Determinism: results must not depend on whether C2 has compiled a method yet, so this
 * class uses lane-wise IEEE operations (add, multiply, fma) and in-order lane sums
 * ({@link #hsum}); exp is a polynomial ({@link #exp}), never {@code lanewise(EXP)}, whose
 * SVML intrinsic and Java fallback round differently.
 */
final class VectorKernel implements Kernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Sum of the lanes. On JDK 17 both the C2 intrinsic and the Java fallback of
     * {@code reduceLanes(ADD)} add the lanes in order (JDK 23 relaxed this for the intrinsic),
     * so the result does not depend on compilation. A shuffle tree would be order-proof but
     * its non-constant shuffles are not intrinsified on JDK 17 (15x slower).
     */
    static float hsum(FloatVector v) {
        return v.reduceLanes(VectorOperators.ADD);
    }

    /** exp(x) lane-wise: 2^k * p(r) with x = k ln2 + r, degree-6 polynomial, |rel. error| < 2e-7; x clamped to [-87, 88]. */
    static FloatVector exp(FloatVector x) {
        x = x.max(-87f).min(88f);
        FloatVector t = x.mul(1.44269504f).add(12582912f); // 1.5 * 2^23: rounds to nearest, k in the low mantissa bits
        FloatVector k = t.sub(12582912f);
        FloatVector r = x.sub(k.mul(0.693145752f)).sub(k.mul(1.42860677e-6f));
        FloatVector p = FloatVector.broadcast(S, 1.3888889e-3f);
        p = p.fma(r, FloatVector.broadcast(S, 8.3333333e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 4.1666668e-2f));
        p = p.fma(r, FloatVector.broadcast(S, 0.16666667f));
        p = p.fma(r, FloatVector.broadcast(S, 0.5f));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        IntVector bits = ((IntVector) t.viewAsIntegralLanes()).sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(bits.viewAsFloatingLanes());
    }

    /**
     * out[r,n] (+)= sum_i A(r,i) * b[bo + i*N + n], where A(r,i) = a[ao + r*rs + i*is].
     * matmul is (rs=K, is=1, I=K); matmulTN is (rs=1, is=K, I=T).
     */
    private static void outer(float[] out, int oo, float[] a, int ao, int rs, int is, float[] b, int bo,
                              int R, int I, int N, boolean acc) {
        int nv = N - N % (2 * L);
        int r = 0;
        for (; r + 3 < R; r += 4) {
            int a0 = ao + r * rs, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs;
            for (int n = 0; n < nv; n += 2 * L) {
                FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
                FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
                FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
                FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
                for (int i = 0; i < I; i++) {
                    int bi = bo + i * N + n, ai = i * is;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector x = FloatVector.broadcast(S, a[a0 + ai]);
                    c00 = b0.fma(x, c00); c01 = b1.fma(x, c01);
                    x = FloatVector.broadcast(S, a[a1 + ai]);
                    c10 = b0.fma(x, c10); c11 = b1.fma(x, c11);
                    x = FloatVector.broadcast(S, a[a2 + ai]);
                    c20 = b0.fma(x, c20); c21 = b1.fma(x, c21);
                    x = FloatVector.broadcast(S, a[a3 + ai]);
                    c30 = b0.fma(x, c30); c31 = b1.fma(x, c31);
                }
                int o = oo + r * N + n;
                store(c00, out, o, acc); store(c01, out, o + L, acc);
                store(c10, out, o + N, acc); store(c11, out, o + N + L, acc);
                store(c20, out, o + 2 * N, acc); store(c21, out, o + 2 * N + L, acc);
                store(c30, out, o + 3 * N, acc); store(c31, out, o + 3 * N + L, acc);
            }
        }
        for (; r < R; r++) {
            int ar = ao + r * rs;
            for (int n = 0; n < nv; n += 2 * L) {
                FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
                for (int i = 0; i < I; i++) {
                    int bi = bo + i * N + n;
                    FloatVector x = FloatVector.broadcast(S, a[ar + i * is]);
                    c0 = FloatVector.fromArray(S, b, bi).fma(x, c0);
                    c1 = FloatVector.fromArray(S, b, bi + L).fma(x, c1);
                }
                int o = oo + r * N + n;
                store(c0, out, o, acc); store(c1, out, o + L, acc);
            }
        }
        if (nv < N) { // column tail, scalar
            for (r = 0; r < R; r++) {
                for (int n = nv; n < N; n++) {
                    float s = 0;
                    for (int i = 0; i < I; i++) s += a[ao + r * rs + i * is] * b[bo + i * N + n];
                    int o = oo + r * N + n;
                    out[o] = acc ? out[o] + s : s;
                }
            }
        }
    }

    private static void store(FloatVector v, float[] out, int o, boolean acc) {
        if (acc) v = v.add(FloatVector.fromArray(S, out, o));
        v.intoArray(out, o);
    }

    @Override
    public void matmul(float[] out, int oo, float[] a, int ao, float[] b, int bo, int T, int K, int N, boolean acc) {
        outer(out, oo, a, ao, K, 1, b, bo, T, K, N, acc);
    }

    @Override
    public void matmulTN(float[] out, int oo, float[] a, int ao, float[] b, int bo, int T, int K, int N) {
        outer(out, oo, a, ao, 1, K, b, bo, K, T, N, true);
    }

    @Override
    public void matmulNT(float[] out, int oo, float[] a, int ao, float[] b, int bo, int T, int K, int N, boolean acc) {
        int kv = K - K % L;
        int t = 0;
        if (kv == K) { // 4 rows of a x 4 rows of b: 8 loads feed 16 multiply-adds
            for (; t + 3 < T; t += 4) {
                int a0 = ao + t * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
                int n = 0;
                for (; n + 3 < N; n += 4) {
                    int b0 = bo + n * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
                    FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S), s03 = FloatVector.zero(S);
                    FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S), s13 = FloatVector.zero(S);
                    FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S), s22 = FloatVector.zero(S), s23 = FloatVector.zero(S);
                    FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S), s32 = FloatVector.zero(S), s33 = FloatVector.zero(S);
                    for (int k = 0; k < K; k += L) {
                        FloatVector y0 = FloatVector.fromArray(S, b, b0 + k), y1 = FloatVector.fromArray(S, b, b1 + k);
                        FloatVector y2 = FloatVector.fromArray(S, b, b2 + k), y3 = FloatVector.fromArray(S, b, b3 + k);
                        FloatVector x = FloatVector.fromArray(S, a, a0 + k);
                        s00 = y0.fma(x, s00); s01 = y1.fma(x, s01); s02 = y2.fma(x, s02); s03 = y3.fma(x, s03);
                        x = FloatVector.fromArray(S, a, a1 + k);
                        s10 = y0.fma(x, s10); s11 = y1.fma(x, s11); s12 = y2.fma(x, s12); s13 = y3.fma(x, s13);
                        x = FloatVector.fromArray(S, a, a2 + k);
                        s20 = y0.fma(x, s20); s21 = y1.fma(x, s21); s22 = y2.fma(x, s22); s23 = y3.fma(x, s23);
                        x = FloatVector.fromArray(S, a, a3 + k);
                        s30 = y0.fma(x, s30); s31 = y1.fma(x, s31); s32 = y2.fma(x, s32); s33 = y3.fma(x, s33);
                    }
                    int o = oo + t * N + n;
                    put(out, o, acc, s00, s01, s02, s03);
                    put(out, o + N, acc, s10, s11, s12, s13);
                    put(out, o + 2 * N, acc, s20, s21, s22, s23);
                    put(out, o + 3 * N, acc, s30, s31, s32, s33);
                }
                for (; n < N; n++) {
                    for (int r = 0; r < 4; r++) {
                        float s = dot(a, a0 + r * K, b, bo + n * K, K);
                        int o = oo + (t + r) * N + n;
                        out[o] = acc ? out[o] + s : s;
                    }
                }
            }
        }
        for (; t < T; t++) {
            int at = ao + t * K;
            int n = 0;
            for (; n + 3 < N; n += 4) {
                int b0 = bo + n * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
                FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
                FloatVector s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
                for (int k = 0; k < kv; k += L) {
                    FloatVector x = FloatVector.fromArray(S, a, at + k);
                    s0 = FloatVector.fromArray(S, b, b0 + k).fma(x, s0);
                    s1 = FloatVector.fromArray(S, b, b1 + k).fma(x, s1);
                    s2 = FloatVector.fromArray(S, b, b2 + k).fma(x, s2);
                    s3 = FloatVector.fromArray(S, b, b3 + k).fma(x, s3);
                }
                float r0 = hsum(s0), r1 = hsum(s1);
                float r2 = hsum(s2), r3 = hsum(s3);
                for (int k = kv; k < K; k++) {
                    float x = a[at + k];
                    r0 += x * b[b0 + k]; r1 += x * b[b1 + k]; r2 += x * b[b2 + k]; r3 += x * b[b3 + k];
                }
                int o = oo + t * N + n;
                if (acc) { out[o] += r0; out[o + 1] += r1; out[o + 2] += r2; out[o + 3] += r3; }
                else { out[o] = r0; out[o + 1] = r1; out[o + 2] = r2; out[o + 3] = r3; }
            }
            for (; n < N; n++) {
                float s = dot(a, at, b, bo + n * K, K);
                int o = oo + t * N + n;
                out[o] = acc ? out[o] + s : s;
            }
        }
    }

    private static void put(float[] out, int o, boolean acc, FloatVector s0, FloatVector s1, FloatVector s2, FloatVector s3) {
        float r0 = hsum(s0), r1 = hsum(s1);
        float r2 = hsum(s2), r3 = hsum(s3);
        if (acc) { out[o] += r0; out[o + 1] += r1; out[o + 2] += r2; out[o + 3] += r3; }
        else { out[o] = r0; out[o + 1] = r1; out[o + 2] = r2; out[o + 3] = r3; }
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        int nv = n - n % L;
        FloatVector s = FloatVector.zero(S);
        for (int i = 0; i < nv; i += L) {
            s = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), s);
        }
        float r = hsum(s);
        for (int i = nv; i < n; i++) r += a[ao + i] * b[bo + i];
        return r;
    }

    @Override
    public void axpy(float[] y, int yo, float alpha, float[] x, int xo, int n) {
        int nv = n - n % L;
        FloatVector av = FloatVector.broadcast(S, alpha);
        for (int i = 0; i < nv; i += L) {
            FloatVector.fromArray(S, x, xo + i).fma(av, FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (int i = nv; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }

    @Override
    public float fmaLoop(int iterations) {
        FloatVector m = FloatVector.broadcast(S, 0.9999f), c = FloatVector.broadcast(S, 1e-4f);
        FloatVector a0 = FloatVector.broadcast(S, 1), a1 = FloatVector.broadcast(S, 2), a2 = FloatVector.broadcast(S, 3);
        FloatVector a3 = FloatVector.broadcast(S, 4), a4 = FloatVector.broadcast(S, 5), a5 = FloatVector.broadcast(S, 6);
        FloatVector a6 = FloatVector.broadcast(S, 7), a7 = FloatVector.broadcast(S, 8);
        for (int i = 0; i < iterations; i++) {
            a0 = a0.fma(m, c); a1 = a1.fma(m, c); a2 = a2.fma(m, c); a3 = a3.fma(m, c);
            a4 = a4.fma(m, c); a5 = a5.fma(m, c); a6 = a6.fma(m, c); a7 = a7.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(VectorOperators.ADD);
    }

    @Override
    public float expShift(float[] x, int off, int n, float shift) {
        int nv = n - n % L;
        FloatVector sum = FloatVector.zero(S), sh = FloatVector.broadcast(S, shift);
        for (int i = off; i < off + nv; i += L) {
            FloatVector e = exp(FloatVector.fromArray(S, x, i).sub(sh));
            e.intoArray(x, i);
            sum = sum.add(e);
        }
        float s = hsum(sum);
        for (int i = off + nv; i < off + n; i++) {
            float e = (float) Math.exp(x[i] - shift);
            x[i] = e;
            s += e;
        }
        return s;
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public String name() {
        return "vector(" + S.vectorBitSize() + "-bit)";
    }
}
