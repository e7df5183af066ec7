import { Announcer } from './announcer.js';
import { byId } from './dom.js';
import { inspectLink, takeJoinToken } from './join-link.js';
import { KeycloakLogin, LoginError } from './keycloak.js';
import { endNotice } from './messages.js';
import { exposeForTests } from './test-hook.js';
import { VisitCall } from './visit.js';
import { Views } from './views.js';

/**
 * Starts the visit page. Who is visiting comes from the address:
 *
 * - `/visit/{id}?t=<join link token>` (or `#t=…`): the patient. The token is taken out of the
 *   address at once, the link is checked for visible problems, then the device check shows.
 * - `/visit/{id}/host`: the doctor, who signs in with Keycloak (PKCE) first.
 * - `/visit/{id}` without a token (the doctor portal's "Open visit", or a patient who lost part of
 *   the link): a silent Keycloak sign-in; a doctor with a Keycloak session goes straight in, anyone
 *   else is told to open their link again (or to sign in as the doctor).
 */
const PAGE_PATH = /^\/visit\/([0-9a-fA-F-]{36})(\/host)?\/?$/;

const views = new Views();
const announcer = new Announcer(byId('announcer'));

start().catch((error) => {
  views.notice(error instanceof LoginError ? { ...endNotice('login-failed'), text: error.message } : endNotice('failure'),
    { onRetry: () => window.location.reload() });
});

async function start() {
  const path = PAGE_PATH.exec(window.location.pathname);
  if (!path) {
    views.notice({ title: 'This is not a visit address', text: 'Please open the link you received for your visit.' });
    return;
  }
  const visitId = path[1];
  const hostPage = Boolean(path[2]);
  // The token leaves the address bar before anything else can go wrong.
  const token = hostPage ? null : takeJoinToken(visitId);
  const config = await loadConfig();
  const socketUrl = `${socketBaseOf(config)}/ws/visits/${encodeURIComponent(visitId)}`;
  const hostUrl = `${window.location.origin}/visit/${visitId}/host`;

  if (token) {
    startPatient(visitId, token, socketUrl);
    return;
  }
  const login = new KeycloakLogin(config, hostUrl);
  if (!hostPage) {
    views.loading('Checking who you are…');
    await login.login({ silent: true });
    return;
  }
  const signIn = () => login.login().catch((error) => views.notice({ ...endNotice('login-failed'), text: error.message }));
  const outcome = await login.completeLogin();
  if (outcome === 'none') {
    views.loading('Signing you in…');
    await login.login();
    return;
  }
  if (outcome === 'silent-refused') {
    views.notice(endNotice('no-link'), { onSignIn: signIn });
    return;
  }
  if (!login.roles.includes('doctor') && !login.roles.includes('admin')) {
    views.notice(endNotice('not-a-doctor'), { onSignIn: () => login.login({ prompt: 'login' }) });
    return;
  }
  const visit = new VisitCall({
    visitId, socketUrl, role: 'doctor', link: null, views, announcer, onSignIn: signIn,
    tokenProvider: () => login.accessToken(),
  });
  exposeForTests(visit);
  visit.showCheck();
}

function startPatient(visitId, token, socketUrl) {
  const link = inspectLink(token, visitId);
  if (link.problem) {
    views.notice(endNotice(link.problem, { role: 'patient', link }));
    return;
  }
  const visit = new VisitCall({
    visitId, socketUrl, role: 'patient', link, views, announcer, onSignIn: null,
    tokenProvider: async () => token,
  });
  exposeForTests(visit);
  visit.showCheck();
}

async function loadConfig() {
  const response = await fetch('/visit/config.json', { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) {
    throw new Error(`the page's settings could not be loaded (HTTP ${response.status})`);
  }
  return response.json();
}

/** ws(s)://host of the visit socket: the configured one, else this page's own origin. */
function socketBaseOf(config) {
  if (config.socketUrl) {
    return config.socketUrl.replace(/\/+$/, '');
  }
  return `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}`;
}
