package org.mltrading.auth.user;

import java.time.Clock;
import org.mltrading.auth.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({UserProperties.class, TotpKeyProperties.class})
class UserConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UserConfiguration.class);

    /**
     * Users from the auth store. Always declared, even with no users: without it Boot would invent a
     * "user" with a random password and the server would have a login nobody configured. Spring's own
     * {@link User} type is returned so authorizations serialise with the library's Jackson modules.
     */
    @Bean
    UserDetailsService userDetailsService(PlatformUserStore store, UserProperties properties, PasswordEncoder encoder) {
        properties.users().forEach(user -> {
            boolean created = store.insertIfAbsent(user.username(), Secrets.encodedForStorage(encoder, user.password()),
                    user.roles(), user.totpSecret());
            if (created) {
                log.info("created configured user {} with roles {}", user.username(), user.roles());
            }
        });
        return username -> store.find(username)
                .map(user -> User.withUsername(user.username())
                        .password(user.passwordHash())
                        .roles(user.roles().toArray(String[]::new)) // adds the ROLE_ prefix
                        // never disabled or locked here: Spring checks those BEFORE the password, which made
                        // disabled users answer in 5 ms instead of a hash's 100 ms (issue 14). LoginHandlers
                        // decides after the hash; the second-factor step checks again.
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    TotpSecretCipher totpSecretCipher(TotpKeyProperties properties) {
        return TotpSecretCipher.from(properties.key(), properties.keyFile());
    }

    @Bean
    Clock authClock() {
        return Clock.systemUTC();
    }
}
