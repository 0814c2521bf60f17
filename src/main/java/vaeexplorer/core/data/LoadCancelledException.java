package vaeexplorer.core.data;

/**
 * Loading stopped because the caller's cancel flag became true. It is a {@link DataException} so that a caller who
 * does not tell the two apart still shows a sensible message; callers who do can stay quiet on cancellation.
 */
public final class LoadCancelledException extends DataException {
    private static final long serialVersionUID = 1L;

    public LoadCancelledException(Object what) {
        super(DataProblem.CANCELLED, what);
    }
}
