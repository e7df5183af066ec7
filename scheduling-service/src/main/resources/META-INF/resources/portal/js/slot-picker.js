import { ApiError } from './api.js';
import { el } from './elements.js';
import { addDays, formatDay, formatShortDay, formatTime, localDate, minutesBetween } from './time.js';

/** Free slots are fetched for this many days from the chosen day, to point to the next free day. */
const LOOKAHEAD_DAYS = 14;

/**
 * Picks one of the doctor's free slots: a day, then a time among that day's free slots (radio
 * buttons: arrow keys move between times). Used by "New visit" and "Reschedule". When the doctor
 * has no weekly hours yet it says so and offers to set them (`onSetHours`).
 */
export class SlotPicker {
  #api;
  #idPrefix;
  #onSetHours;
  #dayInput;
  #status;
  #slotsBox;
  #error;
  #slots = [];
  #request = 0;

  constructor(container, { api, idPrefix, onSetHours }) {
    this.#api = api;
    this.#idPrefix = idPrefix;
    this.#onSetHours = onSetHours;
    const dayId = `${idPrefix}-day`;
    this.#dayInput = el('input', {
      type: 'date', id: dayId, name: 'day', required: true, 'aria-describedby': `${idPrefix}-slot-error`,
      on: { change: () => this.#dayInput.value && this.load(this.#dayInput.value, { jump: false }) },
    });
    this.#status = el('p', { class: 'slot-status', id: `${idPrefix}-slot-status`, role: 'status' });
    this.#slotsBox = el('div', { class: 'slots' });
    this.#error = el('p', { class: 'field-error', id: `${idPrefix}-slot-error`, dataset: { errorFor: 'startsAt' } });
    container.replaceChildren(
      el('div', { class: 'field' }, el('label', { for: dayId, text: 'Day' }), this.#dayInput),
      this.#status, this.#slotsBox, this.#error);
  }

  /** The chosen slot ({start, end, minutes}), or null. */
  selected() {
    const checked = this.#slotsBox.querySelector('input[type=radio]:checked');
    if (!checked) {
      return null;
    }
    const slot = this.#slots[Number(checked.value)];
    return { ...slot, minutes: minutesBetween(slot.start, slot.end) };
  }

  /** Focuses the first time (or the day field when there is none), e.g. after "pick a time". */
  focus() {
    (this.#slotsBox.querySelector('input[type=radio]') || this.#dayInput).focus();
  }

  /**
   * Shows the free slots of `day`. With `jump`, a day without free slots gives way to the next day
   * that has some (the first view); without it, the next free day is offered as a button.
   */
  async load(day = localDate(), { jump = true } = {}) {
    const today = localDate();
    if (day < today) {
      day = today;
    }
    this.#dayInput.min = today;
    this.#dayInput.value = day;
    const request = ++this.#request;
    this.#status.textContent = 'Looking for free times…';
    this.#slotsBox.replaceChildren();
    let slots;
    try {
      slots = await this.#api.get('/api/doctors/me/free-slots', { from: day, to: addDays(day, LOOKAHEAD_DAYS - 1) });
    } catch (error) {
      if (request === this.#request) {
        this.#status.textContent = `Free times could not be loaded: ${error.message}`;
      }
      return;
    }
    if (request !== this.#request) {
      return; // a later day was chosen meanwhile
    }
    this.#slots = slots;
    const onDay = slots.map((slot, index) => ({ ...slot, index })).filter((slot) => localDate(slot.start) === day);
    if (onDay.length > 0) {
      this.#render(day, onDay);
      return;
    }
    if (slots.length === 0) {
      await this.#explainNoSlots(day, request).catch((error) => {
        this.#status.textContent = `Free times could not be loaded: ${error.message}`;
      });
      return;
    }
    const nextDay = localDate(slots[0].start);
    if (jump) {
      this.#dayInput.value = nextDay;
      this.#render(nextDay, slots.map((slot, index) => ({ ...slot, index })).filter((slot) => localDate(slot.start) === nextDay),
        `No free times on ${formatDay(day)}; showing the next free day.`);
      return;
    }
    this.#status.textContent = `No free times on ${formatDay(day)}.`;
    this.#slotsBox.replaceChildren(el('button', {
      type: 'button', class: 'button secondary',
      text: `Show the next free day, ${formatShortDay(nextDay)}`,
      on: { click: () => this.load(nextDay, { jump: false }).then(() => this.focus()) },
    }));
  }

  reset() {
    this.#error.textContent = '';
    return this.load();
  }

  #render(day, slots, note = '') {
    const legendId = `${this.#idPrefix}-times-legend`;
    this.#status.textContent = `${note ? `${note} ` : ''}${slots.length} free ${slots.length === 1 ? 'time' : 'times'} on ${formatDay(day)}.`;
    this.#slotsBox.replaceChildren(el('fieldset', { class: 'slot-group', 'aria-describedby': this.#error.id },
      el('legend', { id: legendId, text: `Free times on ${formatDay(day)}` }),
      el('div', { class: 'slot-grid' }, slots.map((slot) => {
        const id = `${this.#idPrefix}-slot-${slot.index}`;
        return el('span', { class: 'slot' },
          el('input', { type: 'radio', name: `${this.#idPrefix}-slot`, id, value: String(slot.index), dataset: { start: slot.start } }),
          el('label', { for: id },
            el('time', { datetime: slot.start, text: formatTime(slot.start) }),
            el('span', { class: 'visually-hidden', text: ` to ${formatTime(slot.end)}` })));
      }))));
  }

  async #explainNoSlots(day, request) {
    let hasHours = true;
    try {
      await this.#api.get('/api/doctors/me/availability');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) {
        throw error;
      }
      hasHours = false;
    }
    if (request !== this.#request) {
      return;
    }
    if (hasHours) {
      this.#status.textContent = `No free times in the ${LOOKAHEAD_DAYS} days from ${formatDay(day)}. Pick a later day or widen your weekly hours.`;
      return;
    }
    this.#status.textContent = 'You have not set your weekly hours yet, so there are no free times to book.';
    this.#slotsBox.replaceChildren(el('button', {
      type: 'button', class: 'button primary', id: `${this.#idPrefix}-set-hours`, text: 'Set weekly hours',
      on: { click: () => this.#onSetHours() },
    }));
  }
}
