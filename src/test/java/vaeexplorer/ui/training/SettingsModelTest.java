package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.vae.Likelihood;

import vaeexplorer.ui.datasets.DatasetChoice;

class SettingsModelTest {

    @Test
    void theDefaultsAreValidAndParse() {
        SettingsModel s = new SettingsModel();
        assertTrue(s.valid().get());
        RunSettings r = s.parsed().get();
        assertNotNull(r);
        assertEquals(2, r.latent());
        assertEquals(List.of(256), r.hidden());
        assertEquals(Likelihood.BERNOULLI, r.likelihood());
        assertEquals(DatasetChoice.MNIST, r.dataset());
    }

    @Test
    void invalidValuesGetThePlainMessageOfTheCoreValidation() {
        SettingsModel s = new SettingsModel();
        s.latent().set("0");
        assertEquals("Latent size must be 1..64, got 0.", s.latentError().get());
        assertEquals(s.latentError().get(), s.firstError().get());
        assertFalse(s.valid().get());
        assertNull(s.parsed().get());
        s.latent().set("two");
        assertEquals("Latent size must be a whole number, got 'two'.", s.latentError().get());
        s.latent().set("2");
        s.hidden().set("512,,256");
        assertTrue(s.hiddenError().get().startsWith("Hidden sizes must be whole numbers"), s.hiddenError().get());
        s.hidden().set("512, 256");
        assertEquals("", s.hiddenError().get());
        s.beta().set("-1");
        assertTrue(s.betaError().get().startsWith("Beta must be a number from 0 to 1000"), s.betaError().get());
        assertTrue(Double.isNaN(s.betaValue()));
        s.learningRate().set("1e-3x");
        assertTrue(s.learningRateError().get().contains("like 0.5 or 1e-3"), s.learningRateError().get());
        s.batchSize().set("100000");
        assertTrue(s.batchSizeError().get().startsWith("Batch size must be 1..8192"), s.batchSizeError().get());
        s.epochs().set("0");
        assertTrue(s.epochsError().get().startsWith("Epochs must be"), s.epochsError().get());
        s.seed().set("1.5");
        assertEquals("Seed must be a whole number, got '1.5'.", s.seedError().get());
    }

    @Test
    void modelSettingsThatDifferFromTheModelsSayTheyApplyOnReset() {
        SettingsModel s = new SettingsModel();
        s.applied().set(s.parsed().get());
        assertEquals("", s.pendingNote().get());
        s.beta().set("4");
        s.learningRate().set("0.01");
        assertEquals("", s.pendingNote().get(), "beta and learning rate act at once");
        s.latent().set("4");
        s.seed().set("9");
        assertEquals("Applies on Reset: latent size, seed.", s.pendingNote().get());
        s.applied().set(s.parsed().get());
        assertFalse(s.hasPendingChanges());
    }
}
