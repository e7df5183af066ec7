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
 * - `/visit/{id}/host`: where every Keycloak sign-in (PKCE) comes back to. The account's realm role
 *   decides: a doctor (or admin) hosts; a patient joins as a patient (the address goes back to
 *   `/visit/{id}`), and signaling lets them in only to a visit that is theirs.
 * - `/visit/{id}` without a token (the doctor portal's "Open visit", a patient with an account, or
 *   a patient who lost the link): a silent Keycloak sign-in; whoever has a Keycloak session goes
 *   straight in as above; anyone else is asked to open their link again, or to sign in with their
 *   account.
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
  const signIn = (options) => login.login(options).catch((error) => views.notice({ ...endNotice('login-failed'), text: error.message }));
  const switchAccount = () => signIn({ prompt: 'login' });
  const patientAddress = `/visit/${visitId}`;
  const outcome = await login.completeLogin();
  if (outcome === 'none') {
    views.loading('Signing you in…');
    await login.login();
    return;
  }
  if (outcome === 'silent-refused') {
    // most likely a patient without their link: their address, not the doctor's
    window.history.replaceState(null, '', patientAddress);
    views.notice(endNotice('no-link'), { onSignIn: () => signIn() });
    return;
  }
  const roles = login.roles;
  if (roles.includes('doctor') || roles.includes('admin')) {
    startSignedIn(visitId, 'doctor', login, socketUrl, () => signIn());
  } else if (roles.includes('patient')) {
    window.history.replaceState(null, '', patientAddress);
    startSignedIn(visitId, 'patient', login, socketUrl, switchAccount);
  } else {
    views.notice(endNotice('no-visit-role'), { onSignIn: switchAccount });
  }
}

/** A doctor, or a patient who signed in instead of opening their link: a fresh access token for every hello. */
function startSignedIn(visitId, role, login, socketUrl, onSignIn) {
  const visit = new VisitCall({
    visitId, socketUrl, role, link: null, views, announcer, onSignIn,
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
