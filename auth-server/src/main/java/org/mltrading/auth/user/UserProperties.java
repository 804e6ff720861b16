package org.mltrading.auth.user;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users who may log in ({@code platform.auth.users}). Empty unless a profile or the deployment
 * supplies them: the demo users exist only in {@code auth-server-local.yml}.
 */
@ConfigurationProperties("platform.auth")
public record UserProperties(List<User> users) {

    public UserProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param password {@code {bcrypt}…} (or any {@code {id}hash}); a raw value is encoded at start
     * @param roles role names without the {@code ROLE_} prefix, e.g. {@code TRADER}
     */
    public record User(String username, String password, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
