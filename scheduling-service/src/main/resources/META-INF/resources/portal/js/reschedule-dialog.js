import { showFieldProblem, showProblem } from './form-errors.js';
import { runModal } from './modal.js';
import { SlotPicker } from './slot-picker.js';
import { formatDateTime, formatDay, formatTime, localDate } from './time.js';

/** Moves a scheduled visit to another free slot of the doctor. */
export class RescheduleDialog {
  #api;
  #announcer;
  #dialog = document.getElementById('reschedule-dialog');
  #picker;

  constructor({ api, announcer, onSetHours }) {
    this.#api = api;
    this.#announcer = announcer;
    this.#picker = new SlotPicker(this.#dialog.querySelector('#reschedule-slots'), { api, idPrefix: 'reschedule', onSetHours });
  }

  /** Resolves true when the visit was moved. */
  open(visit) {
    this.#dialog.querySelector('#reschedule-summary').textContent =
      `${visit.patientName}, now ${formatDateTime(visit.startsAt)}. Pick the new time.`;
    const loading = this.#picker.load(localDate(visit.startsAt));
    const opened = runModal(this.#dialog, async (form) => {
      const slot = this.#picker.selected();
      if (!slot) {
        showFieldProblem(form, 'startsAt', 'Pick one of the free times.');
        this.#picker.focus();
        return false;
      }
      try {
        await this.#api.post(`/api/appointments/${encodeURIComponent(visit.id)}/reschedule`,
          { startsAt: slot.start, durationMinutes: slot.minutes });
      } catch (error) {
        if (error.status === 409 && error.title === 'Time not available') {
          // Taken meanwhile: fresh free times, and the reason next to them.
          await this.#picker.load(localDate(slot.start), { jump: false });
          showFieldProblem(form, 'startsAt', error.message);
        } else {
          showProblem(form, error, (field) => (field === 'durationMinutes' ? 'startsAt' : field));
        }
        this.#picker.focus();
        return false;
      }
      this.#announcer.announce(`The visit with ${visit.patientName} moved to ${formatDay(slot.start)} at ${formatTime(slot.start)}.`);
      return true;
    });
    loading.then(() => this.#dialog.open && this.#picker.focus());
    return opened;
  }
}
