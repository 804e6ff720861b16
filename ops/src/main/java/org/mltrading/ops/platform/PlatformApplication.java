package org.mltrading.ops.platform;

import org.mltrading.command.CommandSideConfiguration;
import org.mltrading.ml.MlBridgeConfiguration;
import org.mltrading.query.QuerySideConfiguration;
import org.mltrading.ui.UiConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The platform context of the all-in-one: command side, query side (GraphQL API), ML bridge and UI
 * on one server. The auth server runs as a sibling context on its own port, so its
 * auto-configuration is excluded here. Component scanning stays in this package; each module
 * contributes its own configuration class.
 */
@SpringBootApplication(exclude = {
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class, MlBridgeConfiguration.class,
        UiConfiguration.class})
public class PlatformApplication {
}
