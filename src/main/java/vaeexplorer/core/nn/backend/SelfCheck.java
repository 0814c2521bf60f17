package vaeexplorer.core.nn.backend;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

import vaeexplorer.core.nn.MatMul;

/** A quick check that a backend's three products agree with EJML's on small awkward shapes. */
final class SelfCheck {
    private SelfCheck() {
    }

    static boolean agrees(MatMul mm) {
        int m = 11, k = 37, n = 35; // odd sizes: row tails, a partial panel
        FMatrixRMaj a = fill(m, k, 1), b = fill(k, n, 2), c = new FMatrixRMaj(m, n), ref = new FMatrixRMaj(m, n);
        mm.mult(a, b, c);
        CommonOps_FDRM.mult(a, b, ref);
        if (!close(c, ref)) return false;
        FMatrixRMaj at = fill(k, m, 3);
        mm.multTransA(at, b, c);
        CommonOps_FDRM.multTransA(at, b, ref);
        if (!close(c, ref)) return false;
        FMatrixRMaj bt = fill(n, k, 4);
        mm.multTransB(a, bt, c);
        CommonOps_FDRM.multTransB(a, bt, ref);
        return close(c, ref);
    }

    private static FMatrixRMaj fill(int rows, int cols, int seed) {
        FMatrixRMaj x = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) x.data[i] = ((i * 7919 + seed * 104729) % 201 - 100) / 64f;
        return x;
    }

    private static boolean close(FMatrixRMaj x, FMatrixRMaj y) {
        for (int i = 0; i < x.getNumElements(); i++) {
            float d = Math.abs(x.data[i] - y.data[i]);
            if (!(d <= 1e-3f * (1 + Math.abs(y.data[i])))) return false;
        }
        return true;
    }
}
