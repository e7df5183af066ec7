import { markScreenShare } from './sdp.js';

/**
 * The page's media through the SFU (docs/media-control.md, protocol additions in
 * docs/signaling-protocol.md): one RTCPeerConnection, always the offerer.
 *
 * - Publishes the microphone and the camera, the camera in three simulcast layers listed lowest
 *   first (q a quarter, h half, f full resolution), and a screen share as a sendonly section of its
 *   own, marked `a=content:slides` in the offer text sent.
 * - Receives the others on recvonly transceivers: on `tracks` it adds as many as the server counts
 *   and offers again. Remote streams are matched to participants by their stream id.
 * - The first offer waits for the `tracks` that follows every entry into the call (at most
 *   FIRST_OFFER_WAIT_MS), so that it already receives what the others publish: one offer/answer
 *   exchange before the first remote frame instead of two.
 * - One offer at a time: a request while an offer awaits its answer is remembered and made once
 *   the answer is in (several requests make one offer). A refused offer is rolled back.
 * - ICE restart when the connection fails, stays disconnected, or the network comes back.
 * - TURN: the ICE servers the server gives (a credential of this participant's own, renewed while in
 *   the call) go into the peer connection when it is made and, later ones, just before an ICE restart.
 *   Not sooner: changing a connection's ICE servers makes its next offer an ICE restart (JSEP), which
 *   a renewal alone does not call for. A relay already allocated keeps working past its credential's
 *   expiry; only new allocations need a valid one.
 *
 * Events: `streams` (remote media changed), `state` (connection state changed), `media-error`
 * (detail: {code, message}: an offer was refused or not answered), `unavailable` (the server has
 * no media: the call goes on with chat only).
 */

/** Lowest first, as the SFU expects; bitrates keep each layer in its lane. */
const SIMULCAST = [
  { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 },
];
const ANSWER_TIMEOUT_MS = 15_000;
const RETRY_AFTER_MS = [2_000, 5_000, 10_000, 30_000];
const DISCONNECTED_GRACE_MS = 4_000;
/** How long the first offer waits for the server's `tracks` before going without it. */
const FIRST_OFFER_WAIT_MS = 1_000;

/** Why an offer did not lead to an answer: a protocol error code, `timeout` or `disconnected`. */
export class OfferFailure extends Error {
  constructor(code, message) {
    super(message || code);
    this.code = code;
  }
}

export class MediaSession extends EventTarget {
  #send;
  #configuration;
  #iceServers = [];
  #pc = null;
  #local = null;
  #publishing = { audio: null, video: null };
  #screen = null;
  #remoteCounts = { audio: 0, video: 0 };
  #streamOwners = new Map();
  #remoteStreams = new Map();
  #wanted = false;
  #iceRestart = false;
  #running = false;
  #exchange = null;
  #retryTimer = 0;
  #disconnectedTimer = 0;
  #firstOfferTimer = 0;
  #tracksHeard = false;
  #failures = 0;
  #available = true;
  #onOnline = () => {
    if (this.#pc && this.#pc.connectionState !== 'connected') {
      this.requestOffer({ iceRestart: true });
    }
  };

  /** Offers sent and answers applied so far (the test hook shows them). */
  offers = 0;
  answers = 0;
  /** The last refusal, {code, message}, or null. */
  lastError = null;

  /**
   * @param {(message: object) => boolean} send sends a client message on the visit socket; false when not connected
   * @param {RTCConfiguration} [configuration] extra peer connection settings (the ICE servers come from useIceServers)
   */
  constructor(send, configuration = {}) {
    super();
    this.#send = send;
    this.#configuration = configuration;
    window.addEventListener('online', this.#onOnline);
  }

  /**
   * The ICE servers to use from now on (the server's `iceServers`: TURN with a short-lived
   * credential); none or missing: host candidates only.
   */
  useIceServers(iceServers) {
    this.#iceServers = Array.isArray(iceServers) ? iceServers : [];
  }

  /** The TURN usernames the peer connection holds now (`<expiry>:<participantId>`), for tests; never a credential. */
  get iceUsernames() {
    return (this.#pc?.getConfiguration().iceServers || []).map((server) => server.username).filter(Boolean);
  }

  /** False once the server has said it does not relay media. */
  get available() {
    return this.#available;
  }

  get started() {
    return this.#pc !== null;
  }

  get connectionState() {
    return this.#pc?.connectionState ?? 'new';
  }

  /** The peer connection's signaling state ('closed' without one): 'stable' unless an offer awaits its answer. */
  get signalingState() {
    return this.#pc?.signalingState ?? 'closed';
  }

  get sharingScreen() {
    return this.#screen?.transceiver.direction === 'sendonly';
  }

  /** Starts publishing the stream's microphone and camera (either may be missing) and makes the first offer. */
  start(local) {
    if (!this.#available || this.#pc) {
      return;
    }
    this.#local = local;
    const pc = new RTCPeerConnection({
      bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require', ...this.#configuration, iceServers: this.#iceServers,
    });
    this.#pc = pc;
    pc.addEventListener('track', (event) => this.#trackArrived(event));
    pc.addEventListener('connectionstatechange', () => this.#connectionChanged(pc));
    const audio = local.getAudioTracks()[0];
    if (audio) {
      this.#publishing.audio = pc.addTransceiver(audio, { direction: 'sendonly', streams: [local] });
    }
    const video = local.getVideoTracks()[0];
    if (video) {
      this.#publishing.video = pc.addTransceiver(video, {
        direction: 'sendonly', streams: [local], sendEncodings: SIMULCAST.map((layer) => ({ ...layer })),
      });
    }
    this.#addReceivers();
    if (this.#tracksHeard) {
      this.requestOffer();
    } else {
      this.#firstOfferTimer = setTimeout(() => {
        this.#firstOfferTimer = 0;
        this.requestOffer();
      }, FIRST_OFFER_WAIT_MS);
    }
  }

  /** Sends another camera or microphone track (a device was changed) without renegotiating. */
  async replaceTrack(kind, track) {
    const transceiver = this.#publishing[kind];
    if (transceiver) {
      await transceiver.sender.replaceTrack(track);
    } else if (this.#pc && track) {
      this.#publishing[kind] = this.#pc.addTransceiver(track, {
        direction: 'sendonly', streams: [this.#local], sendEncodings: kind === 'video' ? SIMULCAST.map((layer) => ({ ...layer })) : undefined,
      });
      this.requestOffer();
    }
  }

  /** Publishes a screen (from getDisplayMedia) on a section of its own, reused from an earlier share. */
  async startScreenShare(stream) {
    const track = stream.getVideoTracks()[0];
    if (!this.#pc || !track) {
      return;
    }
    track.contentHint = 'detail';
    if (this.#screen) {
      await this.#screen.transceiver.sender.replaceTrack(track);
      this.#screen.transceiver.sender.setStreams?.(stream);
      this.#screen.transceiver.direction = 'sendonly';
      this.#screen.stream = stream;
    } else {
      this.#screen = { transceiver: this.#pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] }), stream };
    }
    this.requestOffer();
  }

  /** Stops publishing the screen: its section goes inactive (kept for the next share). */
  async stopScreenShare() {
    if (!this.#screen || this.#screen.transceiver.direction !== 'sendonly') {
      return;
    }
    this.#screen.stream.getTracks().forEach((track) => track.stop());
    await this.#screen.transceiver.sender.replaceTrack(null);
    this.#screen.transceiver.direction = 'inactive';
    this.requestOffer();
  }

  /**
   * What the others publish (the server's `tracks` message): adds recvonly transceivers up to the
   * counts (offering again if any was added) and learns whose each remote stream is.
   */
  setRemoteTracks({ audio = 0, video = 0, streams = [] }) {
    this.#tracksHeard = true;
    this.#remoteCounts = { audio, video };
    this.#streamOwners = new Map(streams.map((stream) => [stream.streamId, { participantId: stream.participantId, screen: !!stream.screen }]));
    const firstOfferWaited = this.#firstOfferTimer !== 0;
    clearTimeout(this.#firstOfferTimer);
    this.#firstOfferTimer = 0;
    if (this.#addReceivers() || firstOfferWaited) {
      this.requestOffer();
    }
    this.#streamsChanged();
  }

  /** Remote media by participant: [{participantId, screen, stream}] for every stream the server named that has arrived. */
  remoteMedia() {
    const media = [];
    for (const [streamId, owner] of this.#streamOwners) {
      const stream = this.#remoteStreams.get(streamId);
      if (stream && stream.getTracks().length > 0) {
        media.push({ ...owner, stream });
      }
    }
    return media;
  }

  /** Asks for an offer (with an ICE restart); made now, or after the answer to the one under way. */
  requestOffer({ iceRestart = false } = {}) {
    this.#wanted = true;
    this.#iceRestart ||= iceRestart;
    if (!this.#running) {
      this.#run();
    }
  }

  /** The answer to the offer under way (the server's `media-answer`). */
  answered(sdp) {
    this.#exchange?.resolve(sdp);
  }

  /** The server refused the offer under way; true when there was one (the error was about it). */
  refused(code, message) {
    if (!this.#exchange) {
      return false;
    }
    this.#exchange.reject(new OfferFailure(code, message));
    return true;
  }

  /** The socket dropped: the answer to an offer under way will not come. */
  disconnected() {
    this.#exchange?.reject(new OfferFailure('disconnected'));
  }

  /**
   * On a new socket of the same participant (resumed): offer again, restarting ICE if the
   * connection failed meanwhile, so that the SFU and the browser agree again.
   */
  resume() {
    if (this.#pc) {
      this.requestOffer({ iceRestart: ['failed', 'disconnected'].includes(this.#pc.connectionState) });
    }
  }

  /** Ends the peer connection (local tracks stay: they belong to the page). */
  close() {
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#disconnectedTimer);
    clearTimeout(this.#firstOfferTimer);
    this.#firstOfferTimer = 0;
    this.#tracksHeard = false;
    this.#exchange?.reject(new OfferFailure('closed'));
    this.#screen?.stream.getTracks().forEach((track) => track.stop());
    this.#pc?.close();
    this.#pc = null;
    this.#publishing = { audio: null, video: null };
    this.#screen = null;
    this.#remoteStreams.clear();
    this.#wanted = false;
    this.#failures = 0;
    this.#streamsChanged();
    this.dispatchEvent(new Event('state'));
  }

  /** Stops for good (page leaving the visit). */
  dispose() {
    this.close();
    window.removeEventListener('online', this.#onOnline);
  }

  /** A summary of getStats() for tests and the connection indicator: what is sent and received, by kind and layer. */
  async stats() {
    if (!this.#pc) {
      return { connectionState: 'closed', offers: this.offers, answers: this.answers };
    }
    const summary = {
      connectionState: this.#pc.connectionState, offers: this.offers, answers: this.answers,
      sent: { audio: { packets: 0, bytes: 0 }, video: { packets: 0, bytes: 0, layers: {} } },
      received: { audio: { packets: 0, samples: 0 }, video: { packets: 0, framesDecoded: 0 } },
      roundTripMs: null, availableOutgoingBitrate: null,
    };
    (await this.#pc.getStats()).forEach((report) => {
      if (report.type === 'outbound-rtp' && summary.sent[report.kind]) {
        summary.sent[report.kind].packets += report.packetsSent || 0;
        summary.sent[report.kind].bytes += report.bytesSent || 0;
        if (report.rid) {
          summary.sent.video.layers[report.rid] = { frameWidth: report.frameWidth || 0, framesEncoded: report.framesEncoded || 0 };
        }
      } else if (report.type === 'inbound-rtp' && summary.received[report.kind]) {
        summary.received[report.kind].packets += report.packetsReceived || 0;
        summary.received.audio.samples += report.kind === 'audio' ? report.totalSamplesReceived || 0 : 0;
        summary.received.video.framesDecoded += report.kind === 'video' ? report.framesDecoded || 0 : 0;
      } else if (report.type === 'candidate-pair' && report.nominated && report.state === 'succeeded') {
        summary.roundTripMs = report.currentRoundTripTime != null ? report.currentRoundTripTime * 1000 : null;
        summary.availableOutgoingBitrate = report.availableOutgoingBitrate ?? null;
      }
    });
    return summary;
  }

  /** Adds recvonly transceivers up to the server's counts; true when it added any (an offer is due). */
  #addReceivers() {
    const pc = this.#pc;
    if (!pc) {
      return false;
    }
    let added = false;
    for (const kind of ['audio', 'video']) {
      const receiving = pc.getTransceivers().filter((t) => t.direction === 'recvonly' && t.receiver.track.kind === kind).length;
      for (let i = receiving; i < this.#remoteCounts[kind]; i++) {
        pc.addTransceiver(kind, { direction: 'recvonly' });
        added = true;
      }
    }
    return added;
  }

  async #run() {
    this.#running = true;
    try {
      while (this.#wanted && this.#pc && this.#available) {
        this.#wanted = false;
        const pc = this.#pc;
        try {
          await this.#negotiate(pc);
          this.#failures = 0;
        } catch (error) {
          await this.#rollBack(pc);
          this.#failed(error);
        }
      }
    } finally {
      this.#running = false;
    }
  }

  async #negotiate(pc) {
    if (pc.getTransceivers().length === 0) {
      return; // nothing to send or receive yet
    }
    const iceRestart = this.#iceRestart;
    this.#iceRestart = false;
    if (iceRestart) {
      this.#applyIceServers(pc);
    }
    await pc.setLocalDescription(await pc.createOffer(iceRestart ? { iceRestart: true } : {}));
    const screenMid = this.sharingScreen ? this.#screen.transceiver.mid : null;
    const answer = await this.#exchangeOffer(markScreenShare(pc.localDescription.sdp, screenMid), iceRestart);
    if (pc !== this.#pc || pc.signalingState !== 'have-local-offer') {
      return;
    }
    await pc.setRemoteDescription({ type: 'answer', sdp: answer });
    this.answers += 1;
    this.lastError = null;
  }

  /** Gives the connection the newest ICE servers, so that the restart about to happen allocates relays with a valid credential. */
  #applyIceServers(pc) {
    try {
      pc.setConfiguration({ ...pc.getConfiguration(), iceServers: this.#iceServers });
    } catch (error) {
      console.warn('the new ICE servers were not taken', error.name);
    }
  }

  #exchangeOffer(sdp, iceRestart) {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.#exchange = null;
      };
      const timer = setTimeout(() => {
        done();
        reject(new OfferFailure('timeout', 'the server did not answer the offer'));
      }, ANSWER_TIMEOUT_MS);
      this.#exchange = {
        resolve: (answer) => { done(); resolve(answer); },
        reject: (error) => { done(); reject(error); },
      };
      if (this.#send({ type: 'media-offer', sdp })) {
        this.offers += 1;
      } else {
        this.#iceRestart ||= iceRestart; // not sent: the next offer must still restart
        this.#exchange.reject(new OfferFailure('disconnected'));
      }
    });
  }

  async #rollBack(pc) {
    if (pc === this.#pc && pc.signalingState === 'have-local-offer') {
      await pc.setLocalDescription({ type: 'rollback' }).catch(() => {});
    }
  }

  #failed(error) {
    const code = error instanceof OfferFailure ? error.code : 'invalid-sdp';
    if (code === 'disconnected' || code === 'closed') {
      return; // the next socket's welcome asks for a new offer
    }
    if (code === 'unknown-type') {
      // a signaling server without media relay: the visit goes on with chat only
      this.#available = false;
      this.close();
      this.dispatchEvent(new Event('unavailable'));
      return;
    }
    this.lastError = { code, message: error.message };
    this.dispatchEvent(new CustomEvent('media-error', { detail: this.lastError }));
    if (code !== 'invalid-sdp') {
      const delay = RETRY_AFTER_MS[Math.min(this.#failures, RETRY_AFTER_MS.length - 1)];
      this.#failures += 1;
      clearTimeout(this.#retryTimer);
      this.#retryTimer = setTimeout(() => this.requestOffer(), delay);
    }
  }

  #trackArrived(event) {
    const stream = event.streams[0];
    if (!stream) {
      return; // a track without a stream id cannot be matched to anyone
    }
    if (!this.#remoteStreams.has(stream.id)) {
      this.#remoteStreams.set(stream.id, stream);
      stream.addEventListener('removetrack', () => {
        if (stream.getTracks().length === 0) {
          this.#remoteStreams.delete(stream.id);
        }
        this.#streamsChanged();
      });
    }
    this.#streamsChanged();
  }

  #connectionChanged(pc) {
    if (pc !== this.#pc) {
      return;
    }
    clearTimeout(this.#disconnectedTimer);
    if (pc.connectionState === 'failed') {
      this.requestOffer({ iceRestart: true });
    } else if (pc.connectionState === 'disconnected') {
      // often back by itself within a few seconds (a Wi-Fi hiccup); restart if not
      this.#disconnectedTimer = setTimeout(() => {
        if (pc === this.#pc && pc.connectionState === 'disconnected') {
          this.requestOffer({ iceRestart: true });
        }
      }, DISCONNECTED_GRACE_MS);
    }
    this.dispatchEvent(new Event('state'));
  }

  #streamsChanged() {
    this.dispatchEvent(new Event('streams'));
  }
}
