// Drives the visit page's MediaSession (served from /visit/assets) against a fake SFU in this page:
// a second RTCPeerConnection that answers every offer as signaling would relay it, and sends a canvas
// as another participant's camera on the first receiving video section. Offers can be held to test
// what the session does while one awaits its answer.
import { MediaSession } from '/visit/assets/js/media.js';

const sent = [];
const held = [];
let session;
let sfu;
let hold = false;
let remote;

function canvasStream(label) {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const context = canvas.getContext('2d');
  let frame = 0;
  setInterval(() => {
    context.fillStyle = `hsl(${frame++ * 11 % 360}, 60%, 50%)`;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = 'white';
    context.fillText(`${label} ${frame}`, 20, 90);
  }, 50);
  return canvas.captureStream(20);
}

function receivingMids(offer) {
  return offer.split(/(?=^m=)/m).filter((section) => section.startsWith('m=video') && /^a=recvonly/m.test(section))
    .map((section) => /^a=mid:(\S+)/m.exec(section)[1]);
}

async function answer(offer) {
  await sfu.setRemoteDescription({ type: 'offer', sdp: offer });
  const mids = receivingMids(offer);
  const target = sfu.getTransceivers().find((t) => t.mid === mids[0]);
  if (target && target.sender.track === null) {
    target.direction = 'sendonly';
    await target.sender.replaceTrack(remote.getVideoTracks()[0]);
    target.sender.setStreams(remote);
  }
  await sfu.setLocalDescription(await sfu.createAnswer());
  if (sfu.iceGatheringState !== 'complete') {
    await new Promise((resolve) => {
      sfu.addEventListener('icegatheringstatechange', () => sfu.iceGatheringState === 'complete' && resolve());
      setTimeout(resolve, 2000);
    });
  }
  session.answered(sfu.localDescription.sdp);
}

function send(message) {
  sent.push(message);
  if (message.type === 'media-offer') {
    if (hold) {
      held.push(message.sdp);
    } else {
      answer(message.sdp);
    }
  }
  return true;
}

window.harness = {
  async start(options = {}) {
    hold = !!options.hold;
    remote = canvasStream('doctor');
    sfu = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    const local = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
    session = new MediaSession(send);
    session.addEventListener('media-error', (event) => { window.harness.errors.push(event.detail.code); });
    session.addEventListener('unavailable', () => { window.harness.unavailable = true; });
    session.start(local);
    return remote.id;
  },
  errors: [],
  unavailable: false,
  offers: () => sent.filter((message) => message.type === 'media-offer').map((message) => message.sdp),
  heldCount: () => held.length,
  answerHeld: () => answer(held.shift()),
  refuseHeld: (code) => {
    held.shift();
    return session.refused(code, `refused by the test: ${code}`);
  },
  setHold: (value) => { hold = value; },
  requestOffer: (iceRestart) => session.requestOffer({ iceRestart }),
  tracks: (message) => session.setRemoteTracks(message),
  shareScreen: () => session.startScreenShare(canvasStream('slides')),
  stopScreenShare: () => session.stopScreenShare(),
  stats: () => session.stats(),
  state: () => ({
    connectionState: session.connectionState,
    signalingState: session.signalingState,
    available: session.available,
    offers: session.offers,
    answers: session.answers,
    lastError: session.lastError,
    sharingScreen: session.sharingScreen,
    remote: session.remoteMedia().map(({ participantId, screen, stream }) => ({
      participantId, screen, streamId: stream.id, kinds: stream.getTracks().map((track) => track.kind),
    })),
  }),
};
