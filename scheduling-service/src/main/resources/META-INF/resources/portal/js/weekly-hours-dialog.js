import { ApiError } from './api.js';
import { el, hiddenText } from './elements.js';
import { showProblem } from './form-errors.js';
import { runModal } from './modal.js';
import { browserZone } from './time.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WORKDAYS = new Set(DAYS.slice(0, 5));

/**
 * The doctor's weekly hours in a simple form: a time zone, a visit length, and at most one range of
 * hours per day (the API allows several; a day that has several is shown with a note).
 */
export class WeeklyHoursDialog {
  #api;
  #announcer;
  #dialog = document.getElementById('hours-dialog');
  #form = this.#dialog.querySelector('form');

  constructor({ api, announcer }) {
    this.#api = api;
    this.#announcer = announcer;
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    this.#dialog.querySelector('#hours-zones').replaceChildren(...zones.map((zone) => el('option', { value: zone })));
    this.#dialog.querySelector('#hours-days').replaceChildren(...DAYS.map((day) => this.#row(day)));
  }

  /** Resolves true when new hours were saved. */
  async open() {
    let current = null;
    try {
      current = await this.#api.get('/api/doctors/me/availability');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) {
        this.#announcer.announce(`Your weekly hours could not be loaded: ${error.message}`);
        return false;
      }
    }
    this.#fill(current);
    return runModal(this.#dialog, (form) => this.#save(form), this.#form.elements.timeZone);
  }

  #row(day) {
    const name = day.charAt(0).toUpperCase() + day.slice(1);
    const id = `hours-${day}`;
    const toggle = el('input', {
      type: 'checkbox', id: `${id}-on`, name: `${day}-on`,
      on: { change: () => this.#enableRow(day) },
    });
    const time = (part, label) => [
      el('label', { for: `${id}-${part}`, class: 'time-label' }, label, hiddenText(` (${name})`)),
      el('input', { type: 'time', id: `${id}-${part}`, name: `${day}-${part}`, step: '300', 'aria-describedby': `${id}-error` }),
    ];
    return el('div', { class: 'day-row', dataset: { day } },
      el('span', { class: 'day-toggle' }, toggle, el('label', { for: `${id}-on`, text: name })),
      el('span', { class: 'day-times' }, time('start', 'From'), time('end', 'to')),
      el('p', { class: 'hint day-note', id: `${id}-note`, hidden: true }),
      el('p', { class: 'field-error', id: `${id}-error`, dataset: { errorFor: day } }));
  }

  #fill(current) {
    const form = this.#form;
    form.elements.timeZone.value = current?.timeZone || browserZone();
    form.elements.slotMinutes.value = String(current?.slotMinutes || 30);
    if (form.elements.slotMinutes.value === '') {
      form.elements.slotMinutes.append(new Option(`${current.slotMinutes} minutes`, String(current.slotMinutes), true, true));
    }
    for (const day of DAYS) {
      const rules = current ? current.weekly.filter((rule) => rule.day === day) : [];
      form.elements[`${day}-on`].checked = current ? rules.length > 0 : WORKDAYS.has(day);
      form.elements[`${day}-start`].value = rules[0]?.start || '09:00';
      form.elements[`${day}-end`].value = rules[0]?.end || '17:00';
      const note = form.querySelector(`#hours-${day}-note`);
      note.hidden = rules.length < 2;
      note.textContent = rules.length < 2 ? ''
        : `This day has ${rules.length} ranges (${rules.map((rule) => `${rule.start}–${rule.end}`).join(', ')}); saving keeps the first only.`;
      this.#enableRow(day);
    }
  }

  #enableRow(day) {
    const on = this.#form.elements[`${day}-on`].checked;
    this.#form.elements[`${day}-start`].disabled = !on;
    this.#form.elements[`${day}-end`].disabled = !on;
  }

  async #save(form) {
    const sent = DAYS.filter((day) => form.elements[`${day}-on`].checked);
    const body = {
      timeZone: form.elements.timeZone.value.trim(),
      slotMinutes: Number(form.elements.slotMinutes.value),
      weekly: sent.map((day) => ({ day, start: form.elements[`${day}-start`].value, end: form.elements[`${day}-end`].value })),
    };
    try {
      await this.#api.put('/api/doctors/me/availability', body);
    } catch (error) {
      // The API names rules by their index in what was sent: weekly[2].end is the third checked day.
      const invalid = showProblem(form, error, (field) => {
        const rule = /^weekly\[(\d+)]/.exec(field);
        if (rule) {
          return sent[Number(rule[1])] ?? field;
        }
        return field === 'zone' ? 'timeZone' : field;
      });
      (invalid || form.querySelector('[data-error-for="*"]'))?.focus?.();
      return false;
    }
    this.#announcer.announce('Your weekly hours are saved.');
    return true;
  }
}
