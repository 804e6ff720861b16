package org.mltrading.ui.graphql;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where the GraphQL API is: by default this very server (the UI runs in the platform context next
 * to the API) on the port it actually listens on, which is only known once the web server has
 * started ({@code server.port=0} in tests). {@code platform.ui.graphql-url} and
 * {@code platform.ui.graphql-ws-url} point the UI at another platform instead.
 */
@Component
public class GraphQlEndpoints implements ApplicationListener<WebServerInitializedEvent> {

    static final String HTTP_PATH = "/graphql";
    static final String WEBSOCKET_PATH = "/subscriptions";

    private final String configuredHttpUrl;
    private final String configuredWebSocketUrl;
    private volatile int localPort = -1;

    public GraphQlEndpoints(@Value("${platform.ui.graphql-url:}") String configuredHttpUrl,
                            @Value("${platform.ui.graphql-ws-url:}") String configuredWebSocketUrl) {
        this.configuredHttpUrl = configuredHttpUrl;
        this.configuredWebSocketUrl = configuredWebSocketUrl;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // a separate management server (management.server.port) announces itself with a namespace
        if (event.getApplicationContext().getServerNamespace() == null) {
            localPort = event.getWebServer().getPort();
        }
    }

    public URI httpUrl() {
        if (StringUtils.hasText(configuredHttpUrl)) {
            return URI.create(configuredHttpUrl);
        }
        return URI.create("http://localhost:" + port() + HTTP_PATH);
    }

    /** Configured, else derived from a configured HTTP URL (http→ws, /graphql→/subscriptions), else local. */
    public URI webSocketUrl() {
        if (StringUtils.hasText(configuredWebSocketUrl)) {
            return URI.create(configuredWebSocketUrl);
        }
        if (StringUtils.hasText(configuredHttpUrl)) {
            URI http = URI.create(configuredHttpUrl);
            String scheme = "https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws";
            String path = http.getPath() == null || http.getPath().isEmpty()
                    ? WEBSOCKET_PATH
                    : http.getPath().replaceFirst(HTTP_PATH + "$", WEBSOCKET_PATH);
            return URI.create(scheme + "://" + http.getRawAuthority() + path);
        }
        return URI.create("ws://localhost:" + port() + WEBSOCKET_PATH);
    }

    private int port() {
        int port = localPort;
        if (port <= 0) {
            throw new GraphQlApiException(GraphQlApiException.Kind.UNREACHABLE,
                    "The platform's web server has not started yet", null);
        }
        return port;
    }
}
