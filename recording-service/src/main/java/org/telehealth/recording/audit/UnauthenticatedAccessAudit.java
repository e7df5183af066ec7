package org.telehealth.recording.audit;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Audits the requests to the API that never reach it: those without a valid token, refused with
 * 401 by the HTTP layer before any resource runs. A route placed ahead of authentication watches
 * every {@code /api} response and writes a row for each 401 (actor {@code anonymous}, the method
 * and path in the detail). The other outcomes are audited by the resources themselves.
 */
@ApplicationScoped
public class UnauthenticatedAccessAudit {

    private static final Logger LOG = Logger.getLogger(UnauthenticatedAccessAudit.class);
    /** Before Quarkus's authentication (order -200): the end handler must be in place when it answers 401. */
    private static final int BEFORE_AUTHENTICATION = -10_000;

    private final Pool pool;
    private final ClientAddress addresses;

    public UnauthenticatedAccessAudit(Pool pool, ClientAddress addresses) {
        this.pool = pool;
        this.addresses = addresses;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(BEFORE_AUTHENTICATION).handler(context -> {
            context.addEndHandler(ended -> {
                if (context.response().getStatusCode() == 401) {
                    record(context);
                }
            });
            context.next();
        });
    }

    private void record(RoutingContext context) {
        String peer = context.request().remoteAddress() != null ? context.request().remoteAddress().hostAddress() : null;
        String from = addresses.resolve(peer, context.request().getHeader("X-Forwarded-For"));
        String path = context.request().path();
        String detail = context.request().method().name() + " " + (path.length() > 180 ? path.substring(0, 180) : path);
        pool.preparedQuery("insert into access_audit (at, actor_id, actor_roles, action, outcome, http_status, remote_address, "
                        + "detail) values ($1, 'anonymous', '', $2, $3, 401, $4, $5)")
                .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC), AuditAction.UNAUTHENTICATED.name(),
                        AuditOutcome.UNAUTHENTICATED.name(), from, detail))
                .subscribe().with(done -> { }, failure -> LOG.errorf("could not audit an unauthenticated request (%s)",
                        failure.getClass().getSimpleName()));
    }
}
