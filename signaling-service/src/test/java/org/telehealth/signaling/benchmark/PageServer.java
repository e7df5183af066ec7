package org.telehealth.signaling.benchmark;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The web server the benchmark's Chromium pages load from, on 127.0.0.1 (its origin is the one
 * signaling allows):
 * <ul>
 *   <li>{@code /bench/*}: the benchmark's call page (test resources, {@code benchmark/page});
 *   <li>{@code /visit/assets/*}: passed through from the signaling instance under test, so that the
 *       page runs the visit page's own scripts as that instance serves them (a module script
 *       must come from the page's origin);
 *   <li>{@code /relay/{room}/{doctor|patient}}: a WebSocket relay for the peer-to-peer baseline, each
 *       text frame handed to the other side of the room as it is. On the same Vert.x stack as
 *       signaling, so both paths pay alike for a WebSocket hop.
 * </ul>
 */
final class PageServer implements AutoCloseable {

    private static final Map<String, String> PAGES = Map.of(
            "call.html", "text/html; charset=utf-8",
            "call.js", "text/javascript; charset=utf-8",
            "timeline.js", "text/javascript; charset=utf-8");

    private final Vertx vertx;
    private final HttpServer server;
    private final Map<String, ServerWebSocket> relaySides = new ConcurrentHashMap<>();

    private PageServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Serves on {@code port} of 127.0.0.1, passing visit assets through from {@code signaling}. */
    static PageServer start(int port, URI signaling) throws Exception {
        Map<String, byte[]> pages = new ConcurrentHashMap<>();
        for (String name : PAGES.keySet()) {
            try (InputStream in = PageServer.class.getResourceAsStream("page/" + name)) {
                if (in == null) {
                    throw new IOException("no test resource benchmark/page/" + name);
                }
                pages.put(name, in.readAllBytes());
            }
        }
        Vertx vertx = Vertx.vertx();
        HttpClient assets = vertx.createHttpClient();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port));
        PageServer pageServer = new PageServer(vertx, server);
        server.webSocketHandler(pageServer::relay);
        server.requestHandler(request -> {
            String path = request.path();
            if (path.startsWith("/bench/") && pages.containsKey(path.substring(7))) {
                String name = path.substring(7);
                request.response().putHeader("Content-Type", PAGES.get(name)).putHeader("Cache-Control", "no-store")
                        .end(Buffer.buffer(pages.get(name)));
            } else if (path.startsWith("/visit/assets/")) {
                passThrough(assets, signaling, request);
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return pageServer;
    }

    String origin() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    String pageUrl() {
        return origin() + "/bench/call.html";
    }

    String relayUrl(String room, String side) {
        return "ws://127.0.0.1:" + server.actualPort() + "/relay/" + room + "/" + side;
    }

    private static void passThrough(HttpClient client, URI signaling, HttpServerRequest request) {
        client.request(HttpMethod.GET, signaling.getPort(), signaling.getHost(), request.uri())
                .compose(outgoing -> outgoing.send())
                .compose(response -> response.body().map(body -> {
                    request.response().setStatusCode(response.statusCode());
                    String type = response.getHeader("Content-Type");
                    if (type != null) {
                        request.response().putHeader("Content-Type", type);
                    }
                    request.response().end(body);
                    return body;
                }))
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }

    private void relay(ServerWebSocket socket) {
        String[] parts = socket.path().split("/");
        if (parts.length != 4 || !parts[1].equals("relay") || !(parts[3].equals("doctor") || parts[3].equals("patient"))) {
            socket.reject(404);
            return;
        }
        String room = parts[2];
        String side = room + "/" + parts[3];
        String otherSide = room + "/" + (parts[3].equals("doctor") ? "patient" : "doctor");
        relaySides.put(side, socket);
        socket.textMessageHandler(text -> {
            ServerWebSocket other = relaySides.get(otherSide);
            if (other != null && !other.isClosed()) {
                other.writeTextMessage(text);
            }
        });
        socket.closeHandler(closed -> relaySides.remove(side, socket));
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
