package vaeexplorer.ui.training;

/** A live setting changed while a model trained: at which step, which one, and from what to what. */
public record SettingChange(long step, Kind kind, double from, double to) {
    /** Changes of one kind this close together in time are one change (typing a value key by key). */
    static final long MERGE_NANOS = 3_000_000_000L;

    public enum Kind { BETA, LEARNING_RATE }
}
