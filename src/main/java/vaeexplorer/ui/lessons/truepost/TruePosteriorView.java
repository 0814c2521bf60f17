package vaeexplorer.ui.lessons.truepost;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.lessons.LessonLayout;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.truepost.TruePosteriorModel.Result;

/**
 * The "True posterior" tab: what the scatter's map is of, the numbers of the chosen image (log p(x), the ELBO, its two
 * terms and the gap, in nats), the identity log p(x) = ELBO + KL(q(z|x) || p(z|x)) with them filled in, and the words
 * for what a student should see. It only shows what {@link TruePosteriorModel} computed.
 */
public final class TruePosteriorView extends VBox {
    static final String IDENTITY = "log p(x)  =  ELBO  +  KL( q(z|x) \u2016 p(z|x) )";
    private final TruePosteriorModel model;
    private final Label status = new Label();
    private final Label identityValues = LessonLayout.formulaValue("truePosteriorIdentityValues");
    private final Label logPx = LessonLayout.formulaValue("truePosteriorLogPx");
    private final Label elbo = LessonLayout.formulaValue("truePosteriorElbo");
    private final Label recon = LessonLayout.formulaValue("truePosteriorRecon");
    private final Label kl = LessonLayout.formulaValue("truePosteriorKl");
    private final Label gap = LessonLayout.formulaValue("truePosteriorGap");
    private final GridPane numbers = new GridPane();
    private final Label testSet = new Label();
    /** How log p(x) and the reconstruction were worked out: on the grid (2-D) or by importance sampling. */
    private final Label logPxExplained, reconExplained;

    public TruePosteriorView(LessonContext ctx, TruePosteriorModel model) {
        this.model = model;
        setId("truePosteriorView");
        getStyleClass().add("lesson");
        Label title = LessonLayout.sentence("truepost.title");
        title.getStyleClass().add("panel-title");
        status.setId("truePosteriorStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add("hint-text");
        Label identity = new Label(IDENTITY);
        identity.setId("truePosteriorIdentity");
        identity.getStyleClass().add("formula");
        identity.setMinWidth(0);
        numbers.getStyleClass().add("formula-terms");
        ColumnConstraints c0 = new ColumnConstraints(), c1 = new ColumnConstraints(), c2 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        c1.setMinWidth(Region.USE_PREF_SIZE);
        c2.setHgrow(Priority.ALWAYS);
        numbers.getColumnConstraints().addAll(c0, c1, c2);
        logPxExplained = row(0, "log p(x)", logPx, "truepost.logPxExplained");
        row(1, "ELBO", elbo, "truepost.elboExplained");
        reconExplained = row(2, "   E_q[log p(x|z)]", recon, "truepost.reconExplained");
        row(3, "   KL( q(z|x) \u2016 p(z) )", kl, "truepost.klExplained");
        row(4, "KL( q(z|x) \u2016 p(z|x) )", gap, "truepost.gapExplained");
        // no empty rows while there are no numbers
        numbers.managedProperty().bind(numbers.visibleProperty());
        identityValues.managedProperty().bind(identityValues.visibleProperty());
        testSet.setId("truePosteriorTestSet");
        testSet.setWrapText(true);
        testSet.setMinHeight(Region.USE_PREF_SIZE);
        testSet.getStyleClass().add("lesson-text");
        model.testSet().latest().addListener((o, a, p) -> showTestSet(p));
        showTestSet(null);
        getChildren().addAll(title, status, identity, identityValues, numbers, testSet, LessonLayout.sentence("truepost.shapes"),
                LessonLayout.sentence("truepost.training"), LessonLayout.sentence("truepost.beta"));
        model.result().addListener((o, a, r) -> show(r));
        ctx.latent().projection().addListener((o, a, b) -> show(model.result().get()));
        pca = () -> ctx.latent().plane().get().isPca();
        show(model.result().get());
        Relabel.onLocaleChange(this, () -> {
            show(model.result().get());
            showTestSet(model.testSet().latest().get());
        });
    }


    private Label row(int r, String symbol, Label value, String explanationKey) {
        Label term = new Label(symbol);
        term.getStyleClass().add("formula-term");
        term.setMinWidth(Region.USE_PREF_SIZE);
        Label explanation = LessonLayout.sentence(explanationKey);
        numbers.addRow(r, term, value, explanation);
        return explanation;
    }

    /** v rounded to what is shown (two decimals). */
    static double shown(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replace('-', '\u2212');
    }

    private static String nats(double v) {
        return I18n.format("truepost.nats", number(v));
    }

    /** The test set's figures of the last epoch, or how they come. */
    private void showTestSet(TestSetLogPx.Point p) {
        testSet.setText(p == null ? I18n.get("truepost.testSetWaiting")
                : I18n.format("truepost.testSet", p.images(), Formats.count(p.step()), p.k(), number(shown(p.logPx())),
                        number(shown(p.elbo())), number(shown(p.gap()))));
    }

    private static void explain(Label l, String text) {
        l.textProperty().unbind();
        l.setText(text);
    }

    private final java.util.function.BooleanSupplier pca;

    private void show(Result r) {
        TruePosteriorMap m = r == null ? null : r.map();
        numbers.setVisible(m != null);
        identityValues.setVisible(m != null);
        if (m == null) {
            status.setText(switch (r == null ? TruePosteriorModel.Status.NO_MODEL : r.status()) {
                case NEEDS_2D -> I18n.format("truepost.needs2d", r.latent());
                case NO_IMAGE -> I18n.get("truepost.noImage");
                case FAILED -> I18n.format("truepost.failed", r.error());
                default -> I18n.get("truepost.noModel");
            });
            identityValues.setText("\u2013");
            return;
        }
        boolean drawn = r.source() == TruePosteriorModel.Source.DRAWN;
        if (r.isSlice()) {
            status.setText(I18n.format(drawn ? "truepost.forDrawingSlice" : "truepost.forPointSlice", r.dimX(), r.dimY(),
                    r.latent() - 2, r.dimX(), r.dimY())
                    + (pca.getAsBoolean() ? " " + I18n.format("truepost.notInPca", r.dimX(), r.dimY()) : ""));
            explain(logPxExplained, I18n.format("truepost.logPxExplainedIwae", r.importance().k()));
            explain(reconExplained, I18n.get("truepost.reconExplainedIwae"));
        } else {
            status.setText(I18n.get(drawn ? "truepost.forDrawing" : "truepost.forPoint"));
            explain(logPxExplained, I18n.get("truepost.logPxExplained"));
            explain(reconExplained, I18n.get("truepost.reconExplained"));
        }
        // the terms as shown, and what follows from them, so that the written identity adds up exactly:
        // ELBO = E_q[log p(x|z)] - KL(q || p(z));  KL(q || p(z|x)) = log p(x) - ELBO
        double lp = shown(r.logPx()), e = shown(r.expectedLogLikelihood()), k = shown(r.kl());
        double b = shown(e - k), g = shown(lp - b);
        logPx.setText(nats(lp));
        recon.setText(nats(e));
        kl.setText(nats(k));
        elbo.setText(nats(b));
        gap.setText(nats(g));
        identityValues.setText(I18n.format("truepost.identityValues", number(lp), number(b), number(g)));
    }
}
