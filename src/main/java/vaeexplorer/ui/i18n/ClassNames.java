package vaeexplorer.ui.i18n;

import java.util.List;

import vaeexplorer.core.data.BuiltInDatasets;

/** Class names as the UI shows them: the built-in Fashion-MNIST's classes in the UI's language, others as they are. */
public final class ClassNames {
    private static final String FASHION_CLASS_KEY = "dataset.fashion.class.";

    private ClassNames() {}

    /** The name of class {@code label} of a data set with these class names; "" for a label without a name. */
    public static String of(List<String> names, int label) {
        if (label < 0 || label >= names.size()) return "";
        return names.equals(BuiltInDatasets.classNames(BuiltInDatasets.FASHION_MNIST))
                ? I18n.get(FASHION_CLASS_KEY + label) : names.get(label);
    }
}
