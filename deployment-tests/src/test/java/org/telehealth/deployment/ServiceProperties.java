package org.telehealth.deployment;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** A service's packaged application.properties (src/main/resources), the defaults the manifests build on. */
final class ServiceProperties {

    private ServiceProperties() {
    }

    /** Its properties without profile-specific ones (%dev., %test.): what runs in a cluster. */
    static Map<String, String> of(String service) {
        Path file = Repository.root().resolve(Path.of(service, "src", "main", "resources", "application.properties"));
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Yaml.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(name -> !name.startsWith("%"))
                .forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
