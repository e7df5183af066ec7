/**
 * Speaks updates that happen away from the keyboard focus (a patient entering the waiting room, a
 * visit booked) through one polite live region. Clearing first makes a repeated message heard again.
 */
export class Announcer {
  #region;
  #timer = 0;

  constructor(region) {
    this.#region = region;
  }

  announce(message) {
    clearTimeout(this.#timer);
    this.#region.textContent = '';
    this.#timer = setTimeout(() => {
      this.#region.textContent = message;
    }, 50);
  }
}
