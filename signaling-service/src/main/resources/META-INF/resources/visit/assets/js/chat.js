import { el, formatTime } from './dom.js';

const MAX_CHARS = 2000;
const ROLE_NAMES = { doctor: 'Doctor', patient: 'Patient', guest: 'Guest' };

/**
 * The call's chat: a log of lines (who by role, when, what; text only, never markup) that screen
 * readers hear as they arrive, and a form that sends on Enter. Lines are not stored anywhere: a
 * participant sees what is said while they are in the call.
 */
export class ChatPanel extends EventTarget {
  #ui;
  #send;
  #selfId = null;

  /**
   * @param ui {form, input, error, log}
   * @param {(text: string) => boolean} send sends a chat message; false when not connected
   */
  constructor(ui, send) {
    super();
    this.#ui = ui;
    this.#send = send;
    ui.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
    ui.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#submit();
      }
    });
    ui.input.addEventListener('input', () => {
      ui.error.textContent = '';
    });
  }

  /** Whose lines are "You". */
  set selfId(id) {
    this.#selfId = id;
  }

  /** Adds a line from the server's `chat` message. */
  add({ from, role, text, at }) {
    const mine = from === this.#selfId;
    const when = new Date(at);
    const time = Number.isNaN(when.getTime()) ? new Date() : when;
    this.#ui.log.append(el('li', { class: `chat-line${mine ? ' mine' : ''}`, dataset: { role } },
      el('p', { class: 'chat-meta' },
        el('span', { class: 'chat-from', text: mine ? 'You' : ROLE_NAMES[role] || 'Guest' }), ' ',
        el('time', { datetime: time.toISOString(), text: formatTime(time) })),
      el('p', { class: 'chat-text', text })));
    this.#ui.log.scrollTop = this.#ui.log.scrollHeight;
    if (!mine) {
      this.dispatchEvent(new CustomEvent('incoming', { detail: { role } }));
    }
  }

  clear() {
    this.#ui.log.replaceChildren();
    this.#ui.input.value = '';
    this.#ui.error.textContent = '';
  }

  focus() {
    this.#ui.input.focus();
  }

  #submit() {
    const text = this.#ui.input.value.trim();
    if (!text) {
      this.#ui.error.textContent = 'Type a message first.';
      return;
    }
    if ([...text].length > MAX_CHARS) {
      this.#ui.error.textContent = `A message can have at most ${MAX_CHARS} characters.`;
      return;
    }
    if (!this.#send(text)) {
      this.#ui.error.textContent = 'Not connected right now: your message was not sent. Try again in a moment.';
      return;
    }
    this.#ui.input.value = '';
  }
}
