package org.mltrading.ml;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The ML bridge's Spring contribution. Features, models, predictions and backtests arrive with the
 * ML issue; the bridge talks to the platform through Axon only (ARCHITECTURE.md).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class MlBridgeConfiguration {
}
