package org.mltrading.auth.user;

import java.util.List;
import org.mltrading.auth.security.Secrets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserProperties.class)
class UserConfiguration {

    /**
     * Always declared, even when empty: without it Boot would invent a "user" with a random password
     * (full auto-configuration) and the server would have a login nobody configured.
     */
    @Bean
    UserDetailsService userDetailsService(UserProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users =
                properties.users().stream()
                        .map(
                                user ->
                                        User.withUsername(user.username())
                                                .password(Secrets.encodedForStorage(encoder, user.password()))
                                                .roles(user.roles().toArray(String[]::new)) // adds the ROLE_ prefix
                                                .build())
                        .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
