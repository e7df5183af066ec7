package org.telehealth.scheduling.appointment.rest;

import jakarta.validation.constraints.Size;

/** Body of a cancellation: an optional reason, kept with the appointment only. */
public record CancelRequest(@Size(max = 500) String reason) {
}
