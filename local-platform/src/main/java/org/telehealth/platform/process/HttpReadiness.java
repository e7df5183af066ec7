package org.telehealth.platform.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.telehealth.platform.PlatformException;

/**
 * Waits until a server started as a child process answers 200 on a URL, failing early and with a
 * pointer to its log if the process exits instead.
 */
public final class HttpReadiness {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public void await(ChildProcess server, URI url, Duration timeout, Runnable whileWaiting) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new PlatformException(server.name() + " exited with code " + server.exitValue() + " while starting; see "
                        + server.logFile());
            }
            if (answersOk(url)) {
                return;
            }
            whileWaiting.run();
            sleep(Duration.ofMillis(500));
        }
        throw new PlatformException(server.name() + " was not ready after " + timeout.toSeconds() + " s; see " + server.logFile());
    }

    private boolean answersOk(URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while waiting for " + url, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }
}
