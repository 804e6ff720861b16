package org.mltrading.ops.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A graphql-transport-ws connection at the frame level, for what a GraphQL client library hides: the
 * exact message types answered and the close code of the connection.
 */
final class RawGraphQlWebSocket implements WebSocket.Listener {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static RawGraphQlWebSocket open(String url, String token) throws Exception {
        RawGraphQlWebSocket listener = new RawGraphQlWebSocket();
        listener.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(url), listener).get(10, TimeUnit.SECONDS);
        listener.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}");
        listener.awaitMessage(message -> message.contains("\"connection_ack\""));
        return listener;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message that matches, skipping others; fails after 20 s. */
    String awaitMessage(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String message = messages.poll(200, TimeUnit.MILLISECONDS);
            if (message != null && wanted.test(message)) {
                return message;
            }
            if (closed.isDone() && messages.isEmpty()) {
                throw new AssertionError("connection closed with " + closed.join() + " while waiting");
            }
        }
        throw new AssertionError("no such message within " + WAIT);
    }

    void clear() {
        messages.clear();
    }

    Integer closeCode() {
        return closed.getNow(null);
    }

    int awaitClose() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }
}
