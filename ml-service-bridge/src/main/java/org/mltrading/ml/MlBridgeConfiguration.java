package org.mltrading.ml;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The ML bridge's Spring contribution: features, models, live predictions and backtests. The bridge
 * talks to the platform through Axon only (ARCHITECTURE.md): it reads models and bars with Axon
 * queries, sends model commands and publishes prediction and backtest events. See
 * docs/adr/0010-ml-bridge-models-and-intervals.md and docs/adr/0011-backtests-and-live-predictions.md.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class MlBridgeConfiguration {

    /** Time for the bridge when it runs without the command side (which provides the same bean). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
