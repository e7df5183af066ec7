/**
 * The patient's join link token: taken from the address the patient opened, then removed from the
 * address bar (history, bookmarks, a screen share of the browser window) and kept for this tab only
 * (sessionStorage), so that reloading the page during the visit still works.
 *
 * Scheduling writes links as `/visit/<id>?t=<token>`; `#t=<token>` and `#<token>` work too (a
 * fragment never reaches a server). The claims are read without checking the signature, only to
 * explain problems early and in plain words: signaling-service decides.
 */

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function storageKey(visitId) {
  return `telehealth.visit.${visitId}.join-token`;
}

/** The token in the address (removed from it) or kept from earlier in this tab; null if none. */
export function takeJoinToken(visitId, location = window.location, history = window.history, storage = sessionStorage) {
  const query = new URLSearchParams(location.search);
  const fragment = location.hash.slice(1);
  const fromFragment = new URLSearchParams(fragment).get('t') || (COMPACT_JWS.test(fragment) ? fragment : null);
  const fromAddress = query.get('t') || fromFragment;
  if (query.has('t') || fromFragment) {
    query.delete('t');
    const rest = query.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : ''));
  }
  if (fromAddress) {
    storage.setItem(storageKey(visitId), fromAddress);
    return fromAddress;
  }
  return storage.getItem(storageKey(visitId));
}

/** Forgets the tab's token, once it can no longer be used (visit over, link refused). */
export function forgetJoinToken(visitId, storage = sessionStorage) {
  storage.removeItem(storageKey(visitId));
}

/** The token's claims ({visit, nbf, exp, ...}), or null when it is no JWT at all. */
export function claimsOf(token) {
  if (!COMPACT_JWS.test(token || '')) {
    return null;
  }
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '='));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return claims && typeof claims === 'object' ? claims : null;
  } catch {
    return null;
  }
}

/**
 * What is visibly wrong with a link before trying it: `malformed`, `other-visit`, `expired` (with
 * `at`, a little beyond the end so that a fast clock does not turn a patient away), or null.
 * `opensAt` is set when the link's window has not begun yet (only a hint: clocks differ).
 */
export function inspectLink(token, visitId, now = Date.now()) {
  const claims = claimsOf(token);
  if (!claims || typeof claims.exp !== 'number') {
    return { problem: 'malformed' };
  }
  if (typeof claims.visit === 'string' && claims.visit.toLowerCase() !== visitId.toLowerCase()) {
    return { problem: 'other-visit' };
  }
  const endsAt = new Date(claims.exp * 1000);
  if (endsAt.getTime() < now - 120_000) {
    return { problem: 'expired', at: endsAt };
  }
  const opensAt = typeof claims.nbf === 'number' && claims.nbf * 1000 > now ? new Date(claims.nbf * 1000) : null;
  return { problem: null, opensAt, endsAt };
}
