/**
 * Speaks updates that happen away from the keyboard focus (someone joined, the connection came
 * back) through one polite live region. Clearing first makes a repeated message heard again.
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
