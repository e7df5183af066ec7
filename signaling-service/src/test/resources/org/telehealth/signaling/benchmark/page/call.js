// The benchmark's call page (SignalingFirstFrameBenchmark), one Chromium per participant, driven
// through window.bench.
//
// Through the SFU it does what the visit page does (visit.js): the visit socket and the media
// session are the page's own (VisitSocket, MediaSession, served by signaling), on `admitted` it
// sends its media state and starts publishing, `tracks` adds receivers, `media-answer` completes
// the offer under way. Peer to peer, the same camera goes straight to the other page on one
// RTCPeerConnection, offer, answer and ICE candidates passed through the benchmark's relay; the
// visit socket still carries the admission, so both joins start from the same `admitted`.
import { MediaSession } from '/visit/assets/js/media.js';
import { VisitSocket } from '/visit/assets/js/signaling.js';
import { JoinTimeline, SenderWatch, now, onPeerConnection } from './timeline.js';

/** The visit page's camera and microphone request (devices.js): 720p when the camera has it. */
const CONSTRAINTS = { audio: true, video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 24, max: 30 } } };
/** The peer connection settings media.js uses. */
const PEER_CONFIGURATION = { bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' };
/** The offer errors visit.js hands to the media session. */
const OFFER_ERRORS = new Set(['invalid-sdp', 'media-unavailable', 'unknown-type', 'invalid-message', 'message-too-large', 'not-allowed']);

let local = null;
let socket = null;
let mode = 'sfu';
let media = null;
let mediaPc = null;
let peer = null;
let pendingCandidates = [];
let relay = null;
let waiting = [];
let join = null;
let sender = null;
const errors = [];

onPeerConnection((pc) => {
  if (media && !mediaPc) {
    mediaPc = pc;
  }
  join?.watch(pc);
});

function connect(url, token) {
  return new Promise((resolve, reject) => {
    socket = new VisitSocket(url, async () => token);
    socket.addEventListener('message', (event) => {
      received(event.detail);
      if (event.detail.type === 'welcome') {
        resolve(event.detail);
      }
    });
    socket.addEventListener('ended', (event) => reject(new Error(`visit socket ended: ${event.detail.code}`)));
    socket.start();
  });
}

function received(message) {
  switch (message.type) {
    case 'admitted':
      join?.mark('admitted');
      enterCall();
      break;
    case 'waiting-room':
      waiting = message.waiting.map((entry) => entry.participantId);
      break;
    case 'tracks':
      media?.setRemoteTracks(message);
      break;
    case 'media-answer':
      join?.answerReceived();
      sender?.answerReceived();
      media?.answered(message.sdp);
      break;
    case 'error':
      if (!(OFFER_ERRORS.has(message.code) && media?.refused(message.code, message.message))) {
        errors.push(message.code);
      }
      break;
    default:
      break;
  }
}

function enterCall() {
  if (mode === 'sfu') {
    socket.send({ type: 'media-state', audio: true, video: true });
    startMedia();
  } else {
    offerPeer();
  }
}

function startMedia() {
  mediaPc = null;
  media = new MediaSession((message) => {
    if (message.type === 'media-offer') {
      join?.offerSent();
      sender?.offerSent();
    }
    return socket.send(message);
  });
  media.addEventListener('media-error', (event) => errors.push(event.detail.code));
  media.start(local);
}

function preferVp8(transceiver) {
  const codecs = RTCRtpReceiver.getCapabilities('video').codecs;
  const vp8 = (codec) => codec.mimeType === 'video/VP8';
  transceiver.setCodecPreferences([...codecs.filter(vp8), ...codecs.filter((codec) => !vp8(codec))]);
}

function newPeer() {
  pendingCandidates = [];
  const pc = new RTCPeerConnection(PEER_CONFIGURATION);
  pc.addEventListener('icecandidate', (event) => {
    if (event.candidate) {
      relay.send(JSON.stringify({ type: 'candidate', candidate: event.candidate.toJSON() }));
    }
  });
  peer = pc;
  return pc;
}

async function offerPeer() {
  const pc = newPeer();
  pc.addTransceiver(local.getAudioTracks()[0], { direction: 'sendrecv', streams: [local] });
  preferVp8(pc.addTransceiver(local.getVideoTracks()[0], { direction: 'sendrecv', streams: [local] }));
  await pc.setLocalDescription(await pc.createOffer());
  join?.offerSent();
  relay.send(JSON.stringify({ type: 'offer', sdp: pc.localDescription.sdp }));
}

async function answerPeer(sdp) {
  const pc = newPeer();
  sender?.mark('offer-received');
  await pc.setRemoteDescription({ type: 'offer', sdp });
  for (const transceiver of pc.getTransceivers()) {
    const track = transceiver.receiver.track.kind === 'audio' ? local.getAudioTracks()[0] : local.getVideoTracks()[0];
    transceiver.direction = 'sendrecv';
    await transceiver.sender.replaceTrack(track);
    transceiver.sender.setStreams(local);
    if (track.kind === 'video') {
      preferVp8(transceiver);
    }
  }
  await pc.setLocalDescription(await pc.createAnswer());
  relay.send(JSON.stringify({ type: 'answer', sdp: pc.localDescription.sdp }));
  sender?.mark('answer-sent');
  await flushCandidates(pc);
}

async function flushCandidates(pc) {
  for (const candidate of pendingCandidates.splice(0)) {
    await pc.addIceCandidate(candidate).catch(() => {});
  }
}

async function relayed(message) {
  if (message.type === 'offer') {
    await answerPeer(message.sdp);
  } else if (message.type === 'answer' && peer) {
    join?.answerReceived();
    await peer.setRemoteDescription({ type: 'answer', sdp: message.sdp });
    await flushCandidates(peer);
  } else if (message.type === 'candidate') {
    if (peer?.remoteDescription) {
      await peer.addIceCandidate(message.candidate).catch(() => {});
    } else {
      pendingCandidates.push(message.candidate);
    }
  }
}

function openRelay(url) {
  return new Promise((resolve, reject) => {
    relay = new WebSocket(url);
    relay.addEventListener('open', () => resolve(true));
    relay.addEventListener('error', () => reject(new Error('relay unreachable')));
    relay.addEventListener('message', (event) => relayed(JSON.parse(event.data)));
  });
}

function endPeer() {
  peer?.close();
  peer = null;
  document.getElementById('remote').srcObject = null;
}

window.bench = {
  /** Camera and microphone, as the visit page asks for them; what the camera gives. */
  async init() {
    local = await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
    const settings = local.getVideoTracks()[0].getSettings();
    return { width: settings.width, height: settings.height, frameRate: settings.frameRate, userAgent: navigator.userAgent };
  },

  /** Joins the visit with a doctor's token: in the call at once; publishes through the SFU if asked. */
  async joinAsDoctor(url, token, publish) {
    mode = publish ? 'sfu' : 'p2p';
    const welcome = await connect(url, token);
    if (publish) {
      socket.send({ type: 'media-state', audio: true, video: true });
      startMedia();
    }
    return welcome;
  },

  /** The doctor's publication through the SFU: connected, and the width and frames of each layer. */
  async publishing() {
    const layers = {};
    if (mediaPc) {
      (await mediaPc.getStats()).forEach((stats) => {
        if (stats.type === 'outbound-rtp' && stats.kind === 'video') {
          layers[stats.rid || 'single'] = { width: stats.frameWidth ?? 0, framesEncoded: stats.framesEncoded ?? 0 };
        }
      });
    }
    return { connectionState: media?.connectionState ?? 'none', layers };
  },

  /** The doctor answers peer-to-peer offers from the patient page in this relay room. */
  listenForPeers: (url) => openRelay(url),

  waiting: () => waiting,

  /** The doctor lets the patient in; the sending side is watched from this moment. */
  admit(participantId) {
    sender = new SenderWatch(() => (mode === 'sfu' ? mediaPc : peer));
    socket.send({ type: 'admit', participantId });
    return sender.marks.start;
  },

  /** What the doctor's page saw since `admit`. */
  senderReport() {
    const report = sender ? sender.stop() : null;
    sender = null;
    return report;
  },

  /** Joins as a patient with a join link (through the SFU, or peer to peer over the relay) and waits to be admitted. */
  async joinAsPatient(url, token, joinMode, relayUrl) {
    mode = joinMode;
    join = new JoinTimeline();
    if (mode === 'p2p') {
      await openRelay(relayUrl);
    }
    return connect(url, token);
  },

  /** The join's timeline once the first remote frame was shown, or what there is after `timeoutMs`. */
  async result(timeoutMs) {
    const current = join;
    const timer = setTimeout(() => current.stop(), timeoutMs);
    const result = await current.finished;
    clearTimeout(timer);
    return { ...result, errors: errors.splice(0), now: now() };
  },

  /** Leaves the visit as the page does, and drops every connection of the join. */
  leave() {
    socket?.leave();
    socket = null;
    media?.dispose();
    media = null;
    mediaPc = null;
    join?.stop();
    join = null;
    endPeer();
    relay?.close();
    relay = null;
    waiting = [];
    return true;
  },

  endPeer,
};
