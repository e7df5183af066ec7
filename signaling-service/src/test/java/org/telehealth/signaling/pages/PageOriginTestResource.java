package org.telehealth.signaling.pages;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.telehealth.infra.testing.FreePorts;

/**
 * Serves the service under test on a port chosen up front, so that the pages' origin
 * ({@code http://localhost:<port>}) can be allowed to open visit sockets as it is in production
 * ({@code signaling.allowed-origins}): a browser always sends its page's Origin.
 */
public class PageOriginTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = FreePorts.next();
        return Map.of("quarkus.http.test-port", Integer.toString(port),
                "signaling.allowed-origins", "http://localhost:" + port);
    }

    @Override
    public void stop() {
        // nothing runs
    }
}
