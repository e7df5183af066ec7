import { showProblem } from './form-errors.js';
import { runModal } from './modal.js';
import { formatDay, formatTime } from './time.js';

/** Asks before cancelling a visit, with an optional reason kept with it. */
export class CancelDialog {
  #api;
  #announcer;
  #dialog = document.getElementById('cancel-dialog');

  constructor({ api, announcer }) {
    this.#api = api;
    this.#announcer = announcer;
  }

  /** Resolves true when the visit was cancelled. */
  open(visit) {
    const reason = this.#dialog.querySelector('#cancel-reason');
    const when = `${formatDay(visit.startsAt)} at ${formatTime(visit.startsAt)}`;
    this.#dialog.querySelector('#cancel-summary').textContent = `Cancel the visit with ${visit.patientName} on ${when}?`;
    reason.value = '';
    return runModal(this.#dialog, async (form) => {
      try {
        await this.#api.post(`/api/appointments/${encodeURIComponent(visit.id)}/cancel`, { reason: reason.value.trim() || null });
      } catch (error) {
        showProblem(form, error)?.focus();
        return false;
      }
      this.#announcer.announce(`The visit with ${visit.patientName} on ${when} is cancelled.`);
      return true;
    }, reason);
  }
}
