package org.mltrading.query.audit;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the audit context: the checkpoint signing key under the data directory. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    CheckpointSigner checkpointSigner(@Value("${platform.audit.signing-key-file}") Path keyFile) {
        return CheckpointSigner.loadOrCreate(keyFile);
    }
}
