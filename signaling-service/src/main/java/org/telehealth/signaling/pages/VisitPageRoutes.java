package org.telehealth.signaling.pages;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The server side of the visit pages, whose scripts and styles are static files under
 * {@code META-INF/resources/visit/assets}: the page itself at a visit's address, and the settings
 * the page reads first.
 *
 * <ul>
 *   <li>{@code GET /visit/{visitId}}: the patient's page (the join link token follows in the
 *       address); {@code GET /visit/{visitId}/host}: the doctor's page, which signs in with
 *       Keycloak. Both are the same document; its script tells them apart by the path. Only visit
 *       ids shaped like UUIDs get a page, anything else is 404.</li>
 *   <li>{@code GET /visit/config.json}: {@link VisitPageSettings}, public (the pages need them to
 *       get a token).</li>
 * </ul>
 */
@ApplicationScoped
public class VisitPageRoutes {

    static final String PAGE_RESOURCE = "pages/visit.html";
    private static final String HEX = "[0-9a-fA-F]";
    private static final String PAGE_PATH = "/visit/" + HEX + "{8}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{4}-" + HEX
            + "{12}(/host)?/?";

    private final Buffer page;
    private final Buffer settings;

    public VisitPageRoutes(VisitPagesConfig config) {
        this.page = Buffer.buffer(load(PAGE_RESOURCE));
        this.settings = Buffer.buffer(VisitPageSettings.of(config).toJson());
    }

    void register(@Observes Router router) {
        router.get("/visit/config.json").handler(context -> send(context, "application/json", settings));
        router.getWithRegex(PAGE_PATH).handler(this::page);
    }

    private void page(RoutingContext context) {
        // The address may carry a join link token: no cache may keep the answer under it.
        context.response().putHeader("Cache-Control", "no-store");
        send(context, "text/html; charset=utf-8", page);
    }

    private static void send(RoutingContext context, String contentType, Buffer body) {
        context.response().putHeader("Content-Type", contentType).end(body);
    }

    private static byte[] load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the visit page " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the visit page " + resource, e);
        }
    }
}
