package vaeexplorer.core.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * The one seam through which every large matrix product of the model goes, so that a faster backend can replace
 * EJML without touching the model code. All matrices are row-major float32; {@code c} is already shaped by the caller
 * and is overwritten (never aliased with {@code a} or {@code b}). Implementations must not allocate per call.
 */
public interface MatMul {
    /**
     * A backend may keep, for a product of at most this many columns (n), B reshaped in a buffer of its own of
     * {@code ceil(n / 4) * 4 * k} floats, grown to the largest such product and kept (the vector backend does: its
     * path for latent-sized products). {@link vaeexplorer.core.train.MemoryPlan} counts it.
     */
    int NARROW_COLUMNS = 24;

    /** C = A B, with A m x k and B k x n. */
    void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /** C = A^T B, with A k x m and B k x n. */
    void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /** C = A B^T, with A m x k and B n x k. */
    void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /** A short name for logs and benchmarks, e.g. "ejml" or "ejml-mt(2)". */
    String name();
}
