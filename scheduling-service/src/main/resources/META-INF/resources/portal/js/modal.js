import { clearProblems } from './form-errors.js';

/**
 * Runs a form inside a modal <dialog>: the browser keeps focus inside and closes it on Escape; the
 * focus goes back to what opened it. `submit(form)` resolves true when the dialog's job is done.
 * Resolves true after a successful submit, false when the doctor closed the dialog.
 */
export function runModal(dialog, submit, initialFocus) {
  const form = dialog.querySelector('form');
  const submitButton = form.querySelector('button[type=submit]');
  const closeButtons = [...form.querySelectorAll('[data-close]')];
  const opener = document.activeElement;
  clearProblems(form);
  return new Promise((resolve) => {
    let finished = false;
    const finish = (result) => {
      if (finished) {
        return;
      }
      finished = true;
      form.removeEventListener('submit', onSubmit);
      dialog.removeEventListener('close', onClose);
      closeButtons.forEach((button) => button.removeEventListener('click', onClose));
      if (dialog.open) {
        dialog.close();
      }
      if (opener instanceof HTMLElement && opener.isConnected) {
        opener.focus();
      }
      resolve(result);
    };
    const onSubmit = async (event) => {
      event.preventDefault();
      submitButton.disabled = true;
      try {
        if (await submit(form)) {
          finish(true);
        }
      } finally {
        submitButton.disabled = false;
      }
    };
    const onClose = () => finish(false);
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener('close', onClose);
    closeButtons.forEach((button) => button.addEventListener('click', onClose));
    dialog.showModal();
    initialFocus?.focus();
  });
}
