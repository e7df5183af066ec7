package org.telehealth.scheduling.patient.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A new patient: the minimum a visit needs. The Keycloak user id links an account when they have one. */
public record NewPatientRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotNull @Past LocalDate dateOfBirth,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9 ()-]{3,32}", message = "must be a phone number") String phone,
        @Size(max = 64) String keycloakUserId) {
}
