package vaeexplorer.core.nn;

import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;

/** The pure-Java reference backend: EJML's own products, single- or multi-threaded. Runs anywhere. */
public final class EjmlMatMul implements MatMul {
    private final int threads;

    public EjmlMatMul(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        if (threads > 1) EjmlConcurrency.setMaxThreads(threads);
    }

    @Override
    public void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (threads > 1) CommonOps_MT_FDRM.mult(a, b, c);
        else CommonOps_FDRM.mult(a, b, c);
    }

    @Override
    public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (threads > 1) CommonOps_MT_FDRM.multTransA(a, b, c);
        else CommonOps_FDRM.multTransA(a, b, c);
    }

    @Override
    public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (threads > 1) CommonOps_MT_FDRM.multTransB(a, b, c);
        else CommonOps_FDRM.multTransB(a, b, c);
    }

    @Override
    public String name() {
        return threads > 1 ? "ejml-mt(" + threads + ")" : "ejml";
    }
}
