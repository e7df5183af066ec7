package org.telehealth.deployment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;

/**
 * Validates objects of the Kubernetes API against its OpenAPI schema, through the official Java
 * client's models (generated from that schema): their fromJson rejects unknown fields (what
 * `kubectl apply` refuses under strict field validation), missing required fields, wrong types and
 * malformed quantities.
 */
final class KubernetesSchema {

    private static final Set<String> KUBERNETES_GROUPS = Set.of("", "apps", "batch", "policy", "autoscaling",
            "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "scheduling.k8s.io");

    private KubernetesSchema() {
    }

    /** Whether the object belongs to the Kubernetes API proper (rather than to an operator's CRD). */
    static boolean covers(Resource resource) {
        return KUBERNETES_GROUPS.contains(resource.group());
    }

    /** The validation error, or empty if the object is valid. */
    static Optional<String> validate(Resource resource) {
        String version = resource.version();
        String className = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
                + version.substring(1) + resource.kind();
        Method fromJson;
        try {
            fromJson = Class.forName(className).getMethod("fromJson", String.class);
        } catch (ReflectiveOperationException e) {
            return Optional.of("no Kubernetes API type " + resource.apiVersion() + " " + resource.kind());
        }
        try {
            fromJson.invoke(null, Yaml.JSON.writeValueAsString(resource.node()));
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(String.valueOf(e.getCause().getMessage()));
        } catch (ReflectiveOperationException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
