package org.mltrading.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The auth server as its own service (distributed mode): full auto-configuration is safe here
 * because its classpath holds only this module.
 */
@SpringBootApplication
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, AuthServerLauncher.withOwnConfigName(args));
    }
}
