package org.mltrading.auth.client;

import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** The roles a client acts with, kept as a custom client setting of its registration. */
public final class ClientRoles {

    /** Namespaced so it never collides with Spring Authorization Server's own settings. */
    public static final String SETTING = "platform.roles";

    /** When the admin API last rotated the secret; from then on the store, not the configuration, owns it. */
    public static final String SECRET_ROTATED_AT = "platform.secret-rotated-at";

    private ClientRoles() {}

    public static List<String> of(RegisteredClient client) {
        Object roles = client.getClientSettings().getSetting(SETTING);
        return roles instanceof Collection<?> names
                ? names.stream().map(String::valueOf).sorted().toList()
                : List.of();
    }
}
