package org.telehealth.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.telehealth.platform.keycloak.KeycloakLogin;
import org.telehealth.platform.keycloak.KeycloakServer;
import org.telehealth.platform.process.ChildProcess;

/**
 * What {@code ./telehealth} runs once the build is done: {@code up} starts the platform and keeps
 * it running until Ctrl-C or SIGTERM; {@code token} signs a demo user in and prints their access
 * token. Failures are printed as one {@code error:} line, never a stack trace.
 */
public final class TelehealthCli {

    private TelehealthCli() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        String command = args.length > 0 ? args[0] : "";
        try {
            switch (command) {
                case "up" -> up(new Progress(out));
                case "token" -> token(args, out);
                default -> {
                    System.err.println("usage: telehealth up | token <user> [password]");
                    System.exit(2);
                }
            }
        } catch (PlatformException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("error: unexpected failure: " + e + " (details in " + writeCrashReport(e) + ")");
            System.exit(1);
        }
    }

    /** The stack trace goes to a file for whoever debugs the launcher, not to the person running it. */
    private static String writeCrashReport(Throwable failure) {
        try {
            Path report = settings().logs().resolve("telehealth-crash.log");
            Files.createDirectories(report.getParent());
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            Files.writeString(report, trace.toString());
            return report.toString();
        } catch (RuntimeException | IOException e) {
            return "no report: " + e.getMessage();
        }
    }

    private static PlatformSettings settings() {
        return PlatformSettings.fromEnvironment(Path.of(System.getProperty("telehealth.repo", ".")), System.getenv());
    }

    private static void up(Progress progress) {
        LocalPlatform platform = new LocalPlatform(settings(), progress);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (platform.hasStartedAnything()) {
                progress.step("platform", "stopping");
                platform.close();
                progress.step("platform", "stopped");
            }
        }, "stop-platform"));
        String ready;
        try {
            ready = platform.start();
        } catch (PlatformException e) {
            if (platform.isClosed()) {
                return; // interrupted by Ctrl-C: the shutdown hook reports and stops
            }
            throw e;
        }
        progress.line(ready);
        while (true) {
            sleep();
            Optional<ChildProcess> exited = platform.firstExited();
            if (exited.isPresent() && !platform.isClosed()) {
                ChildProcess dead = exited.get();
                throw new PlatformException(dead.name() + " stopped unexpectedly (exit code " + dead.exitValue() + "); see "
                        + dead.logFile());
            }
        }
    }

    private static void token(String[] args, PrintStream out) {
        if (args.length < 2) {
            throw new PlatformException("usage: telehealth token <user> [password]; demo users have the password 'demo'");
        }
        Ports ports = settings().ports();
        KeycloakLogin login = new KeycloakLogin(KeycloakServer.baseUrl(ports.keycloak()),
                URI.create("http://localhost:" + ports.scheduling() + "/"));
        out.println(login.accessToken(args[1], args.length > 2 ? args[2] : "demo"));
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }
}
