package org.mltrading.ui.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.web.client.RestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A mutation the API refuses answers {@code data: {field: null}} with the refusal in {@code errors}:
 * the client must raise it (code and words), not hand back null (which the desk then showed as "An
 * unexpected error occurred").
 */
class PlatformGraphQlClientRefusalTest {

    private volatile String httpResponse;
    private DisposableServer platform;
    private PlatformGraphQlClient client;

    @BeforeEach
    void startTheStandInPlatform() {
        platform = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/graphql", (request, response) -> request.receive().aggregate()
                        .asString().then(response.header("Content-Type", "application/json")
                                .sendString(Mono.fromSupplier(() -> httpResponse)).then())))
                .bindNow();
        client = new PlatformGraphQlClient(new GraphQlEndpoints("http://127.0.0.1:" + platform.port() + "/graphql", ""),
                new DefaultListableBeanFactory().getBeanProvider(RestClient.Builder.class));
    }

    @AfterEach
    void stop() {
        platform.disposeNow();
    }

    @Test
    void a_refused_mutation_whose_field_is_null_raises_the_refusal_in_words_with_its_numbers() {
        httpResponse = """
                {"errors":[{"message":"quantity must be a multiple of the lot size 1","path":["previewOrder"],
                  "extensions":{"code":"ORDER_INVALID_QUANTITY","classification":"BAD_REQUEST"}}],
                 "data":{"previewOrder":null}}""";

        assertThatThrownBy(() -> client.query("jwt", "mutation { previewOrder { accepted } }", Map.of(),
                "previewOrder", Map.class))
                .isInstanceOfSatisfying(GraphQlApiException.class, refused -> {
                    assertThat(refused.code()).isEqualTo("ORDER_INVALID_QUANTITY");
                    assertThat(refused.userMessage())
                            .isEqualTo("Quantity not accepted: quantity must be a multiple of the lot size 1");
                });
    }

    @Test
    void a_field_that_is_null_without_errors_is_still_null() {
        httpResponse = "{\"data\":{\"account\":null}}";

        assertThat(client.query("jwt", "query { account(id: \"x\") { id } }", Map.of(), "account", Map.class)).isNull();
    }

    @Test
    void an_uncatalogued_code_never_reaches_the_page_raw() {
        httpResponse = "{\"errors\":[{\"message\":\"java.lang.IllegalStateException: boom\",\"path\":[\"x\"],"
                + "\"extensions\":{\"code\":\"INTERNAL\"}}],\"data\":{\"x\":null}}";

        assertThatThrownBy(() -> client.query("jwt", "query { x }", Map.of(), "x", Map.class))
                .isInstanceOfSatisfying(GraphQlApiException.class, refused -> assertThat(refused.userMessage())
                        .isEqualTo("The trading API could not answer the request.").doesNotContain("INTERNAL"));
    }
}
