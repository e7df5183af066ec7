import { el } from './elements.js';
import { clearProblems, showFieldProblem, showProblem } from './form-errors.js';
import { formatBirthDate } from './time.js';

const SEARCH_DELAY_MS = 250;
const MIN_SEARCH_LENGTH = 2;

/**
 * Chooses the patient of a new visit: search by name and pick one, or register a new patient
 * (name, date of birth, optional email and phone), who is then chosen. Calls `onChange(patient)`.
 */
export class PatientPicker {
  #api;
  #announcer;
  #onChange;
  #patient = null;
  #searchTimer = 0;
  #searchRequest = 0;
  #chosen;
  #chooser;
  #search;
  #searchStatus;
  #results;
  #registerToggle;
  #registerForm;

  constructor(container, { api, announcer, onChange = () => {} }) {
    this.#api = api;
    this.#announcer = announcer;
    this.#onChange = onChange;

    this.#chosen = el('div', { class: 'chosen-patient', id: 'chosen-patient', tabindex: '-1', hidden: true });
    this.#search = el('input', {
      type: 'search', id: 'patient-search', autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': 'patient-search-hint patient-error', 'aria-controls': 'patient-results',
      on: { input: () => this.#scheduleSearch() },
    });
    this.#searchStatus = el('p', { class: 'search-status', id: 'patient-search-status', role: 'status' });
    this.#results = el('ul', { class: 'patient-results', id: 'patient-results', 'aria-label': 'Matching patients' });
    this.#registerToggle = el('button', {
      type: 'button', class: 'link-button', id: 'show-register-patient', 'aria-expanded': 'false',
      'aria-controls': 'register-patient-form', text: 'Register a new patient',
      on: { click: () => this.#toggleRegister() },
    });
    this.#registerForm = this.#buildRegisterForm();
    this.#chooser = el('div', { class: 'patient-chooser' },
      el('div', { class: 'field' },
        el('label', { for: 'patient-search', text: 'Find a patient by name' }),
        this.#search,
        el('p', { class: 'hint', id: 'patient-search-hint', text: `Type at least ${MIN_SEARCH_LENGTH} letters of the name.` })),
      this.#searchStatus, this.#results, this.#registerToggle, this.#registerForm);
    container.replaceChildren(this.#chosen, this.#chooser,
      el('p', { class: 'field-error', id: 'patient-error', dataset: { errorFor: 'patientId' } }));
  }

  get patient() {
    return this.#patient;
  }

  /** Puts the focus where the doctor continues: the search field, or the chosen patient. */
  focus() {
    (this.#patient ? this.#chosen : this.#search).focus();
  }

  reset() {
    this.#patient = null;
    this.#search.value = '';
    this.#results.replaceChildren();
    this.#searchStatus.textContent = '';
    this.#closeRegister();
    this.#chosen.hidden = true;
    this.#chooser.hidden = false;
  }

  #choose(patient, message) {
    this.#patient = patient;
    this.#chosen.replaceChildren(
      el('p', {}, el('span', { class: 'chosen-label', text: 'Patient: ' }), el('strong', { id: 'chosen-patient-name', text: patient.fullName }),
        el('span', { class: 'chosen-detail', text: `, born ${formatBirthDate(patient.dateOfBirth)}` })),
      el('button', {
        type: 'button', class: 'button secondary small', text: 'Change patient',
        on: { click: () => this.#change() },
      }));
    this.#chosen.hidden = false;
    this.#chooser.hidden = true;
    document.getElementById('patient-error').textContent = '';
    this.#search.removeAttribute('aria-invalid');
    this.#chosen.focus();
    this.#announcer.announce(message);
    this.#onChange(patient);
  }

  #change() {
    this.#patient = null;
    this.#chosen.hidden = true;
    this.#chooser.hidden = false;
    this.#search.focus();
    this.#onChange(null);
  }

  #scheduleSearch() {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#runSearch(), SEARCH_DELAY_MS);
  }

  async #runSearch() {
    const name = this.#search.value.trim();
    const request = ++this.#searchRequest;
    if (name.length < MIN_SEARCH_LENGTH) {
      this.#results.replaceChildren();
      this.#searchStatus.textContent = '';
      return;
    }
    let patients;
    try {
      patients = await this.#api.get('/api/patients', { name });
    } catch (error) {
      if (request === this.#searchRequest) {
        this.#searchStatus.textContent = `The search failed: ${error.message}`;
      }
      return;
    }
    if (request !== this.#searchRequest) {
      return; // the doctor kept typing
    }
    this.#searchStatus.textContent = patients.length === 0
      ? `No patient found for “${name}”. Register them below.`
      : `${patients.length} ${patients.length === 1 ? 'patient' : 'patients'} found.`;
    this.#results.replaceChildren(...patients.map((patient) => el('li', {},
      el('button', {
        type: 'button', class: 'patient-option', dataset: { patientId: patient.id },
        on: { click: () => this.#choose(patient, `${patient.fullName} chosen.`) },
      },
      el('span', { class: 'visually-hidden', text: 'Choose ' }),
      el('strong', { text: patient.fullName }),
      el('span', { class: 'patient-detail', text: ` born ${formatBirthDate(patient.dateOfBirth)}` }),
      patient.email ? el('span', { class: 'patient-detail', text: ` · ${patient.email}` }) : null))));
  }

  #buildRegisterForm() {
    const field = (id, label, input, optional = false) => el('div', { class: 'field' },
      el('label', { for: id }, label, optional ? el('span', { class: 'optional', text: ' (optional)' }) : null),
      input,
      el('p', { class: 'field-error', id: `${id}-error`, dataset: { errorFor: input.name } }));
    const input = (id, name, props = {}) => el('input', { id, name, 'aria-describedby': `${id}-error`, ...props });
    const form = el('form', {
      class: 'register-patient', id: 'register-patient-form', novalidate: true, hidden: true,
      'aria-labelledby': 'register-patient-heading',
      on: { submit: (event) => this.#register(event) },
    },
    el('h4', { id: 'register-patient-heading', text: 'Register a new patient' }),
    field('patient-full-name', 'Full name', input('patient-full-name', 'fullName', { autocomplete: 'off', required: true, maxlength: '200' })),
    field('patient-birth-date', 'Date of birth', input('patient-birth-date', 'dateOfBirth', { type: 'date', required: true })),
    el('div', { class: 'field-row' },
      field('patient-email', 'Email', input('patient-email', 'email', { type: 'email', autocomplete: 'off', maxlength: '254' }), true),
      field('patient-phone', 'Phone', input('patient-phone', 'phone', { type: 'tel', autocomplete: 'off', maxlength: '32' }), true)),
    el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: '*' } }),
    el('div', { class: 'form-actions' },
      el('button', { type: 'button', class: 'button secondary', text: 'Cancel', on: { click: () => this.#closeRegister(true) } }),
      el('button', { type: 'submit', class: 'button primary', id: 'register-patient', text: 'Register patient' })));
    form.elements.dateOfBirth.max = new Date().toISOString().slice(0, 10);
    return form;
  }

  #toggleRegister() {
    if (this.#registerForm.hidden) {
      this.#registerForm.hidden = false;
      this.#registerToggle.setAttribute('aria-expanded', 'true');
      const name = this.#registerForm.elements.fullName;
      if (!name.value && /[^\d\s]/.test(this.#search.value)) {
        name.value = this.#search.value.trim();
      }
      name.focus();
    } else {
      this.#closeRegister(true);
    }
  }

  #closeRegister(returnFocus = false) {
    this.#registerForm.hidden = true;
    this.#registerForm.reset();
    clearProblems(this.#registerForm);
    this.#registerToggle.setAttribute('aria-expanded', 'false');
    if (returnFocus) {
      this.#registerToggle.focus();
    }
  }

  async #register(event) {
    event.preventDefault();
    const form = this.#registerForm;
    const value = (name) => form.elements[name].value.trim() || null;
    const submit = form.querySelector('button[type=submit]');
    clearProblems(form);
    const missing = [
      !value('fullName') && showFieldProblem(form, 'fullName', 'Enter the patient\'s full name.'),
      !value('dateOfBirth') && showFieldProblem(form, 'dateOfBirth', 'Enter the date of birth.'),
    ].filter(Boolean);
    if (missing.length > 0) {
      missing[0].focus();
      return;
    }
    submit.disabled = true;
    try {
      const patient = await this.#api.post('/api/patients', {
        fullName: value('fullName'),
        dateOfBirth: value('dateOfBirth'),
        email: value('email'),
        phone: value('phone'),
      });
      this.#closeRegister();
      this.#choose(patient, `${patient.fullName} registered and chosen.`);
    } catch (error) {
      const invalid = showProblem(form, error);
      (invalid || form.querySelector('[data-error-for="*"]')).focus?.();
    } finally {
      submit.disabled = false;
    }
  }
}
