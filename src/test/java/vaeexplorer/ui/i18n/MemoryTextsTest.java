package vaeexplorer.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.train.MemoryPlan;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.VaeConfig;

/** What does not fit in memory, said in the UI's language: English as the core says it, Chinese with the same figures. */
class MemoryTextsTest {
    @AfterEach
    void english() {
        I18n.useOnThisThread(null);
    }

    @Test
    void everyKindHasTheEnginesPatternInEnglishAndATranslation() {
        for (MemoryPlan.TooLarge.Kind k : MemoryPlan.TooLarge.Kind.values()) {
            I18n.useOnThisThread(I18n.ENGLISH);
            assertEquals(k.pattern, I18n.get("memory." + k.name()), k.name());
            I18n.useOnThisThread(I18n.CHINESE);
            String zh = I18n.get("memory." + k.name());
            assertNotEquals(k.pattern, zh, k.name() + " is translated");
            int args = k.pattern.split("%", -1).length - 1;
            Object[] figures = new Object[args];
            for (int i = 0; i < args; i++) figures[i] = 1000L + i;
            String text = String.format(java.util.Locale.ROOT, zh, figures);
            for (int i = 0; i < args; i++) assertTrue(text.contains("1,00" + i), k + ": every figure is said: " + text);
        }
    }

    @Test
    void aRealRefusalIsSaidInTheLanguageShown() {
        // a layer of 10^6 x 4096 weights: more than a Java array holds
        VaeConfig huge = new VaeConfig(1_000_000, List.of(4096), 2, Likelihood.BERNOULLI, 0.1);
        MemoryPlan.TooLarge e = assertThrows(MemoryPlan.TooLarge.class, () -> MemoryPlan.checkTraining(huge, 64));
        assertEquals(MemoryPlan.TooLarge.Kind.LAYER, e.kind());
        assertEquals(e.getMessage(), ProblemTexts.refusal(e), "English: the core's words");
        I18n.useOnThisThread(I18n.CHINESE);
        String zh = ProblemTexts.refusal(e);
        assertTrue(zh.contains("Java 数组") && zh.contains("4,096"), zh);
        IllegalArgumentException other = new IllegalArgumentException("something else");
        assertEquals("something else", ProblemTexts.refusal(other));
    }
}
