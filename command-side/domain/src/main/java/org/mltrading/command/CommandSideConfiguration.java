package org.mltrading.command;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The command side's Spring contribution; deployables import it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class CommandSideConfiguration {

    /** Domain code reads time only from this clock, so tests and replays control it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
