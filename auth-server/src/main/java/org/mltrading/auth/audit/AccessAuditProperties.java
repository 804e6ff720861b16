package org.mltrading.auth.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where access events go ({@code platform.auth.audit}): the MongoDB collection the platform serves to
 * compliance. An empty URI keeps them in the log only (the auth server's own tests).
 */
@ConfigurationProperties("platform.auth.audit")
public record AccessAuditProperties(String mongoUri, String collection) {

    public AccessAuditProperties {
        mongoUri = mongoUri == null ? "" : mongoUri.trim();
        collection = collection == null || collection.isBlank() ? "access_audit" : collection;
    }
}
