package org.mltrading.auth.client;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * In-memory clients. Unlike {@code InMemoryRegisteredClientRepository} it may start empty, which is
 * the normal case outside the local profile.
 */
final class ConfiguredRegisteredClientRepository implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();
    private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

    ConfiguredRegisteredClientRepository(Collection<RegisteredClient> clients) {
        clients.forEach(this::save);
    }

    @Override
    public void save(RegisteredClient client) {
        RegisteredClient other = byClientId.get(client.getClientId());
        if (other != null && !other.getId().equals(client.getId())) {
            throw new IllegalArgumentException("duplicate client id " + client.getClientId());
        }
        byId.put(client.getId(), client);
        byClientId.put(client.getClientId(), client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return byId.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byClientId.get(clientId);
    }
}
