package vaeexplorer.core.train;

/**
 * Mean training losses per image over one reporting interval, ending at a step: total = recon + beta * kl, in nats.
 * {@code epochPosition} is the fractional epoch at that step (2.5 = halfway through the third epoch).
 */
public record LossPoint(long step, double epochPosition, double loss, double recon, double kl, double beta) {}
