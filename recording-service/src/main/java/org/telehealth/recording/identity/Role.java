package org.telehealth.recording.identity;

/** The realm roles of Keycloak realm {@code telehealth} that recording-service acts on. */
public final class Role {

    public static final String DOCTOR = "doctor";
    public static final String PATIENT = "patient";
    public static final String ADMIN = "admin";

    private Role() {
    }
}
