package org.mltrading.command.model;

import org.mltrading.api.model.ValidationThresholds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The promotion thresholds, from configuration ({@code platform.model.promotion.*}); the Model
 * aggregate receives them as a handler parameter, so a change applies to the next promotion.
 */
@Configuration(proxyBeanMethods = false)
class ModelPromotionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ValidationThresholds validationThresholds(
            @Value("${platform.model.promotion.min-sharpe:0.0}") double minSharpe,
            @Value("${platform.model.promotion.max-drawdown:0.3}") double maxDrawdown,
            @Value("${platform.model.promotion.min-trades:1}") int minTrades) {
        return new ValidationThresholds(minSharpe, maxDrawdown, minTrades);
    }
}
