package org.mltrading.ml.model;

/**
 * A forecast of the next bar's log return with symmetric split-conformal intervals: the true value
 * falls in [lower80, upper80] about 80 % of the time (95 % for the wider one) if the calibration
 * residuals are representative (exchangeable) of what follows.
 */
public record Forecast(double value, double lower80, double upper80, double lower95, double upper95) {
}
