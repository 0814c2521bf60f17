package vaeexplorer.ui.lessons.numbers;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.LossPoint;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.LessonLayout;
import vaeexplorer.ui.lessons.posterior.PosteriorSelection;

/**
 * The formula, live: ELBO = E[log p(x|z)] - beta * KL and z = mu + sigma * eps, with the newest training values of
 * each term filled in and a plain sentence on what each one does; the sampling line uses the selected image's mu,
 * sigma and the eps of its first sample dot in the scatter.
 */
public final class FormulaView extends VBox {
    private final LatentModel latent;
    private final PosteriorSelection selection;
    private final Label values = LessonLayout.formulaValue("formulaValues");
    private final Label recon = LessonLayout.formulaValue("formulaRecon");
    private final Label kl = LessonLayout.formulaValue("formulaKl");
    private final Label beta = LessonLayout.formulaValue("formulaBeta");
    private final Label loss = LessonLayout.formulaValue("formulaLoss");
    private final Label zLine = LessonLayout.formulaValue("formulaZ");

    public FormulaView(LessonContext ctx, PosteriorSelection selection) {
        this.latent = ctx.latent();
        this.selection = selection;
        setId("formulaView");
        getStyleClass().add("lesson");
        Label elbo = big("ELBO  =  E[log p(x|z)]  \u2212  \u03b2 \u00b7 KL( q(z|x) \u2016 N(0, I) )");
        GridPane terms = new GridPane();
        terms.getStyleClass().add("formula-terms");
        ColumnConstraints c0 = new ColumnConstraints(), c1 = new ColumnConstraints(), c2 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        c1.setMinWidth(Region.USE_PREF_SIZE);
        c2.setHgrow(Priority.ALWAYS);
        terms.getColumnConstraints().addAll(c0, c1, c2);
        row(terms, 0, symbol("E[log p(x|z)]"), recon, "formula.reconExplained");
        row(terms, 1, symbol("KL( q(z|x) \u2016 N(0, I) )"), kl, "formula.klExplained");
        row(terms, 2, symbol("\u03b2"), beta, "formula.betaExplained");
        Label lossTerm = new Label();
        lossTerm.textProperty().bind(I18n.tr("formula.lossTerm"));
        row(terms, 3, lossTerm, loss, "formula.lossExplained");
        Label reparam = big("z  =  \u03bc  +  \u03c3 \u00b7 \u03b5,    \u03b5 ~ N(0, I)");
        reparam.setMinWidth(Region.USE_PREF_SIZE);
        zLine.setMinWidth(0); // the sample's numbers (or the hint) wrap instead of being cut at large text
        zLine.setWrapText(true);
        zLine.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(zLine, javafx.scene.layout.Priority.ALWAYS);
        HBox sampling = new HBox(24, reparam, zLine);
        sampling.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        Label reparamText = LessonLayout.sentence("formula.reparamExplained");
        getChildren().addAll(elbo, values, terms, sampling, reparamText);
        ctx.latestLoss().addListener((o, a, p) -> showLoss(p));
        showLoss(ctx.latestLoss().getValue());
        LessonInputs.onChange(this::showZ, latent.codes(), latent.selected(), latent.xDim(), latent.yDim());
        showZ();
        Relabel.onLocaleChange(this, () -> {
            showLoss(ctx.latestLoss().getValue());
            showZ();
        });
    }

    private static Label big(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("formula");
        l.setMinWidth(0);
        return l;
    }

    /** A term of the formula: symbols, the same in every language. */
    private static Label symbol(String s) {
        return new Label(s);
    }


    private static void row(GridPane g, int r, Label term, Label value, String explanationKey) {
        term.getStyleClass().add("formula-term");
        term.setMinWidth(Region.USE_PREF_SIZE);
        g.addRow(r, term, value, LessonLayout.sentence(explanationKey));
    }

    private static String nats(double v) {
        return I18n.format("formula.nats", v).replace('-', '\u2212');
    }

    private void showLoss(LossPoint p) {
        if (p == null) {
            for (Label l : new Label[] {recon, kl, beta, loss}) l.setText("\u2013");
            values.setText(I18n.get("formula.trainFirst"));
            return;
        }
        recon.setText(nats(-p.recon()));
        kl.setText(nats(p.kl()));
        beta.setText(String.format(Locale.ROOT, "%.2f", p.beta()));
        loss.setText(nats(p.loss()));
        values.setText(I18n.format("formula.values", -p.recon(), p.beta(), p.kl(), -p.loss(), p.step()).replace("-", "\u2212"));
    }

    private void showZ() {
        LatentCodes c = latent.codes().get();
        int i = latent.selected().get();
        if (c == null || i < 0 || i >= c.size() || c.latent() != latent.size().get()) {
            zLine.setText(I18n.get("formula.clickAPoint"));
            return;
        }
        float[] eps = selection.eps(i, c.latent());
        StringBuilder b = new StringBuilder();
        for (int d : new int[] {latent.xDim().get(), latent.yDim().get()}) {
            if (d < 0 || d >= c.latent()) continue;
            double mu = c.mu(i, d), s = c.sigma(i, d), e = eps[d];
            if (b.length() > 0) b.append("      ");
            b.append(String.format(Locale.ROOT, "z%d = %+.2f + %.2f \u00d7 (%+.2f) = %+.2f", d, mu, s, e, mu + s * e));
        }
        zLine.setText(b.toString());
    }
}
