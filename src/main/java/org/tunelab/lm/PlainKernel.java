package org.tunelab.lm;

/**
 * Plain-Java twin of {@link VectorKernel}. Inner loops run over contiguous memory in the
 * i-k-j order so that C2 can auto-vectorize the {@code y += a * x} loops where it is able to.
 */
public final class PlainKernel implements Kernel {

    @Override
    public void matmul(float[] out, int oo, float[] a, int ao, float[] b, int bo, int T, int K, int N, boolean acc) {
        for (int t = 0; t < T; t++) {
            int o = oo + t * N;
            if (!acc) java.util.Arrays.fill(out, o, o + N, 0f);
            for (int k = 0; k < K; k++) {
                float av = a[ao + t * K + k];
                if (av == 0f) continue;
                int bk = bo + k * N;
                for (int n = 0; n < N; n++) out[o + n] += av * b[bk + n];
            }
        }
    }

    @Override
    public void matmulNT(float[] out, int oo, float[] a, int ao, float[] b, int bo, int T, int K, int N, boolean acc) {
        for (int t = 0; t < T; t++) {
            for (int n = 0; n < N; n++) {
                float s = dot(a, ao + t * K, b, bo + n * K, K);
                int o = oo + t * N + n;
                out[o] = acc ? out[o] + s : s;
            }
        }
    }

    @Override
    public void matmulTN(float[] out, int oo, float[] a, int ao, float[] b, int bo, int T, int K, int N) {
        for (int t = 0; t < T; t++) {
            for (int k = 0; k < K; k++) {
                float av = a[ao + t * K + k];
                if (av == 0f) continue;
                int o = oo + k * N, bt = bo + t * N;
                for (int n = 0; n < N; n++) out[o + n] += av * b[bt + n];
            }
        }
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) s0 += a[ao + i] * b[bo + i];
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(float[] y, int yo, float alpha, float[] x, int xo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }

    @Override
    public float fmaLoop(int iterations) {
        float a0 = 1, a1 = 2, a2 = 3, a3 = 4, a4 = 5, a5 = 6, a6 = 7, a7 = 8, m = 0.9999f, c = 1e-4f;
        for (int i = 0; i < iterations; i++) {
            a0 = Math.fma(a0, m, c); a1 = Math.fma(a1, m, c); a2 = Math.fma(a2, m, c); a3 = Math.fma(a3, m, c);
            a4 = Math.fma(a4, m, c); a5 = Math.fma(a5, m, c); a6 = Math.fma(a6, m, c); a7 = Math.fma(a7, m, c);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }

    @Override
    public float expShift(float[] x, int off, int n, float shift) {
        float sum = 0;
        for (int i = off; i < off + n; i++) {
            float e = (float) Math.exp(x[i] - shift);
            x[i] = e;
            sum += e;
        }
        return sum;
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public String name() {
        return "plain";
    }
}
