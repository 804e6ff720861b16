package org.mltrading.auth.signing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the RSA JWK set that signs every token is kept ({@code platform.auth.signing.*}). */
@ConfigurationProperties("platform.auth.signing")
public record SigningKeyProperties(Path jwkSetFile) {

    public SigningKeyProperties {
        if (jwkSetFile == null) {
            throw new IllegalArgumentException("platform.auth.signing.jwk-set-file must be set");
        }
    }
}
