package org.telehealth.signaling.recording;

/**
 * The version of the words a participant reads before they accept or decline a recording: the
 * consent dialog of the visit pages ({@code pages/visit.html}, {@code #consent-dialog}, whose
 * {@code data-consent-version} names it; ConsentWordingTest keeps the two equal).
 * recording-service stores it with every decision, so that what someone agreed to can be shown
 * later. Change both together, and the version whenever the wording's meaning changes.
 */
public final class ConsentWording {

    public static final String VERSION = "v1";

    private ConsentWording() {
    }
}
