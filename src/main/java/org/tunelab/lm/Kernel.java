package org.tunelab.lm;

/**
 * The few dense kernels that take nearly all of Tiny's time. Matrices are row-major slices of
 * flat {@code float[]} arrays, given as (array, offset). Outputs come first, as in llama2.c.
 *
 * <p>Two twins implement it: {@link PlainKernel} (plain Java, always available) and
 * {@link VectorKernel} (JDK 17 incubator Vector API, used only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}). {@link #best()} picks at run time.
 */
public interface Kernel {

    /** out[T,N] (+)= a[T,K] @ b[K,N]. */
    void matmul(float[] out, int oo, float[] a, int ao, float[] b, int bo, int T, int K, int N, boolean accumulate);

    /** out[T,N] (+)= a[T,K] @ b[N,K]^T (b stored row per output). */
    void matmulNT(float[] out, int oo, float[] a, int ao, float[] b, int bo, int T, int K, int N, boolean accumulate);

    /** out[K,N] += a[T,K]^T @ b[T,N] (weight gradients). */
    void matmulTN(float[] out, int oo, float[] a, int ao, float[] b, int bo, int T, int K, int N);

    /** Dot product of a[ao..ao+n) and b[bo..bo+n). */
    float dot(float[] a, int ao, float[] b, int bo, int n);

    /** y[yo..yo+n) += alpha * x[xo..xo+n). */
    void axpy(float[] y, int yo, float alpha, float[] x, int xo, int n);

    /**
     * Runs {@code iterations} rounds of 8 independent multiply-add chains held in registers and
     * returns their sum (so the work cannot be skipped): 16 x {@link #lanes()} flops per round.
     * Benchmarks use it as the core's arithmetic peak as Java reaches it.
     */
    float fmaLoop(int iterations);

    /** Floats per multiply-add in {@link #fmaLoop} (1 for scalar code). */
    int lanes();

    /** x[off..off+n) = exp(x - shift) in place; returns their sum (softmax numerators). */
    float expShift(float[] x, int off, int n, float shift);

    /** A short name for logs and reports. */
    String name();

    /** The Vector API kernel when the incubator module is present, else the plain-Java twin. */
    static Kernel best() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !Boolean.getBoolean("tiny.plain")) {
            try {
                return (Kernel) Class.forName("org.tunelab.lm.VectorKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                // fall through: the plain kernel computes the same numbers, only slower
            }
        }
        return new PlainKernel();
    }
}
