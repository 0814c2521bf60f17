package vaeexplorer.core.train;

/** A held-out evaluation at the end of an epoch (1-based), after the given step. */
public record TestPoint(int epoch, long step, Evaluation evaluation) {}
