import { CallView, labelsOf } from './call-view.js';
import { ChatPanel } from './chat.js';
import { DeviceCheck } from './devices.js';
import { byId, formatDateTime } from './dom.js';
import { forgetJoinToken } from './join-link.js';
import { MediaSession } from './media.js';
import { endNotice } from './messages.js';
import { RecordingConsent } from './recording.js';
import { VisitSocket } from './signaling.js';
import { WaitingList } from './waiting-list.js';

/** Errors the server sends about an offer under way (anything else is not about the offer). */
const OFFER_ERRORS = new Set(['invalid-sdp', 'media-unavailable', 'unknown-type', 'invalid-message', 'message-too-large', 'not-allowed']);
/** Failed attempts to get in at all before the page says the service cannot be reached. */
const UNREACHABLE_AFTER = 5;
/** Endings after which the patient's link cannot be used again. */
const LINK_IS_SPENT = new Set(['visit-ended', 'declined', 'visit-cancelled', 'link-superseded', 'invalid-token', 'forbidden']);

/**
 * One person's visit, from the device check to the end: the visit socket, the waiting room, the
 * call (tiles, controls, chat, the doctor's waiting list and "End visit") and the media session.
 * The same for patients (join link or Keycloak) and doctors (Keycloak); the server's `welcome` says
 * which role the person has, and the doctor's parts show for hosts only.
 */
export class VisitCall {
  #visitId;
  #views;
  #announcer;
  #link;
  #expectedRole;
  #onSignIn;
  #socket;
  #devices;
  #media;
  #tiles;
  #chat;
  #waiting;
  #recording;
  #phase = 'check';
  #selfId = null;
  #role = null;
  #participants = new Map();
  #quality = new Map();
  #waitingTimer = 0;
  #waitingSince = 0;
  #unread = 0;

  /**
   * @param options.visitId the visit (appointment) id
   * @param options.socketUrl ws(s)://…/ws/visits/{visitId}
   * @param options.tokenProvider the token for each hello
   * @param options.role 'patient' or 'doctor': who the page expects to be (for wording before welcome)
   * @param options.link the patient's link as inspectLink saw it (window), or null
   * @param options.onSignIn how a person who came with their account (doctor, or patient signed in)
   *   signs in again, or null for a patient who came with a join link
   */
  constructor({ visitId, socketUrl, tokenProvider, role, link, onSignIn, views, announcer }) {
    this.#visitId = visitId;
    this.#views = views;
    this.#announcer = announcer;
    this.#link = link;
    this.#expectedRole = role;
    this.#onSignIn = onSignIn;
    this.#socket = new VisitSocket(socketUrl, tokenProvider);
    this.#socket.addEventListener('message', (event) => this.#received(event.detail));
    this.#socket.addEventListener('connecting', (event) => this.#connecting(event.detail));
    this.#socket.addEventListener('ended', (event) => this.#finish(event.detail.code));

    this.#devices = new DeviceCheck({
      preview: byId('check-preview'), previewEmpty: byId('preview-empty'), start: byId('start-check'),
      devices: byId('devices'), message: byId('device-message'), camera: byId('camera-select'), mic: byId('mic-select'),
      speaker: byId('speaker-select'), speakerField: byId('speaker-field'), testSpeaker: byId('test-speaker'),
      speakerResult: byId('speaker-result'), level: byId('mic-level'),
    });
    this.#devices.addEventListener('trackchange', (event) => this.#media.replaceTrack(event.detail.kind, event.detail.track));
    this.#devices.addEventListener('sinkchange', (event) => this.#tiles.setSinkId(event.detail.sinkId));

    this.#media = new MediaSession((message) => this.#socket.send(message));
    this.#media.addEventListener('streams', () => this.#render());
    this.#media.addEventListener('state', () => this.#mediaStateChanged());
    this.#media.addEventListener('media-error', (event) => this.#mediaFailed(event.detail));
    this.#media.addEventListener('unavailable', () => this.#mediaNotice('Video and sound are not available in this visit right now. You can still use the chat.'));

    this.#tiles = new CallView(byId('tiles'));
    this.#tiles.addEventListener('autoplay-blocked', () => {
      byId('enable-sound').hidden = false;
    });
    this.#chat = new ChatPanel({ form: byId('chat-form'), input: byId('chat-input'), error: byId('chat-error'), log: byId('chat-log') },
      (text) => this.#socket.send({ type: 'chat', text }));
    this.#chat.addEventListener('incoming', (event) => this.#chatArrived(event.detail.role));
    this.#waiting = new WaitingList({
      panel: byId('waiting-panel'), list: byId('waiting-list'), empty: byId('waiting-empty'), heading: byId('waiting-panel-title'),
    });
    this.#waiting.addEventListener('decide', (event) => this.#socket.send({ type: event.detail.type, participantId: event.detail.participantId }));
    this.#waiting.addEventListener('arrived', (event) => this.#announcer.announce(
      event.detail.roles.length === 1 ? `The ${roleWord(event.detail.roles[0])} is in the waiting room.`
        : `${event.detail.roles.length} people are in the waiting room.`));
    this.#recording = new RecordingConsent({
      status: byId('recording-status'), text: byId('recording-text'), toggle: byId('toggle-recording'),
      dialog: byId('consent-dialog'), accept: byId('consent-accept'), decline: byId('consent-decline'),
    }, (message) => this.#socket.send(message), (id) => labelsOf(this.#participants, this.#selfId).get(id));
    this.#wireControls();
  }

  /** The device check, first view of the visit. */
  showCheck() {
    this.#phase = 'check';
    const host = this.#expectedRole === 'doctor';
    byId('join').textContent = host ? 'Start the visit' : 'Join the visit';
    byId('start-check').addEventListener('click', () => this.#checkDevices());
    byId('join').addEventListener('click', () => this.#join());
    if (this.#link?.opensAt) {
      const hint = byId('link-window');
      hint.textContent = `Your visit opens at ${formatDateTime(this.#link.opensAt)}. You can check your camera and microphone now.`;
      hint.hidden = false;
    }
    this.#views.show('check');
  }

  /** What the test hook shows: no token, no media content. */
  snapshot() {
    const labels = labelsOf(this.#participants, this.#selfId);
    return {
      phase: this.#phase,
      role: this.#role,
      participantId: this.#selfId,
      participants: [...this.#participants].map(([id, person]) => ({ participantId: id, label: labels.get(id), ...person })),
      waiting: this.#waiting.count,
      micLevel: this.#devices.level,
      local: { audio: this.#devices.stream.getAudioTracks().length > 0, video: this.#devices.stream.getVideoTracks().length > 0 },
      socket: { open: this.#socket.isOpen, reconnects: this.#socket.reconnects },
      recording: this.#recording.snapshot(),
      media: {
        available: this.#media.available, started: this.#media.started, connectionState: this.#media.connectionState,
        offers: this.#media.offers, answers: this.#media.answers, lastError: this.#media.lastError,
        iceUsernames: this.#media.iceUsernames,
        sharingScreen: this.#media.sharingScreen,
        remote: this.#media.remoteMedia().map(({ participantId, screen, stream }) => ({
          participantId, screen, streamId: stream.id, kinds: stream.getTracks().map((track) => track.kind),
        })),
      },
    };
  }

  stats() {
    return this.#media.stats();
  }

  dropConnection() {
    this.#socket.drop();
  }

  restartMedia() {
    this.#media.requestOffer({ iceRestart: true });
  }

  async #checkDevices() {
    const found = await this.#devices.start();
    const join = byId('join');
    join.disabled = false;
    if (!found.audio && !found.video) {
      join.textContent = this.#expectedRole === 'doctor' ? 'Start without camera and microphone' : 'Join without camera and microphone';
    }
  }

  #join() {
    byId('join').disabled = true;
    this.#views.loading('Connecting to the visit…');
    this.#phase = 'joining';
    this.#socket.start();
  }

  #received(message) {
    switch (message.type) {
      case 'welcome':
        this.#welcome(message);
        break;
      case 'admitted':
        this.#media.useIceServers(message.iceServers);
        this.#announcer.announce('The doctor let you in.');
        this.#enterCall();
        break;
      case 'ice-servers':
        this.#media.useIceServers(message.iceServers);
        break;
      case 'participants':
        this.#participants = new Map(message.participants.map((person) => [person.participantId,
          { role: person.role, audio: person.audio, video: person.video }]));
        if (this.#participants.has(this.#selfId)) {
          Object.assign(this.#participants.get(this.#selfId), this.#ownState());
        }
        this.#render();
        break;
      case 'participant-joined':
        this.#participants.set(message.participantId, { role: message.role, audio: true, video: true });
        this.#render();
        this.#announcer.announce(`${labelsOf(this.#participants, this.#selfId).get(message.participantId)} joined the call.`);
        break;
      case 'participant-left': {
        const label = labelsOf(this.#participants, this.#selfId).get(message.participantId) || roleWord(message.role);
        this.#participants.delete(message.participantId);
        this.#quality.delete(message.participantId);
        this.#render();
        this.#announcer.announce(`${label} left the call.`);
        break;
      }
      case 'media-state':
        if (this.#participants.has(message.participantId)) {
          Object.assign(this.#participants.get(message.participantId), { audio: message.audio, video: message.video });
          this.#render();
        }
        break;
      case 'chat':
        this.#chat.add(message);
        break;
      case 'waiting-room':
        this.#waiting.update(message.waiting);
        document.title = `${message.waiting.length ? `(${message.waiting.length} waiting) ` : ''}Video visit · Telehealth`;
        break;
      case 'tracks':
        this.#media.setRemoteTracks(message);
        break;
      case 'media-answer':
        this.#media.answered(message.sdp);
        break;
      case 'recording-consent-requested':
        this.#recording.requested(message);
        break;
      case 'recording-state':
        this.#recording.update(message);
        break;
      case 'quality':
        this.#quality = new Map((message.participants || []).map((entry) => [entry.participantId, entry]));
        this.#render();
        break;
      case 'error':
        if (OFFER_ERRORS.has(message.code) && this.#media.refused(message.code, message.message)) {
          break;
        }
        if (message.code === 'rate-limited') {
          this.#mediaNotice('You are sending too fast. Please wait a moment.');
        }
        break; // errors that end the visit arrive again as the socket's `ended`
      default:
        break; // newer server messages this page does not know yet
    }
  }

  #welcome(message) {
    const wasInCall = this.#phase === 'call';
    const reconnected = this.#socket.reconnects > 0;
    this.#selfId = message.participantId;
    this.#role = message.role;
    this.#chat.selfId = message.participantId;
    byId('connection-banner').hidden = true;
    if (reconnected) {
      this.#announcer.announce('You are connected again.');
    }
    if (message.state !== 'waiting') {
      this.#media.useIceServers(message.iceServers);
    }
    if (message.state === 'waiting') {
      if (wasInCall) {
        this.#leaveCall();
      }
      this.#enterWaiting();
    } else if (wasInCall && message.resumed) {
      this.#media.resume();
    } else {
      if (wasInCall) {
        this.#leaveCall(); // the server has forgotten the earlier call: publish afresh
      }
      this.#enterCall();
    }
  }

  #enterWaiting() {
    if (this.#phase === 'waiting') {
      return;
    }
    this.#phase = 'waiting';
    this.#waitingSince = Date.now();
    this.#views.show('waiting');
    this.#devices.pause();
    const update = () => {
      const minutes = Math.floor((Date.now() - this.#waitingSince) / 60_000);
      byId('waiting-since').textContent = minutes < 1 ? '' : `You have been waiting for ${minutes} minute${minutes === 1 ? '' : 's'}.`;
      byId('waiting-status').textContent = minutes < 10 ? 'The doctor will let you in shortly.'
        : 'The doctor is running a little late. Please keep this page open: you will not lose your place.';
    };
    update();
    clearInterval(this.#waitingTimer);
    this.#waitingTimer = setInterval(update, 30_000);
  }

  #enterCall() {
    if (this.#phase === 'call') {
      return;
    }
    clearInterval(this.#waitingTimer);
    this.#phase = 'call';
    const host = this.#role === 'doctor';
    byId('waiting-panel').hidden = !host;
    byId('end-visit').hidden = !host;
    byId('leave').textContent = host ? 'Leave without ending' : 'Leave';
    this.#devices.pause();
    this.#updateControls();
    this.#views.show('call');
    this.#socket.send({ type: 'media-state', ...this.#ownState() });
    this.#media.start(this.#devices.stream);
    this.#recording.enter({ selfId: this.#selfId, host });
    this.#render();
  }

  /** Back from the call (the server put us in the waiting room again, or forgot us). */
  #leaveCall() {
    this.#media.close();
    this.#participants.clear();
    this.#quality.clear();
    this.#waiting.clear();
    this.#chat.clear();
    this.#recording.reset();
    this.#phase = 'rejoining';
  }

  #connecting({ attempt }) {
    if (attempt === 0) {
      return;
    }
    if (this.#phase === 'joining' && attempt > UNREACHABLE_AFTER) {
      this.#finish('unreachable'); // never got in: the service is down or refuses this page
      return;
    }
    this.#media.disconnected();
    const banner = byId('connection-banner');
    banner.textContent = navigator.onLine === false ? 'You are offline. The visit continues when your connection is back.'
      : 'Connection lost. Reconnecting…';
    if (banner.hidden) {
      banner.hidden = false;
    }
  }

  #finish(code) {
    if (this.#phase === 'ended') {
      return;
    }
    this.#phase = 'ended';
    clearInterval(this.#waitingTimer);
    this.#socket.stop();
    this.#media.dispose();
    this.#devices.stop();
    byId('connection-banner').hidden = true;
    byId('end-dialog').close?.();
    this.#recording.reset();
    const role = this.#role || this.#expectedRole;
    if (role !== 'doctor' && LINK_IS_SPENT.has(code)) {
      forgetJoinToken(this.#visitId);
    }
    const notice = endNotice(code, { role, link: this.#link, signedIn: Boolean(this.#onSignIn) });
    this.#views.notice(notice, {
      onRetry: () => window.location.reload(),
      onSignIn: this.#onSignIn,
    });
  }

  #ownState() {
    const audio = this.#devices.stream.getAudioTracks()[0];
    const video = this.#devices.stream.getVideoTracks()[0];
    return { audio: !!audio && audio.enabled, video: !!video && video.enabled };
  }

  #render() {
    if (this.#phase !== 'call') {
      return;
    }
    this.#tiles.render({
      selfId: this.#selfId, selfRole: this.#role, participants: this.#participants, quality: this.#quality,
      local: this.#devices.stream, remote: this.#media.remoteMedia(), mediaOff: !this.#media.available,
    });
  }

  #wireControls() {
    byId('toggle-mic').addEventListener('click', () => this.#toggle('audio'));
    byId('toggle-camera').addEventListener('click', () => this.#toggle('video'));
    const screen = byId('toggle-screen');
    screen.hidden = typeof navigator.mediaDevices?.getDisplayMedia !== 'function';
    screen.addEventListener('click', () => this.#toggleScreen());
    byId('enable-sound').addEventListener('click', (event) => {
      this.#tiles.playAll();
      event.currentTarget.hidden = true;
    });
    const chatToggle = byId('toggle-chat');
    const narrow = window.matchMedia('(max-width: 800px)');
    this.#showChat(!narrow.matches);
    chatToggle.addEventListener('click', () => {
      const open = chatToggle.getAttribute('aria-expanded') !== 'true';
      this.#showChat(open);
      if (open) {
        this.#chat.focus();
      }
    });
    for (const leave of [byId('leave'), byId('waiting-leave')]) {
      leave.addEventListener('click', () => {
        this.#socket.leave();
        this.#finish('left');
      });
    }
    const dialog = byId('end-dialog');
    byId('end-visit').addEventListener('click', () => dialog.showModal());
    byId('cancel-end').addEventListener('click', () => dialog.close());
    byId('confirm-end').addEventListener('click', () => {
      dialog.close();
      if (!this.#socket.send({ type: 'end-visit' })) {
        this.#mediaNotice('Not connected right now: the visit was not ended. Try again in a moment.');
      }
    });
    this.#socket.addEventListener('message', (event) => {
      if (event.detail.type === 'visit-ended' && event.detail.by === this.#selfId) {
        this.#finish('ended-by-you');
      }
    });
  }

  #toggle(kind) {
    const track = kind === 'audio' ? this.#devices.stream.getAudioTracks()[0] : this.#devices.stream.getVideoTracks()[0];
    if (!track) {
      return;
    }
    track.enabled = !track.enabled;
    const state = this.#ownState();
    this.#socket.send({ type: 'media-state', ...state });
    if (this.#participants.has(this.#selfId)) {
      Object.assign(this.#participants.get(this.#selfId), state);
    }
    this.#updateControls();
    this.#render();
    this.#announcer.announce(kind === 'audio' ? (track.enabled ? 'Microphone on.' : 'Microphone off.')
      : (track.enabled ? 'Camera on.' : 'Camera off.'));
  }

  async #toggleScreen() {
    const button = byId('toggle-screen');
    if (this.#media.sharingScreen) {
      await this.#media.stopScreenShare();
    } else {
      let stream;
      try {
        stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { max: 15 } }, audio: false });
      } catch {
        return; // the person cancelled the browser's picker
      }
      stream.getVideoTracks()[0]?.addEventListener('ended', () => {
        this.#media.stopScreenShare().then(() => this.#updateControls());
      });
      await this.#media.startScreenShare(stream);
    }
    this.#updateControls();
    this.#announcer.announce(this.#media.sharingScreen ? 'You are sharing your screen.' : 'You stopped sharing your screen.');
    button.focus();
  }

  #updateControls() {
    const audio = this.#devices.stream.getAudioTracks()[0];
    const video = this.#devices.stream.getVideoTracks()[0];
    const mic = byId('toggle-mic');
    mic.disabled = !audio;
    mic.textContent = !audio ? 'No microphone' : audio.enabled ? 'Mute microphone' : 'Unmute microphone';
    mic.classList.toggle('off', !audio || !audio.enabled);
    const camera = byId('toggle-camera');
    camera.disabled = !video;
    camera.textContent = !video ? 'No camera' : video.enabled ? 'Turn camera off' : 'Turn camera on';
    camera.classList.toggle('off', !video || !video.enabled);
    const screen = byId('toggle-screen');
    screen.textContent = this.#media.sharingScreen ? 'Stop sharing' : 'Share screen';
    screen.disabled = !this.#media.available || !this.#media.started;
  }

  #showChat(open) {
    byId('chat-panel').hidden = !open;
    byId('toggle-chat').setAttribute('aria-expanded', String(open));
    if (open) {
      this.#unread = 0;
    }
    byId('toggle-chat').textContent = this.#unread ? `Chat (${this.#unread} new)` : 'Chat';
  }

  #chatArrived(role) {
    if (byId('chat-panel').hidden) {
      this.#unread += 1;
      byId('toggle-chat').textContent = `Chat (${this.#unread} new)`;
      this.#announcer.announce(`New message from the ${roleWord(role)}.`);
    }
  }

  #mediaStateChanged() {
    const state = this.#media.connectionState;
    if (state === 'connected') {
      this.#mediaNotice('');
    } else if (state === 'failed' || state === 'disconnected') {
      this.#mediaNotice('The video connection was interrupted. Reconnecting…');
    }
    this.#updateControls();
  }

  #mediaFailed({ code }) {
    this.#mediaNotice(code === 'invalid-sdp'
      ? 'Your browser\'s video could not be connected to the visit. The chat still works; reloading the page may help.'
      : 'Video could not be connected yet. Trying again…');
  }

  #mediaNotice(text) {
    const notice = byId('media-notice');
    notice.textContent = text;
    notice.hidden = !text;
  }
}

function roleWord(role) {
  return { doctor: 'doctor', patient: 'patient', guest: 'guest' }[role] || 'guest';
}
