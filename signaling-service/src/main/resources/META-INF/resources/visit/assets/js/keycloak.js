/**
 * Signs the doctor, or a patient with an account, in on the visit page with Keycloak: authorization
 * code flow with PKCE (S256), public client, tokens in memory only. The same client and realm as the
 * doctor portal, so a doctor coming from the portal is signed in without typing anything (Keycloak's
 * own session).
 *
 *   page ──302──> Keycloak /auth (code_challenge, state, nonce[, prompt=none])   verifier, state, nonce in sessionStorage
 *   page <─────── #code=…&state=…  (response_mode=fragment: never sent to a server, never in a Referer)
 *   page ──POST── Keycloak /token (code, code_verifier) ──> access, refresh and id token
 *
 * A silent attempt (prompt=none) comes back with `login_required` when there is no Keycloak
 * session; the page then offers a sign-in button instead of failing.
 */

const PENDING_LOGIN = 'telehealth.visit.pending-login';
const REFRESH_AHEAD_MS = 30_000;
const SILENT_REFUSALS = new Set(['login_required', 'interaction_required', 'consent_required', 'account_selection_required']);

/** Keycloak sent back an error, or an answer this tab did not ask for. */
export class LoginError extends Error {}

/** The person is no longer signed in (refresh refused). */
export class SessionEndedError extends Error {}

export class KeycloakLogin extends EventTarget {
  #realmUrl;
  #clientId;
  #redirectUri;
  #tokens = null;
  #expiresAt = 0;
  #refreshing = null;
  #timer = 0;

  /**
   * @param {{authServerUrl: string, clientId: string}} config from /visit/config.json
   * @param {string} redirectUri this visit's doctor page, where Keycloak sends the browser back
   */
  constructor(config, redirectUri) {
    super();
    this.#realmUrl = config.authServerUrl.replace(/\/+$/, '');
    this.#clientId = config.clientId;
    this.#redirectUri = redirectUri;
  }

  /**
   * Sends the browser to Keycloak; `silent`: no login form, straight back with a code or an error;
   * `prompt: 'login'`: the login form even with a Keycloak session (to switch accounts). Never
   * returns normally.
   */
  async login({ silent = false, prompt = null } = {}) {
    if (!window.isSecureContext || !window.crypto?.subtle) {
      throw new LoginError('This page must be opened over HTTPS (or on localhost) to sign in.');
    }
    const pending = { verifier: randomUrlSafe(32), state: randomUrlSafe(16), nonce: randomUrlSafe(16), silent };
    sessionStorage.setItem(PENDING_LOGIN, JSON.stringify(pending));
    const url = new URL(`${this.#realmUrl}/protocol/openid-connect/auth`);
    const parameters = {
      client_id: this.#clientId,
      redirect_uri: this.#redirectUri,
      response_type: 'code',
      response_mode: 'fragment',
      scope: 'openid',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await challengeOf(pending.verifier),
      code_challenge_method: 'S256',
    };
    if (silent || prompt) {
      parameters.prompt = silent ? 'none' : prompt;
    }
    url.search = new URLSearchParams(parameters).toString();
    window.location.assign(url.href);
    return new Promise(() => {});
  }

  /**
   * Finishes a login Keycloak has just sent the browser back from: `signed-in`, `silent-refused`
   * (a silent attempt found no Keycloak session) or `none` (nothing to finish). Removes the answer
   * from the address bar.
   */
  async completeLogin() {
    const answer = new URLSearchParams(window.location.hash.slice(1));
    if (!answer.has('code') && !answer.has('error')) {
      return 'none';
    }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    const pending = JSON.parse(sessionStorage.getItem(PENDING_LOGIN) || 'null');
    sessionStorage.removeItem(PENDING_LOGIN);
    if (!pending || pending.state !== answer.get('state')) {
      throw new LoginError('This sign-in was not started from this tab (or was already used). Please sign in again.');
    }
    if (answer.has('error')) {
      if (pending.silent && SILENT_REFUSALS.has(answer.get('error'))) {
        return 'silent-refused';
      }
      throw new LoginError(`Keycloak did not sign you in: ${answer.get('error_description') || answer.get('error')}.`);
    }
    if (answer.has('iss') && answer.get('iss') !== this.#realmUrl) {
      throw new LoginError('The sign-in answer came from an unexpected server. Please sign in again.');
    }
    const tokens = await this.#tokenRequest({
      grant_type: 'authorization_code',
      code: answer.get('code'),
      redirect_uri: this.#redirectUri,
      code_verifier: pending.verifier,
    });
    if (!tokens.id_token || payloadOf(tokens.id_token).nonce !== pending.nonce) {
      throw new LoginError('The sign-in answer does not belong to this sign-in. Please sign in again.');
    }
    this.#accept(tokens);
    return 'signed-in';
  }

  /** Realm roles of the signed-in user, from the access token. */
  get roles() {
    return this.#tokens ? payloadOf(this.#tokens.access_token).realm_access?.roles || [] : [];
  }

  /** A valid access token, refreshed first when it is about to expire. */
  async accessToken() {
    if (!this.#tokens) {
      throw new SessionEndedError('You are not signed in.');
    }
    if (Date.now() > this.#expiresAt - 10_000) {
      await this.refresh();
    }
    return this.#tokens.access_token;
  }

  /** Trades the refresh token for new tokens; concurrent callers share one request. */
  refresh() {
    if (!this.#refreshing) {
      this.#refreshing = this.#refreshOnce().finally(() => {
        this.#refreshing = null;
      });
    }
    return this.#refreshing;
  }

  async #refreshOnce() {
    if (!this.#tokens?.refresh_token) {
      throw new SessionEndedError('You are not signed in.');
    }
    try {
      this.#accept(await this.#tokenRequest({ grant_type: 'refresh_token', refresh_token: this.#tokens.refresh_token }));
    } catch (error) {
      if (error instanceof TypeError && Date.now() < this.#expiresAt) {
        this.#schedule(15_000); // Keycloak unreachable for now; the access token still works
        throw error;
      }
      clearTimeout(this.#timer);
      this.#tokens = null;
      this.dispatchEvent(new Event('ended'));
      throw new SessionEndedError('Your sign-in has ended.');
    }
  }

  #accept(tokens) {
    this.#tokens = { ...tokens, id_token: tokens.id_token || this.#tokens?.id_token };
    this.#expiresAt = Date.now() + tokens.expires_in * 1000;
    this.#schedule(Math.max(5_000, tokens.expires_in * 1000 - REFRESH_AHEAD_MS));
  }

  #schedule(delay) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.refresh().catch(() => {}), delay);
  }

  async #tokenRequest(parameters) {
    const response = await fetch(`${this.#realmUrl}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...parameters, client_id: this.#clientId }),
      cache: 'no-store',
      credentials: 'omit',
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new LoginError(`Keycloak refused the sign-in: ${body.error_description || body.error || `HTTP ${response.status}`}.`);
    }
    return body;
  }
}

function randomUrlSafe(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier) {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The claims of a JWT, unverified: it came straight from Keycloak's token endpoint. */
function payloadOf(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
}
