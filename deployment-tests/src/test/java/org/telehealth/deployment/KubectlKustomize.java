package org.telehealth.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** `kubectl kustomize`, where a kubectl new enough for components is on the PATH (not in CI). */
final class KubectlKustomize {

    private KubectlKustomize() {
    }

    /** The rendering by kubectl, or empty when there is no usable kubectl. */
    static Optional<List<Resource>> render(Path directory) {
        Path output;
        try {
            output = Files.createTempFile("kubectl-kustomize", ".yaml");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            String yaml = Files.readString(output, StandardCharsets.UTF_8);
            return Optional.of(Yaml.documents(yaml, "kubectl kustomize " + directory).stream().map(Resource::new).toList());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            output.toFile().delete();
        }
    }
}
