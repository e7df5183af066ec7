import { Announcer } from './announcer.js';
import { Api } from './api.js';
import { KeycloakSession, LoginError } from './auth.js';
import { CancelDialog } from './cancel-dialog.js';
import { NewVisitForm } from './new-visit.js';
import { RescheduleDialog } from './reschedule-dialog.js';
import { VisitBoard } from './visit-board.js';
import { WeeklyHoursDialog } from './weekly-hours-dialog.js';

/**
 * The doctor portal: signs the doctor in with Keycloak, then shows today's and upcoming visits and
 * the "New visit" form. Until signed in (or after signing out) only the gate shows.
 */
const gate = {
  section: document.getElementById('gate'),
  message: document.getElementById('gate-message'),
  signIn: document.getElementById('sign-in'),
};
const announcer = new Announcer(document.getElementById('announcer'));

start().catch((error) => showGate(error instanceof LoginError ? error.message
  : `The portal could not start: ${error.message}`, true));

async function start() {
  const config = await loadConfig();
  const session = new KeycloakSession(config);
  gate.signIn.addEventListener('click', () => session.login().catch((error) => showGate(error.message, true)));

  const signedIn = await session.completeLogin();
  if (!signedIn) {
    if (session.consumeSignedOut()) {
      showGate('You have signed out.', true);
      return;
    }
    await session.login();
    return;
  }

  const api = new Api(session);
  const me = await api.get('/api/me');
  const account = document.getElementById('account');
  document.getElementById('user-name').textContent = session.profile.name || me.username;
  document.getElementById('sign-out').addEventListener('click', () => session.logout());
  account.hidden = false;
  if (!me.roles.includes('doctor')) {
    showGate(`The portal is for doctors, and ${me.username} is not one. Sign out to use another account.`, false);
    return;
  }
  openWorkspace(api, config, session);
}

async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`its settings could not be loaded (HTTP ${response.status})`);
  }
  return response.json();
}

function openWorkspace(api, config, session) {
  const hours = new WeeklyHoursDialog({ api, announcer });
  let newVisit;
  const editHours = async () => {
    if (await hours.open()) {
      await newVisit.reloadSlots();
    }
  };
  const cancel = new CancelDialog({ api, announcer });
  const reschedule = new RescheduleDialog({ api, announcer, onSetHours: editHours });
  const board = new VisitBoard({
    api, config, announcer,
    actions: {
      cancel: async (visit) => (await cancel.open(visit)) && (newVisit.reloadSlots(), true),
      reschedule: async (visit) => (await reschedule.open(visit)) && (newVisit.reloadSlots(), true),
    },
  });
  newVisit = new NewVisitForm({
    api, announcer, onSetHours: editHours,
    onBooked: async (visit) => {
      await board.refresh();
      board.focusVisit(visit.id);
    },
  });
  document.getElementById('edit-hours').addEventListener('click', editHours);
  document.getElementById('jump-new-visit').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('new-visit').scrollIntoView({ block: 'start' });
    newVisit.focus();
  });
  session.addEventListener('ended', () => {
    board.stop();
    showGate('Your session has ended. Sign in again to continue.', true);
  });

  gate.section.hidden = true;
  document.getElementById('workspace').hidden = false;
  board.start();
  newVisit.start();
}

function showGate(message, offerSignIn) {
  document.getElementById('workspace').hidden = true;
  gate.section.hidden = false;
  gate.message.textContent = message;
  gate.signIn.hidden = !offerSignIn;
  if (offerSignIn) {
    gate.signIn.focus();
  }
}
