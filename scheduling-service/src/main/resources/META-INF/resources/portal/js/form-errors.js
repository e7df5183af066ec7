import { ApiError } from './api.js';

/**
 * Shows an API refusal inside a form: each field error in the `[data-error-for="<field>"]` element
 * next to its input (which gets aria-invalid), anything else in the `general` alert (by default the
 * container's first `[data-error-for="*"]`). `fieldOf` maps the API's field names (`weekly[2].end`)
 * to the form's own. Returns the first invalid input, to move the focus there.
 */
export function showProblem(container, error, fieldOf = (field) => field,
  general = container.querySelector('[data-error-for="*"]')) {
  clearProblems(container);
  const unplaced = [];
  let firstInvalid = null;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  for (const { field, message } of fieldErrors) {
    const slot = container.querySelector(`[data-error-for="${CSS.escape(fieldOf(field))}"]`);
    if (!slot) {
      unplaced.push(`${field}: ${message}`);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${capitalized(message)}.` : `${capitalized(message)}.`;
    const input = slot.id ? container.querySelector(`[aria-describedby~="${CSS.escape(slot.id)}"]`) : null;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      firstInvalid ??= input;
    }
  }
  if (fieldErrors.length === 0 || unplaced.length > 0) {
    const text = fieldErrors.length === 0 ? error.message : `${error.title || 'Invalid request'}: ${unplaced.join('; ')}`;
    if (general) {
      general.textContent = text;
    }
  }
  return firstInvalid;
}

/** Shows one message for one field (a check made before calling the API). */
export function showFieldProblem(container, field, message) {
  const slot = container.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
  if (slot) {
    slot.textContent = message;
  }
  const input = slot?.id ? container.querySelector(`[aria-describedby~="${CSS.escape(slot.id)}"]`) : null;
  input?.setAttribute('aria-invalid', 'true');
  return input;
}

export function clearProblems(container) {
  container.querySelectorAll('[data-error-for]').forEach((slot) => {
    slot.textContent = '';
  });
  container.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

function capitalized(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
