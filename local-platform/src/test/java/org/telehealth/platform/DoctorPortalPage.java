package org.telehealth.platform;

import java.io.IOException;
import java.time.Duration;
import org.telehealth.infra.testing.ChromiumBrowser;

/**
 * The doctor portal (scheduling-service's {@code /portal/}) as a doctor uses it, for the browser
 * test: each method is one thing a doctor does, found by the ids and labels the page gives its
 * controls, and waits until the page shows the result.
 */
final class DoctorPortalPage {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromiumBrowser browser;
    private final String portalUrl;
    private final String keycloakUrl;

    DoctorPortalPage(ChromiumBrowser browser, String portalUrl, String keycloakUrl) {
        this.browser = browser;
        this.portalUrl = portalUrl;
        this.keycloakUrl = keycloakUrl;
    }

    /** Opens the portal, which sends the browser to Keycloak's login page. */
    void open() throws IOException, InterruptedException {
        browser.open(portalUrl);
        awaitKeycloakLoginPage();
    }

    void awaitKeycloakLoginPage() throws IOException, InterruptedException {
        browser.waitFor(WAIT, "return location.href.startsWith(arguments[0]) && !!document.querySelector('#username')",
                keycloakUrl + "/realms/telehealth/protocol/openid-connect/auth");
    }

    /** Fills in Keycloak's form; returns the name the portal's header shows once back. */
    String signIn(String username, String password) throws IOException, InterruptedException {
        browser.type("#username", username);
        browser.type("#password", password);
        browser.click("#kc-login");
        return browser.waitFor(WAIT, "return location.href.startsWith(arguments[0]) && !document.getElementById('workspace').hidden"
                + " && document.getElementById('user-name').textContent", portalUrl).asText();
    }

    /** Lets the portal's origin (the page now open) use the clipboard, as a doctor's browser would ask to. */
    void allowClipboard() throws IOException, InterruptedException {
        browser.grantPermission("clipboard-read");
        browser.grantPermission("clipboard-write");
    }

    /** Waits for the free times of "New visit"; true when the portal says there are no weekly hours yet. */
    boolean asksForWeeklyHours() throws IOException, InterruptedException {
        return browser.waitFor(WAIT, "return document.querySelector('#new-visit-set-hours') ? 'ask'"
                + " : document.querySelector('#new-visit-slots input[type=radio]') ? 'slots' : null").asText().equals("ask");
    }

    /** Opens the weekly hours form from "New visit" and saves what it suggests (Monday to Friday, 09:00-17:00). */
    void saveSuggestedWeeklyHours() throws IOException, InterruptedException {
        browser.click("#new-visit-set-hours");
        browser.waitFor(WAIT, "return document.getElementById('hours-dialog').open");
        browser.click("#save-hours");
        browser.waitFor(WAIT, "return !document.getElementById('hours-dialog').open"
                + " && document.querySelector('#new-visit-slots input[type=radio]')");
    }

    /** Registers a new patient from "New visit", who is then the visit's patient. */
    void registerPatient(String fullName, String dateOfBirth) throws IOException, InterruptedException {
        browser.click("#show-register-patient");
        browser.type("#patient-full-name", fullName);
        // A date field's typing order depends on the browser's language: set the value as the picker would.
        browser.execute("const input = document.getElementById('patient-birth-date'); input.value = arguments[0];"
                + " input.dispatchEvent(new Event('change', {bubbles: true}));", dateOfBirth);
        browser.click("#register-patient");
        awaitChosenPatient(fullName);
    }

    /** Finds a registered patient by name and chooses them. */
    void choosePatient(String fullName) throws IOException, InterruptedException {
        browser.type("#patient-search", fullName);
        browser.waitFor(WAIT, "return [...document.querySelectorAll('#patient-results button')]"
                + ".some(b => b.textContent.includes(arguments[0]))", fullName);
        browser.click("#patient-results button");
        awaitChosenPatient(fullName);
    }

    /** Books the first free time shown; returns the new visit's id (the item the focus moves to). */
    String bookFirstFreeTime(String reason) throws IOException, InterruptedException {
        browser.waitFor(WAIT, "return document.querySelector('#new-visit-slots input[type=radio]')");
        browser.click("#new-visit-slots input[type=radio]");
        if (reason != null) {
            browser.type("#visit-reason", reason);
        }
        browser.click("#book-visit");
        browser.waitFor(WAIT, "return document.getElementById('book-result').textContent.startsWith('Visit booked')");
        return browser.waitFor(WAIT, "return document.activeElement.dataset.visitId").asText();
    }

    /** The text of a visit's item in the lists (time, patient, reason, status). */
    String visitText(String visitId) throws IOException, InterruptedException {
        return browser.waitFor(WAIT, "const item = document.getElementById('visit-' + arguments[0]); return item && item.textContent",
                visitId).asText();
    }

    /** Waits until a visit's item shows a status (as the API names it); returns its badge's words. */
    String awaitStatus(String visitId, String status) throws IOException, InterruptedException {
        return browser.waitFor(WAIT, "const item = document.getElementById('visit-' + arguments[0]);"
                + " return item && item.dataset.status === arguments[1] && item.querySelector('[data-status-badge]').textContent",
                visitId, status).asText();
    }

    /** The start of a visit as its item shows it (ISO instant). */
    String startOf(String visitId) throws IOException, InterruptedException {
        return browser.waitFor(WAIT, "const time = document.querySelector('#visit-' + arguments[0] + ' time');"
                + " return time && time.getAttribute('datetime')", visitId).asText();
    }

    /** Where the visit's "Open visit" button leads (the doctor's call page), once the visit shows. */
    String openVisitHref(String visitId) throws IOException, InterruptedException {
        return browser.waitFor(WAIT, "const a = document.querySelector(arguments[0]); return a && a.href",
                "#visit-" + visitId + " [data-action=open]").asText();
    }

    /** What "Copy patient link" shows and puts on the clipboard. */
    record CopiedLink(String confirmation, String shownLink, String clipboard) {
    }

    CopiedLink copyPatientLink(String visitId) throws IOException, InterruptedException {
        return copyLink(visitId, "copy-link");
    }

    /** What "Invite a guest" shows and puts on the clipboard: a new guest's link. */
    CopiedLink inviteGuest(String visitId) throws IOException, InterruptedException {
        return copyLink(visitId, "invite-guest");
    }

    private CopiedLink copyLink(String visitId, String action) throws IOException, InterruptedException {
        browser.click("#visit-" + visitId + " [data-action=" + action + "]");
        String feedback = "#visit-" + visitId + " .visit-feedback";
        String shown = browser.waitFor(WAIT, "const field = document.querySelector(arguments[0] + ' input');"
                + " return field && field.value", feedback).asText();
        String confirmation = browser.execute("return document.querySelector(arguments[0] + ' p').textContent", feedback).asText();
        String clipboard = browser.executeAsync(WAIT, "const done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, error => done('clipboard unreadable: ' + error));").asText();
        return new CopiedLink(confirmation, shown, clipboard);
    }

    /** Moves a visit to the last free time of the day the dialog shows; returns the new start. */
    String rescheduleToLastFreeTime(String visitId) throws IOException, InterruptedException {
        String before = startOf(visitId);
        browser.click("#visit-" + visitId + " [data-action=reschedule]");
        browser.waitFor(WAIT, "return document.getElementById('reschedule-dialog').open"
                + " && document.querySelector('#reschedule-slots input[type=radio]')");
        browser.click("#reschedule-slots .slot:last-child input[type=radio]");
        browser.click("#confirm-reschedule");
        return browser.waitFor(WAIT, "const time = document.querySelector('#visit-' + arguments[0] + ' time');"
                + " return !document.getElementById('reschedule-dialog').open && time"
                + " && time.getAttribute('datetime') !== arguments[1] && time.getAttribute('datetime')", visitId, before).asText();
    }

    void cancel(String visitId, String reason) throws IOException, InterruptedException {
        browser.click("#visit-" + visitId + " [data-action=cancel]");
        browser.waitFor(WAIT, "return document.getElementById('cancel-dialog').open");
        browser.type("#cancel-reason", reason);
        browser.click("#confirm-cancel");
        browser.waitFor(WAIT, "return !document.getElementById('cancel-dialog').open");
    }

    /** Waits until the page's live region has said something containing {@code text}; returns all it says. */
    String awaitAnnouncement(String text) throws IOException, InterruptedException {
        return browser.waitFor(WAIT, "const said = document.getElementById('announcer').textContent;"
                + " return said.includes(arguments[0]) && said", text).asText();
    }

    /** Signs out through Keycloak; returns what the portal says once back. */
    String signOut() throws IOException, InterruptedException {
        browser.click("#sign-out");
        return browser.waitFor(WAIT, "return location.href.startsWith(arguments[0]) && !document.getElementById('gate').hidden"
                + " && document.getElementById('gate-message').textContent", portalUrl).asText();
    }

    void clickSignIn() throws IOException, InterruptedException {
        browser.click("#sign-in");
    }

    private void awaitChosenPatient(String fullName) throws IOException, InterruptedException {
        browser.waitFor(WAIT, "const chosen = document.getElementById('chosen-patient');"
                + " return !chosen.hidden && chosen.textContent.includes(arguments[0])", fullName);
    }
}
