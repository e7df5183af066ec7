package org.telehealth.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The repository the tests check, and the overlays rendered once per test JVM. */
final class Repository {

    /** Every overlay a hospital may deploy; each must render and pass every check. */
    static final List<String> OVERLAYS = List.of("dev", "production");

    private static final Map<String, List<Resource>> RENDERED = new ConcurrentHashMap<>();

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("telehealth.repository");
        Path root = configured != null ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("k8s"))) {
            throw new IllegalStateException("no k8s/ in " + root);
        }
        return root;
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    static Path overlay(String name) {
        return k8s().resolve("overlays").resolve(name);
    }

    /** The overlay's objects as this project's renderer produces them (a shared, read-only list). */
    static List<Resource> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> List.copyOf(KustomizeBuild.render(overlay(name))));
    }
}
