package org.telehealth.recording.benchmark;

/**
 * What a step's spool files held once its recordings were stopped: how many there were, how many
 * authenticated whole (every chunk, the final one sealed), and what ffprobe found in one of them,
 * decrypted.
 */
record SpoolFilesCheck(int files, int verified, String sample) {
}
