package org.mltrading.ui.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GraphQlEndpointsTest {

    @Test
    void a_configured_http_url_also_gives_the_websocket_url() {
        var endpoints = new GraphQlEndpoints("https://platform.example:8443/graphql", "");

        assertThat(endpoints.httpUrl()).isEqualTo(URI.create("https://platform.example:8443/graphql"));
        assertThat(endpoints.webSocketUrl()).isEqualTo(URI.create("wss://platform.example:8443/subscriptions"));
    }

    @Test
    void a_configured_websocket_url_wins() {
        var endpoints = new GraphQlEndpoints("http://a:1/graphql", "ws://b:2/subscriptions");

        assertThat(endpoints.webSocketUrl()).isEqualTo(URI.create("ws://b:2/subscriptions"));
    }

    @Test
    void without_configuration_and_before_the_server_started_the_api_is_unreachable() {
        var endpoints = new GraphQlEndpoints("", "");

        assertThatThrownBy(endpoints::httpUrl).isInstanceOf(GraphQlApiException.class)
                .extracting(e -> ((GraphQlApiException) e).kind()).isEqualTo(GraphQlApiException.Kind.UNREACHABLE);
    }
}
