package org.mltrading.auth.signing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The persisted signing keys, rotatable at run time. The first key signs (tokens name it in their
 * {@code kid} header); older keys stay published in the JWKS until rotated out, so tokens they signed
 * live out their lifetime.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

    /** Active key plus the two before it: far more than any token lifetime between rotations. */
    static final int KEYS_KEPT = 3;

    private final Path file;
    private final AtomicReference<JWKSet> keys;

    public SigningKeys(Path file) {
        this.file = file;
        this.keys = new AtomicReference<>(JwkSetFile.loadOrCreate(file));
    }

    public String activeKeyId() {
        return keys.get().getKeys().get(0).getKeyID();
    }

    public List<String> keyIds() {
        return keys.get().getKeys().stream().map(JWK::getKeyID).toList();
    }

    /** @return the new active key id */
    public synchronized String rotate() {
        keys.set(JwkSetFile.rotate(file, KEYS_KEPT));
        return activeKeyId();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys.get());
    }
}
