package vaeexplorer.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vaeexplorer.core.nn.Param;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

class MemoryPlanTest {
    @Test
    void theEvaluationBatchShrinksWithTheImagesWithinTheBudget() {
        assertEquals(MemoryPlan.MAX_EVAL_BATCH, MemoryPlan.evalBatch(VaeConfig.of(784, 512, 2)));
        VaeConfig million = VaeConfig.of(1_000_000, 512, 2); // a 10^6-pixel CSV row
        int rows = MemoryPlan.evalBatch(million);
        assertTrue(rows >= 1 && rows < 10, "rows " + rows);
        assertTrue(rows * MemoryPlan.bytesPerRow(million) <= MemoryPlan.EVAL_BUDGET_BYTES);
        assertEquals(1, MemoryPlan.evalBatch(VaeConfig.of(4096 * 4096, 8, 2)), "a 4096x4096 IDX image: one row");
    }

    @Test
    void theParameterCountIsTheModelsOwn() {
        for (VaeConfig c : List.of(VaeConfig.of(784, 512, 2),
                new VaeConfig(100, List.of(64, 32, 16), 5, Likelihood.GAUSSIAN, 0.1))) {
            long n = 0;
            for (Param p : new Vae(c, new Rng(1)).params()) n += p.size();
            assertEquals(n, MemoryPlan.parameterCount(c));
        }
    }

    @Test
    void whatCannotBeAnArrayIsRefusedWithTheFigures() {
        // 4096x4096 images: batch 128 x 16.7M pixels overflows an int
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryPlan.checkTraining(VaeConfig.of(4096 * 4096, 8, 2), 128));
        assertTrue(e.getMessage().contains("a batch of 128 rows of 16,777,216 values"), e.getMessage());
        assertTrue(e.getMessage().contains("the largest batch for this model is 127"), e.getMessage());
    }

    @Test
    void thePlanCountsTheBackendsBufferTheSaveAndWhatTheCallerKeeps() {
        VaeConfig wide = VaeConfig.of(1_000_000, 8, 2); // the vector backend keeps 8 x 10^6 floats for x W
        assertEquals(8L * 1_000_000 + 1_000_000, MemoryPlan.backendScratchFloats(wide, 2));
        long p = MemoryPlan.parameterCount(wide);
        long plain = MemoryPlan.trainingBytes(wide, 2);
        assertEquals(20 * p + MemoryPlan.bytesPerRow(wide) * (2 + MemoryPlan.evalBatch(wide))
                + 4 * MemoryPlan.backendScratchFloats(wide, 2) + MemoryPlan.SAVE_BYTES, plain);
        assertEquals(plain + 3 * 4 * p + 1000, MemoryPlan.trainingBytes(wide, 2, new MemoryPlan.Keeps(3, 1000)));
        assertEquals(784, MemoryPlan.backendScratchFloats(VaeConfig.of(784, 512, 32), 128),
                "latent 32: no layer has 24 or fewer inputs or outputs, only EJML's column is left");
    }
}
