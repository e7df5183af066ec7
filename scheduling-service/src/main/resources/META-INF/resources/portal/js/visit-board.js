import { SessionEndedError } from './auth.js';
import { el, hiddenText } from './elements.js';
import { addDays, browserZone, formatDateTime, formatDay, formatShortDay, formatTime, localDate, startOfDay } from './time.js';

/** The patient's own link: the same for every copy, until the visit is moved or cancelled. */
const PATIENT_LINK = {
  action: 'copy-link', dataKey: 'joinLink', noun: 'the patient link', label: 'Patient link', note: '',
  fetch: (api, id) => api.get(`/api/appointments/${id}/join-link`),
};

/** A new guest (interpreter, family member) per click; each waits to be admitted. */
const GUEST_LINK = {
  action: 'invite-guest', dataKey: 'guestLink', noun: 'a guest link', label: 'Guest link',
  note: 'Send it to one guest only: they wait until you admit them. ',
  fetch: (api, id) => api.post(`/api/appointments/${id}/guest-links`),
};

const UPCOMING_DAYS = 30;

/** Status words shown with every badge (never colour alone), and a glyph that is decoration only. */
const STATUS = {
  SCHEDULED: { label: 'Scheduled', icon: '○' },
  WAITING: { label: 'In the waiting room', icon: '●' },
  IN_PROGRESS: { label: 'In progress', icon: '▶' },
  COMPLETED: { label: 'Completed', icon: '✓' },
  CANCELLED: { label: 'Cancelled', icon: '✕' },
  NO_SHOW: { label: 'No-show', icon: '–' },
};
const ACTIVE = new Set(['SCHEDULED', 'WAITING', 'IN_PROGRESS']);

/**
 * The "Today" and "Upcoming" lists, reloaded every few seconds so that a patient who enters the
 * waiting room shows up (and is announced). Items are kept and updated in place by visit id, so a
 * reload neither moves the keyboard focus nor wipes a copied link. Each visit offers what its status
 * allows: open, copy the patient's link, invite a guest, reschedule, cancel.
 */
export class VisitBoard {
  #api;
  #config;
  #announcer;
  #actions;
  #elements;
  #items = new Map();
  #statuses = null;
  #timer = 0;
  #loading = null;
  #baseTitle = document.title;

  /**
   * @param actions {reschedule(visit), cancel(visit)}: each resolves true when the visit changed
   */
  constructor({ api, config, announcer, actions }) {
    this.#api = api;
    this.#config = config;
    this.#announcer = announcer;
    this.#actions = actions;
    const byId = (id) => document.getElementById(id);
    this.#elements = {
      todayDate: byId('today-date'), todayList: byId('today-list'), todayEmpty: byId('today-empty'),
      upcomingList: byId('upcoming-list'), upcomingEmpty: byId('upcoming-empty'),
      note: byId('refresh-note'), error: byId('board-error'),
    };
  }

  start() {
    this.refresh();
    // Also in a background tab (browsers slow it down there): its title counts the waiting patients.
    this.#timer = setInterval(() => this.refresh(), this.#config.refreshSeconds * 1000);
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        this.refresh();
      }
    });
  }

  stop() {
    clearInterval(this.#timer);
  }

  /** Reloads both lists; concurrent calls share one reload. */
  refresh() {
    this.#loading ??= this.#load().finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  /** Moves the focus to a visit's item, e.g. the one just booked. */
  focusVisit(id) {
    const item = this.#items.get(id);
    if (item) {
      item.li.focus();
      item.li.scrollIntoView({ block: 'nearest' });
    }
  }

  async #load() {
    const today = localDate();
    const tomorrow = startOfDay(addDays(today, 1));
    let todays;
    let upcoming;
    try {
      [todays, upcoming] = await Promise.all([
        this.#api.get('/api/appointments', { day: today, zone: browserZone() }),
        this.#api.get('/api/appointments', {
          from: tomorrow.toISOString(),
          to: startOfDay(addDays(today, UPCOMING_DAYS + 1)).toISOString(),
        }),
      ]);
    } catch (error) {
      if (error instanceof SessionEndedError) {
        this.stop();
        return;
      }
      this.#showError(`The visit lists could not be updated: ${error.message}`);
      return;
    }
    // "from" selects visits ending after it: one crossing midnight belongs to today only.
    upcoming = upcoming.filter((visit) => new Date(visit.startsAt) >= tomorrow);
    this.#showError('');
    this.#announceChanges(todays.concat(upcoming));
    this.#elements.todayDate.textContent = formatDay(today);
    this.#renderList(this.#elements.todayList, this.#elements.todayEmpty, todays, false);
    this.#renderList(this.#elements.upcomingList, this.#elements.upcomingEmpty, upcoming, true);
    this.#elements.note.textContent = `Updated at ${new Date().toLocaleTimeString()}`;
  }

  #showError(message) {
    if (this.#elements.error.textContent !== message) {
      this.#elements.error.textContent = message;
    }
    this.#elements.error.hidden = !message;
  }

  #announceChanges(visits) {
    const waiting = visits.filter((visit) => visit.status === 'WAITING');
    if (this.#statuses === null) {
      if (waiting.length > 0) {
        this.#announcer.announce(`${waiting.length} ${waiting.length === 1 ? 'patient is' : 'patients are'} in the waiting room.`);
      }
    } else {
      const arrived = waiting.filter((visit) => this.#statuses.get(visit.id) !== 'WAITING');
      if (arrived.length > 0) {
        this.#announcer.announce(arrived
          .map((visit) => `${visit.patientName} is in the waiting room for the visit at ${formatTime(visit.startsAt)}.`).join(' '));
      }
    }
    this.#statuses = new Map(visits.map((visit) => [visit.id, visit.status]));
    document.title = waiting.length > 0 ? `(${waiting.length} waiting) ${this.#baseTitle}` : this.#baseTitle;
  }

  #renderList(list, empty, visits, showDay) {
    const active = document.activeElement;
    const items = visits.map((visit) => this.#itemFor(visit, showDay));
    const current = [...list.children];
    if (current.length !== items.length || current.some((li, i) => li !== items[i])) {
      list.replaceChildren(...items);
    }
    empty.hidden = visits.length > 0;
    if (active instanceof HTMLElement && active.isConnected && document.activeElement !== active) {
      active.focus({ preventScroll: true });
    }
    for (const [id, item] of this.#items) {
      if (!item.li.isConnected) {
        this.#items.delete(id);
      }
    }
  }

  /** The item of a visit: the existing one, updated only when something it shows has changed. */
  #itemFor(visit, showDay) {
    const signature = JSON.stringify([visit, showDay]);
    let item = this.#items.get(visit.id);
    if (item && item.signature === signature) {
      return item.li;
    }
    if (!item) {
      const feedback = el('div', { class: 'visit-feedback', 'aria-live': 'polite' });
      item = { li: el('li', { class: 'visit', id: `visit-${visit.id}`, tabindex: '-1' }), feedback };
      this.#items.set(visit.id, item);
    }
    const focusedAction = item.li.contains(document.activeElement) ? document.activeElement.dataset.action : null;
    if (!ACTIVE.has(visit.status)) {
      item.feedback.replaceChildren(); // its link no longer works
    }
    item.signature = signature;
    item.li.className = `visit status-${visit.status.toLowerCase().replace('_', '-')}`;
    item.li.dataset.visitId = visit.id;
    item.li.dataset.status = visit.status;
    item.li.replaceChildren(this.#summary(visit, showDay), this.#buttons(visit, item), item.feedback);
    if (focusedAction) {
      (item.li.querySelector(`[data-action="${focusedAction}"]`) || item.li).focus({ preventScroll: true });
    }
    return item.li;
  }

  #summary(visit, showDay) {
    const status = STATUS[visit.status] || { label: visit.status, icon: '' };
    return el('div', { class: 'visit-summary' },
      el('p', { class: 'visit-when' },
        showDay ? el('span', { class: 'visit-day', text: `${formatShortDay(visit.startsAt)} ` }) : null,
        el('time', { datetime: visit.startsAt, text: formatTime(visit.startsAt) }),
        el('span', { class: 'visit-end' }, hiddenText(' to '), el('span', { 'aria-hidden': 'true', text: '–' }),
          el('time', { datetime: visit.endsAt, text: formatTime(visit.endsAt) }))),
      el('div', { class: 'visit-who' },
        el('h4', { class: 'visit-patient', text: visit.patientName || 'Unknown patient' }),
        visit.reason ? el('p', { class: 'visit-reason', text: visit.reason }) : null),
      el('p', { class: `badge badge-${visit.status.toLowerCase().replace('_', '-')}`, dataset: { statusBadge: visit.status } },
        hiddenText('Status: '), el('span', { class: 'badge-icon', 'aria-hidden': 'true', text: status.icon }), status.label));
  }

  #buttons(visit, item) {
    const context = ` for ${visit.patientName || 'the patient'}, ${formatDateTime(visit.startsAt)}`;
    const button = (action, label, handler, kind = 'secondary') => el('button', {
      type: 'button', class: `button ${kind} small`, dataset: { action },
      on: { click: handler },
    }, label, hiddenText(context));
    const buttons = [];
    if (ACTIVE.has(visit.status)) {
      buttons.push(el('a', {
        class: `button ${visit.status === 'WAITING' ? 'primary' : 'secondary'} small`, dataset: { action: 'open' },
        href: `${this.#config.visitUrl}${encodeURIComponent(visit.id)}/host`, target: '_blank', rel: 'noopener noreferrer',
      }, 'Open visit', hiddenText(`${context} (new tab)`)));
      buttons.push(button('copy-link', 'Copy patient link', () => this.#copyLink(visit, item, PATIENT_LINK)));
      buttons.push(button('invite-guest', 'Invite a guest', () => this.#copyLink(visit, item, GUEST_LINK)));
    }
    if (visit.status === 'SCHEDULED') {
      buttons.push(button('reschedule', 'Reschedule', () => this.#change(visit, this.#actions.reschedule)));
    }
    if (visit.status === 'SCHEDULED' || visit.status === 'WAITING') {
      buttons.push(button('cancel', 'Cancel', () => this.#change(visit, this.#actions.cancel), 'danger-outline'));
    }
    return el('div', { class: 'visit-actions' }, buttons);
  }

  async #change(visit, action) {
    if (await action(visit)) {
      await this.refresh();
      this.focusVisit(visit.id);
    }
  }

  /** Fetches a link of the kind (the patient's, or a new guest's), copies it and shows it in the visit's row. */
  async #copyLink(visit, item, kind) {
    const { feedback } = item;
    feedback.replaceChildren(el('p', { text: `Getting ${kind.noun}…` }));
    let link;
    try {
      link = await kind.fetch(this.#api, encodeURIComponent(visit.id));
    } catch (error) {
      feedback.replaceChildren(el('p', { class: 'feedback-error', text: `No link: ${error.message}` }));
      return;
    }
    let copied = false;
    try {
      await navigator.clipboard.writeText(link.url);
      copied = true;
    } catch {
      copied = false; // no Clipboard API (not HTTPS) or no permission: the field below is the way
    }
    const inputId = `link-${visit.id}`;
    const input = el('input', {
      type: 'text', id: inputId, class: 'link-field', readOnly: true, value: link.url, spellcheck: 'false',
      dataset: { [kind.dataKey]: visit.id }, on: { focus: (event) => event.target.select() },
    });
    feedback.replaceChildren(
      el('p', { class: copied ? 'feedback-ok' : 'feedback-warn' }, copied
        ? `${kind.label} copied. ${kind.note}It opens the visit from ${formatDateTime(link.validFrom)} to ${formatDateTime(link.validUntil)}.`
        : 'The link could not be copied automatically: it is selected below, copy it with Ctrl+C (⌘C on a Mac).'),
      el('div', { class: 'link-row' },
        el('label', { for: inputId, text: kind.label }), input,
        el('button', {
          type: 'button', class: 'button secondary small', text: 'Hide link',
          on: { click: () => {
            feedback.replaceChildren();
            item.li.querySelector(`[data-action="${kind.action}"]`)?.focus();
          } },
        })));
    if (!copied) {
      input.focus();
    }
  }
}
