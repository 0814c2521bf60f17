package vaeexplorer.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.Param;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

class TrainerTest {
    private static DataSplit small;

    @BeforeAll
    static void loadData() throws Exception {
        DataSplit mnist = BuiltInDatasets.load("mnist");
        small = new DataSplit(mnist.train().subset("mnist-3000", range(3000)), mnist.test().subset("mnist-test-1000", range(1000)));
    }

    private static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    static Trainer trainer(DataSplit data, int latent, int hidden, double beta, long seed) {
        Rng rng = new Rng(seed);
        Vae vae = new Vae(new VaeConfig(data.train().imageSize(), List.of(hidden), latent, Likelihood.BERNOULLI, 0.1), rng);
        TrainConfig tc = new TrainConfig(beta, 1e-3, 64, 3, seed, TrainConfig.OptimizerKind.ADAM, 1);
        return new Trainer(vae, data, tc, new EjmlMatMul(1), rng);
    }

    private static void epochs(Trainer t, int n) throws TrainingDivergedException {
        for (int e = 0; e < n; e++) while (!t.trainStep()) { }
    }

    @Test
    void trainingLowersTheHeldOutLossClearlyInAFewEpochs() throws Exception {
        Trainer t = trainer(small, 2, 64, 1.0, 1);
        double before = t.evaluateTest().loss();
        epochs(t, 3);
        double after = t.evaluateTest().loss();
        assertTrue(before > 500, "an untrained model reconstructs badly: " + before);
        assertTrue(after < 230 && after < before - 200, "held-out loss " + before + " -> " + after);
    }

    @Test
    void betaZeroGivesHigherKlAndLowerReconstructionThanBetaOne() throws Exception {
        Trainer vae = trainer(small, 2, 64, 1.0, 3);
        Trainer autoEncoder = trainer(small, 2, 64, 0.0, 3);
        epochs(vae, 3);
        epochs(autoEncoder, 3);
        Evaluation v = vae.evaluateTest(), a = autoEncoder.evaluateTest();
        assertTrue(a.kl() > 2 * v.kl(), "KL: beta=0 " + a.kl() + " vs beta=1 " + v.kl());
        assertTrue(a.recon() < v.recon(), "recon: beta=0 " + a.recon() + " vs beta=1 " + v.recon());
    }

    @Test
    void sameConfigAndSeedGiveIdenticalLosses() throws Exception {
        List<Double> first = new ArrayList<>(), second = new ArrayList<>();
        for (List<Double> out : List.of(first, second)) {
            Trainer t = trainer(small, 3, 32, 1.0, 7);
            for (int s = 0; s < 30; s++) {
                t.trainStep();
                out.add(t.takeReport().loss());
            }
            out.add(t.evaluateTest().loss());
        }
        assertEquals(first, second);
        Trainer other = trainer(small, 3, 32, 1.0, 8);
        other.trainStep();
        assertNotEquals(first.get(0), other.takeReport().loss(), "another seed trains differently");
    }

    @Test
    void evaluationIsRepeatableForTheSameModel() throws Exception {
        Trainer t = trainer(small, 2, 32, 1.0, 1);
        epochs(t, 1);
        Evaluation a = t.evaluateTest(), b = t.evaluateTest();
        assertEquals(a.loss(), b.loss());
        assertArrayEquals(a.klPerDim(), b.klPerDim());
        double sum = 0;
        for (double k : a.klPerDim()) sum += k;
        assertEquals(a.kl(), sum, 1e-9);
    }

    @Test
    void aHugeLearningRateIsCaughtAtTheStepItDivergesAndRolledBack() throws Exception {
        Rng rng = new Rng(1);
        Vae vae = new Vae(VaeConfig.of(small.train().imageSize(), 32, 2), rng);
        Trainer t = new Trainer(vae, small, new TrainConfig(1, 50, 64, 1, 1, TrainConfig.OptimizerKind.SGD, 1),
                new EjmlMatMul(1), rng);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> epochs(t, 1));
        assertTrue(e.step() >= 1 && e.step() <= t.stepsPerEpoch(), "step " + e.step());
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        RunProblem problem = e.problem(); // the same as data, for a UI to word in its language
        assertTrue(problem.kind().isDivergence(), problem.toString());
        assertEquals(e.step(), problem.step());
        assertEquals(50, problem.learningRate());
        assertTrue(problem.rolledBackTo() >= 0 && problem.rolledBackTo() < problem.step(), problem.toString());
        assertEquals(problem.message(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Training diverged at step " + e.step() + ": "), e.getMessage());
        for (Param p : vae.params())
            for (int i = 0; i < p.size(); i++) assertTrue(Float.isFinite(p.value.data[i]), p.name + " after roll-back");
        assertTrue(t.evaluateTest().isFinite());
    }

    @Test
    void absurdSettingsAreRefusedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(1, -1e-3, 64, 1, 1, TrainConfig.OptimizerKind.ADAM, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(Double.NaN, 1e-3, 64, 1, 1, TrainConfig.OptimizerKind.ADAM, 1));
        assertThrows(IllegalArgumentException.class, () -> VaeConfig.of(784, 512, 0));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> {
            Rng rng = new Rng(1);
            Dataset tiny = small.train().subset("tiny", range(10));
            new Trainer(new Vae(VaeConfig.of(784, 8, 2), rng), new DataSplit(tiny, tiny),
                    new TrainConfig(1, 1e-3, 64, 1, 1, TrainConfig.OptimizerKind.ADAM, 1), new EjmlMatMul(1), rng);
        });
        assertTrue(big.getMessage().contains("larger than the 10 training images"), big.getMessage());
    }

    @Test
    void klWarmUpRaisesBetaLinearlyOverTheChosenEpochs() throws Exception {
        Trainer t = trainer(small, 2, 16, 2.0, 1);
        t.setKlWarmupEpochs(2);
        assertEquals(0.0, t.effectiveBeta());
        epochs(t, 1);
        assertEquals(1.0, t.effectiveBeta(), 1e-12);
        epochs(t, 1);
        assertEquals(2.0, t.effectiveBeta(), 1e-12);
        t.setKlWarmupEpochs(0);
        assertEquals(2.0, t.effectiveBeta());
    }

    @Test
    void finitenessCheckCatchesNanAndBothInfinitiesAnywhere() {
        float[] a = new float[1000];
        for (int i = 0; i < a.length; i++) a[i] = (float) Math.sin(i) * 1e30f;
        a[999] = Float.MAX_VALUE;
        a[0] = -Float.MAX_VALUE;
        a[500] = Float.MIN_VALUE;
        assertTrue(Trainer.allFinite(a, a.length));
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (int at : new int[] {0, 377, 999}) {
                float saved = a[at];
                a[at] = bad;
                org.junit.jupiter.api.Assertions.assertFalse(Trainer.allFinite(a, a.length), bad + " at " + at);
                a[at] = saved;
            }
        }
        a[999] = Float.NaN;
        assertTrue(Trainer.allFinite(a, 999), "only the first n values count");
    }
}
