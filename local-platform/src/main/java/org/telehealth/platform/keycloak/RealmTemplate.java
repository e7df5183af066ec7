package org.telehealth.platform.keycloak;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code ${TELEHEALTH_NAME:default}} placeholders of the realm files with this run's
 * values (URLs with their real ports), falling back to the default written in the file. Other
 * {@code ${...}} expressions, such as Keycloak's message keys, are left alone.
 */
public final class RealmTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(TELEHEALTH_[A-Z0-9_]+)(?::([^}]*))?}");

    private RealmTemplate() {
    }

    public static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                value = matcher.group(2) != null ? matcher.group(2) : matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
