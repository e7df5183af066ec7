import { clearProblems, showFieldProblem, showProblem } from './form-errors.js';
import { PatientPicker } from './patient-picker.js';
import { SlotPicker } from './slot-picker.js';
import { formatDay, formatTime, localDate } from './time.js';

/**
 * "New visit": a patient (found or registered), one of the doctor's free slots, an optional
 * reason; booked in the doctor's own calendar. A slot taken meanwhile (409) reloads the free times.
 */
export class NewVisitForm {
  #api;
  #announcer;
  #onBooked;
  #form = document.getElementById('new-visit-form');
  #result = document.getElementById('book-result');
  #patients;
  #slots;

  constructor({ api, announcer, onSetHours, onBooked }) {
    this.#api = api;
    this.#announcer = announcer;
    this.#onBooked = onBooked;
    this.#patients = new PatientPicker(document.getElementById('patient-picker'), { api, announcer });
    this.#slots = new SlotPicker(document.getElementById('new-visit-slots'), { api, idPrefix: 'new-visit', onSetHours });
    this.#form.addEventListener('submit', (event) => this.#book(event));
  }

  start() {
    return this.#slots.load();
  }

  /** Puts the focus on the first thing to do: find the patient (or the chosen one). */
  focus() {
    this.#patients.focus();
  }

  /** Reloads the free times (after new weekly hours, or a visit moved or cancelled). */
  reloadSlots() {
    return this.#slots.load(localDate(), { jump: true });
  }

  async #book(event) {
    event.preventDefault();
    const form = this.#form;
    const panel = document.getElementById('new-visit');
    clearProblems(panel);
    this.#result.textContent = '';
    const patient = this.#patients.patient;
    const slot = this.#slots.selected();
    if (!patient || !slot) {
      if (!patient) {
        showFieldProblem(panel, 'patientId', 'Choose a patient or register a new one.');
      }
      if (!slot) {
        showFieldProblem(panel, 'startsAt', 'Pick one of the free times.');
      }
      if (patient) {
        this.#slots.focus();
      } else {
        this.#patients.focus();
      }
      return;
    }
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    let visit;
    try {
      visit = await this.#api.post('/api/appointments', {
        patientId: patient.id,
        startsAt: slot.start,
        durationMinutes: slot.minutes,
        reason: form.elements.reason.value.trim() || null,
      });
    } catch (error) {
      if (error.status === 409) {
        // Taken meanwhile: fresh free times, and the reason next to them.
        await this.#slots.load(localDate(slot.start), { jump: false });
        showFieldProblem(panel, 'startsAt', error.message);
        this.#slots.focus();
        return;
      }
      const general = form.querySelector('[data-error-for="*"]');
      const invalid = showProblem(panel, error, (field) => (field === 'durationMinutes' ? 'startsAt' : field), general);
      (invalid || general).focus?.();
      return;
    } finally {
      submit.disabled = false;
    }
    const message = `Visit booked: ${visit.patientName}, ${formatDay(visit.startsAt)} at ${formatTime(visit.startsAt)}.`;
    this.#result.textContent = message;
    this.#announcer.announce(message);
    form.elements.reason.value = '';
    this.#patients.reset();
    await Promise.all([this.#slots.reset(), this.#onBooked(visit)]);
  }
}
