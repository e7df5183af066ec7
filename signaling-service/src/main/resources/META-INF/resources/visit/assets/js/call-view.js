import { el, hiddenText } from './dom.js';

const ROLE_NAMES = { doctor: 'Doctor', patient: 'Patient', guest: 'Guest' };
const QUALITY_TEXT = { good: 'good', fair: 'fair', poor: 'poor', unknown: 'not measured yet' };

/**
 * The tiles of the call: the person's own camera, one tile per other participant (their camera
 * and microphone, labelled by role, never by name) and one per screen being shared. Each tile says
 * in words whether the microphone and camera are off and how good the connection is. Tiles are
 * kept by participant, so video elements are not rebuilt on every change.
 */
export class CallView extends EventTarget {
  #list;
  #tiles = new Map();
  #sinkId = '';

  constructor(list) {
    super();
    this.#list = list;
  }

  /** Plays the call's sound on this speaker ('' = default) where the browser can choose. */
  setSinkId(sinkId) {
    this.#sinkId = sinkId;
    for (const tile of this.#tiles.values()) {
      applySink(tile.video, sinkId);
    }
  }

  /** Tries again to play every tile (after a click, when the browser blocked sound). */
  playAll() {
    for (const tile of this.#tiles.values()) {
      tile.video.play().catch(() => {});
    }
  }

  /**
   * @param {{selfId: string, selfRole: string, participants: Map<string, {role, audio, video}>,
   *          quality: Map<string, {level, lossPercent, rttMs}>, local: MediaStream,
   *          remote: {participantId, screen, stream}[], mediaOff: boolean}} call
   */
  render(call) {
    const labels = labelsOf(call.participants, call.selfId);
    const wanted = [];
    wanted.push(this.#tile('self', () => this.#newTile('self', true), (tile) => {
      const self = call.participants.get(call.selfId) || { audio: true, video: true };
      attach(tile, call.local.getVideoTracks());
      tile.li.dataset.role = call.selfRole;
      this.#describe(tile, `You (${ROLE_NAMES[call.selfRole] || 'Guest'})`, self, call.quality.get(call.selfId), true);
    }));
    for (const [id, person] of call.participants) {
      if (id === call.selfId) {
        continue;
      }
      const media = call.remote.filter((item) => item.participantId === id);
      const camera = media.filter((item) => !item.screen).flatMap((item) => item.stream.getTracks());
      wanted.push(this.#tile(id, () => this.#newTile(id, false), (tile) => {
        attach(tile, camera, this.#sinkId);
        tile.li.dataset.role = person.role;
        tile.li.dataset.participant = id;
        const expectsMedia = (person.audio || person.video) && !call.mediaOff;
        this.#describe(tile, labels.get(id), person, call.quality.get(id), false, camera.length === 0 && expectsMedia);
      }));
      for (const screen of media.filter((item) => item.screen)) {
        wanted.push(this.#tile(`screen:${id}`, () => this.#newTile(`screen:${id}`, false, true), (tile) => {
          attach(tile, screen.stream.getVideoTracks());
          tile.li.dataset.participant = id;
          tile.name.textContent = `${labels.get(id)}'s screen`;
        }));
      }
    }
    if (call.participants.size <= 1) {
      wanted.push(this.#tile('alone', () => ({ li: el('li', { class: 'tile alone' }, el('p', { class: 'alone-text' })) }), (tile) => {
        tile.li.firstChild.textContent = call.selfRole === 'doctor'
          ? 'Nobody else is in the call yet. Let the patient in from the waiting room.'
          : 'The doctor has stepped out of the call. Please stay on this page.';
      }));
    }
    for (const [key, tile] of this.#tiles) {
      if (!wanted.includes(tile)) {
        tile.video?.pause();
        tile.li.remove();
        this.#tiles.delete(key);
      }
    }
    wanted.forEach((tile, index) => {
      if (this.#list.children[index] !== tile.li) {
        this.#list.insertBefore(tile.li, this.#list.children[index] || null);
      }
    });
    this.#list.dataset.count = String(wanted.length);
  }

  #tile(key, create, update) {
    let tile = this.#tiles.get(key);
    if (!tile) {
      tile = create();
      this.#tiles.set(key, tile);
    }
    update(tile);
    return tile;
  }

  #newTile(key, self, screen = false) {
    const video = el('video', { autoplay: true, playsInline: true, muted: self || screen, 'aria-hidden': 'true', class: self ? 'mirrored' : '' });
    video.muted = self || screen;
    video.addEventListener('loadedmetadata', () => this.#play(video));
    const name = el('span', { class: 'tile-name' });
    const states = el('span', { class: 'tile-states' });
    const quality = el('span', { class: 'quality', dataset: { level: 'unknown' } });
    const placeholder = el('div', { class: 'tile-placeholder', 'aria-hidden': 'true' });
    const li = el('li', { class: `tile${self ? ' self' : ''}${screen ? ' screen' : ''}`, dataset: { tile: key } },
      video, placeholder, el('p', { class: 'tile-bar' }, name, states, screen ? null : quality));
    return { li, video, name, states, quality, placeholder, tracks: [] };
  }

  #describe(tile, label, person, quality, self, waitingForMedia) {
    tile.name.textContent = label;
    tile.placeholder.textContent = label.charAt(0);
    const states = [];
    if (!person.audio) {
      states.push(el('span', { class: 'state mic-off', text: 'Microphone off' }));
    }
    if (!person.video) {
      states.push(el('span', { class: 'state camera-off', text: 'Camera off' }));
    }
    if (waitingForMedia) {
      states.push(el('span', { class: 'state connecting', text: 'Connecting…' }));
    }
    tile.states.replaceChildren(...states);
    tile.li.classList.toggle('video-off', !person.video || tile.tracks.every((track) => track.kind !== 'video'));
    tile.quality.hidden = !quality; // nothing measured yet (or no media at all): say nothing
    const level = quality?.level || 'unknown';
    tile.quality.dataset.level = level;
    const details = quality && level !== 'unknown'
      ? `: ${round(quality.lossPercent)} % loss${quality.rttMs == null ? '' : `, ${Math.round(quality.rttMs)} ms round trip`}` : '';
    tile.quality.replaceChildren(el('span', { class: 'bars', 'aria-hidden': 'true' }),
      hiddenText(self ? 'Your connection: ' : 'Connection: '), el('span', { class: 'quality-text', text: QUALITY_TEXT[level] || level }));
    tile.quality.title = `Connection ${QUALITY_TEXT[level] || level}${details}`;
  }

  #play(video) {
    video.play().catch((error) => {
      if (error.name === 'NotAllowedError') {
        this.dispatchEvent(new Event('autoplay-blocked'));
      }
    });
  }
}

/** "Doctor", "Patient", and "Guest 1", "Guest 2"… when a role appears more than once. */
export function labelsOf(participants, selfId) {
  const counts = new Map();
  for (const person of participants.values()) {
    counts.set(person.role, (counts.get(person.role) || 0) + 1);
  }
  const seen = new Map();
  const labels = new Map();
  for (const [id, person] of participants) {
    const n = (seen.get(person.role) || 0) + 1;
    seen.set(person.role, n);
    const name = ROLE_NAMES[person.role] || 'Guest';
    labels.set(id, id === selfId ? 'You' : counts.get(person.role) > 1 ? `${name} ${n}` : name);
  }
  return labels;
}

function attach(tile, tracks, sinkId) {
  const same = tracks.length === tile.tracks.length && tracks.every((track) => tile.tracks.includes(track));
  if (same) {
    return;
  }
  tile.tracks = [...tracks];
  tile.video.srcObject = tracks.length ? new MediaStream(tracks) : null;
  if (sinkId !== undefined) {
    applySink(tile.video, sinkId);
  }
}

function applySink(video, sinkId) {
  if (!video.muted && typeof video.setSinkId === 'function' && video.sinkId !== sinkId) {
    video.setSinkId(sinkId).catch(() => {});
  }
}

function round(value) {
  return Math.round((Number(value) || 0) * 10) / 10;
}
