package org.telehealth.media.drain;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** How the pod's stop asks this instance to drain without a token. */
@ConfigMapping(prefix = "media.drain")
public interface DrainConfig {

    /**
     * A file whose appearance starts the drain: the pod's preStop hook ({@code drain.sh}) creates
     * it in the container's own {@code /tmp}. Unset (the default): no file is watched, and only the
     * control API drains the instance.
     */
    Optional<Path> requestFile();
}
