/**
 * Signs the doctor in with Keycloak: OpenID Connect authorization code flow with PKCE (S256) for a
 * public client, in plain browser code.
 *
 *   portal ──302──> Keycloak /auth (code_challenge, state, nonce)      verifier, state, nonce in sessionStorage
 *   portal <─────── #code=…&state=…  (response_mode=fragment: never sent to a server, never in a Referer)
 *   portal ──POST── Keycloak /token (code, code_verifier) ──> access, refresh and id token, kept in memory only
 *
 * The access token is refreshed shortly before it expires (Keycloak rotates refresh tokens: one
 * refresh at a time, always with the newest). Signing out ends the Keycloak session (end-session
 * endpoint). A reload signs in again, silently while Keycloak's own session lasts.
 */

const PENDING_LOGIN = 'telehealth.portal.pending-login';
const SIGNED_OUT = 'telehealth.portal.signed-out';
/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 30_000;
/** After a failed refresh that may be temporary (network), try again after this long. */
const RETRY_MS = 15_000;

/** The doctor is no longer signed in (refresh refused, or never was). */
export class SessionEndedError extends Error {}

/** Keycloak sent back an error, or an answer this tab did not ask for. */
export class LoginError extends Error {}

export class KeycloakSession extends EventTarget {
  #realmUrl;
  #clientId;
  #redirectUri;
  #tokens = null;
  #expiresAt = 0;
  #refreshing = null;
  #timer = 0;

  /** @param {{authServerUrl: string, clientId: string}} config from /portal/config.json */
  constructor(config) {
    super();
    this.#realmUrl = config.authServerUrl.replace(/\/+$/, '');
    this.#clientId = config.clientId;
    // The portal's own folder (…/portal/): the realm allows <portal URL>/* as redirect URI.
    this.#redirectUri = new URL('.', window.location.href).href;
  }

  /** Claims of the ID token (name, preferred_username…), or an empty object. */
  get profile() {
    return this.#tokens?.id_token ? payloadOf(this.#tokens.id_token) : {};
  }

  /** Sends the browser to Keycloak's login page. Never returns normally. */
  async login() {
    requireSecureContext();
    const pending = { verifier: randomUrlSafe(32), state: randomUrlSafe(16), nonce: randomUrlSafe(16) };
    sessionStorage.setItem(PENDING_LOGIN, JSON.stringify(pending));
    const url = new URL(`${this.#realmUrl}/protocol/openid-connect/auth`);
    url.search = new URLSearchParams({
      client_id: this.#clientId,
      redirect_uri: this.#redirectUri,
      response_type: 'code',
      response_mode: 'fragment',
      scope: 'openid',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await challengeOf(pending.verifier),
      code_challenge_method: 'S256',
    }).toString();
    window.location.assign(url.href);
    return new Promise(() => {});
  }

  /**
   * Finishes a login when Keycloak has just sent the browser back here: checks the state, trades
   * the code for tokens and removes the code from the address bar. False when there is nothing to
   * finish.
   */
  async completeLogin() {
    const answer = new URLSearchParams(window.location.hash.slice(1));
    if (!answer.has('code') && !answer.has('error')) {
      return false;
    }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    const pending = JSON.parse(sessionStorage.getItem(PENDING_LOGIN) || 'null');
    sessionStorage.removeItem(PENDING_LOGIN);
    if (answer.has('error')) {
      throw new LoginError(`Keycloak did not sign you in: ${answer.get('error_description') || answer.get('error')}.`);
    }
    if (!pending || pending.state !== answer.get('state')) {
      throw new LoginError('This sign-in was not started from this tab (or was already used). Please sign in again.');
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
    return true;
  }

  /** True once, right after Keycloak sent the browser back from signing out. */
  consumeSignedOut() {
    const signedOut = sessionStorage.getItem(SIGNED_OUT) === '1';
    sessionStorage.removeItem(SIGNED_OUT);
    return signedOut;
  }

  /** Ends the Keycloak session and comes back to the portal's signed-out page. */
  logout() {
    const url = new URL(`${this.#realmUrl}/protocol/openid-connect/logout`);
    url.searchParams.set('client_id', this.#clientId);
    url.searchParams.set('post_logout_redirect_uri', this.#redirectUri);
    if (this.#tokens?.id_token) {
      url.searchParams.set('id_token_hint', this.#tokens.id_token);
    }
    sessionStorage.setItem(SIGNED_OUT, '1');
    this.#forget();
    window.location.assign(url.href);
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
        this.#schedule(RETRY_MS); // Keycloak unreachable for now; the access token still works
        throw error;
      }
      this.#forget();
      this.dispatchEvent(new Event('ended'));
      throw new SessionEndedError('Your session has ended.');
    }
  }

  #accept(tokens) {
    const idToken = tokens.id_token || this.#tokens?.id_token;
    this.#tokens = { ...tokens, id_token: idToken };
    this.#expiresAt = Date.now() + tokens.expires_in * 1000;
    this.#schedule(Math.max(5_000, tokens.expires_in * 1000 - REFRESH_AHEAD_MS));
  }

  #schedule(delay) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.refresh().catch(() => {}), delay);
  }

  #forget() {
    clearTimeout(this.#timer);
    this.#tokens = null;
    this.#expiresAt = 0;
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

function requireSecureContext() {
  if (!window.isSecureContext || !window.crypto?.subtle) {
    throw new LoginError('The portal must be opened over HTTPS (or on localhost): signing in needs the browser\'s Web Crypto.');
  }
}

function randomUrlSafe(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
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
