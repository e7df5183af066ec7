import { byId } from './dom.js';

const NAMES = ['loading', 'notice', 'check', 'waiting', 'call'];

/**
 * The page's views (loading, notice, device check, waiting room, call): one shows at a time, and
 * showing one moves the focus to its heading, so that screen readers say where the person is now.
 */
export class Views {
  #current = 'loading';
  #retry = null;
  #signIn = null;

  constructor() {
    byId('notice-retry').addEventListener('click', () => this.#retry?.());
    byId('notice-sign-in').addEventListener('click', () => this.#signIn?.());
  }

  get current() {
    return this.#current;
  }

  show(name) {
    for (const view of NAMES) {
      byId(`view-${view}`).hidden = view !== name;
    }
    if (this.#current !== name) {
      this.#current = name;
      byId(`view-${name}`).querySelector('h1')?.focus();
    }
  }

  loading(text) {
    byId('loading-text').textContent = text;
    this.show('loading');
  }

  /**
   * A notice ({title, text, retry?: label, signIn?: label}); `onRetry` and `onSignIn` run when the
   * person presses the offered button.
   */
  notice({ title, text, retry, signIn }, { onRetry, onSignIn } = {}) {
    byId('notice-title').textContent = title;
    byId('notice-text').textContent = text;
    document.title = `${title} · Telehealth`;
    const retryButton = byId('notice-retry');
    retryButton.hidden = !(retry && onRetry);
    retryButton.textContent = retry || 'Try again';
    this.#retry = onRetry;
    const signInButton = byId('notice-sign-in');
    signInButton.hidden = !(signIn && onSignIn);
    signInButton.textContent = typeof signIn === 'string' ? signIn : 'Sign in';
    this.#signIn = onSignIn;
    this.#current = null; // always move the focus: a new notice is news
    this.show('notice');
  }
}
