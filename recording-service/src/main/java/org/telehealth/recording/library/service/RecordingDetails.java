package org.telehealth.recording.library.service;

import java.util.List;
import org.telehealth.recording.lifecycle.repository.ConsentRecord;
import org.telehealth.recording.lifecycle.repository.Recording;
import org.telehealth.recording.lifecycle.repository.RecordingParticipant;

/** A recording with the participants asked and every consent decision received, as the API shows it. */
public record RecordingDetails(Recording recording, List<RecordingParticipant> participants, List<ConsentRecord> consents) {
}
