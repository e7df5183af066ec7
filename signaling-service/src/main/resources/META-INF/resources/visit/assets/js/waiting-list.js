import { el, formatTime, hiddenText } from './dom.js';

const ROLE_NAMES = { doctor: 'Doctor', patient: 'Patient', guest: 'Guest' };

/**
 * The doctor's waiting room: who is waiting (by role, since when), each with Admit and Decline.
 * Someone arriving is announced; after a decision the focus moves to the next person, or to the
 * panel's heading when nobody is left, so that a keyboard user never loses their place.
 */
export class WaitingList extends EventTarget {
  #ui;
  #since = new Map();
  #items = new Map();

  /** @param ui {panel, list, empty, heading} */
  constructor(ui) {
    super();
    this.#ui = ui;
  }

  get count() {
    return this.#items.size;
  }

  /** The server's `waiting` list: [{participantId, role}]. */
  update(waiting) {
    const ids = new Set(waiting.map((member) => member.participantId));
    const hadFocus = this.#ui.list.contains(document.activeElement);
    for (const [id, item] of this.#items) {
      if (!ids.has(id)) {
        item.remove();
        this.#items.delete(id);
        this.#since.delete(id);
      }
    }
    const arrived = [];
    for (const member of waiting) {
      if (!this.#items.has(member.participantId)) {
        this.#since.set(member.participantId, new Date());
        const item = this.#item(member);
        this.#items.set(member.participantId, item);
        this.#ui.list.append(item);
        arrived.push(member);
      }
    }
    this.#ui.empty.hidden = this.#items.size > 0;
    if (hadFocus && !this.#ui.list.contains(document.activeElement)) {
      this.#focusNext();
    }
    if (arrived.length) {
      this.dispatchEvent(new CustomEvent('arrived', { detail: { roles: arrived.map((member) => member.role) } }));
    }
  }

  clear() {
    this.update([]);
  }

  #item(member) {
    const who = ROLE_NAMES[member.role] || 'Guest';
    const decide = (type) => (event) => {
      const buttons = event.currentTarget.closest('.waiting-actions').querySelectorAll('button');
      if (event.currentTarget.getAttribute('aria-disabled') === 'true') {
        return;
      }
      // aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page
      buttons.forEach((button) => button.setAttribute('aria-disabled', 'true'));
      this.dispatchEvent(new CustomEvent('decide', { detail: { type, participantId: member.participantId } }));
    };
    return el('li', { class: 'waiting-item', dataset: { participant: member.participantId, role: member.role } },
      el('p', { class: 'waiting-who' }, el('strong', { text: who }),
        el('span', { class: 'waiting-since', text: ` waiting since ${formatTime(this.#since.get(member.participantId))}` })),
      el('div', { class: 'waiting-actions' },
        el('button', { type: 'button', class: 'button primary small', dataset: { action: 'admit' }, on: { click: decide('admit') } },
          'Admit', hiddenText(` the ${who.toLowerCase()}`)),
        el('button', { type: 'button', class: 'button danger-outline small', dataset: { action: 'decline' }, on: { click: decide('decline') } },
          'Decline', hiddenText(` the ${who.toLowerCase()}`))));
  }

  #focusNext() {
    const next = this.#ui.list.querySelector('button[data-action="admit"]');
    (next || this.#ui.heading).focus();
  }
}
