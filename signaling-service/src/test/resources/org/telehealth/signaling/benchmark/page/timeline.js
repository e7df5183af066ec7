// When each step of one join happened on this page, the same way for the SFU and the peer-to-peer
// join. Times are epoch milliseconds with a microsecond fraction (performance.timeOrigin + now()),
// so that the two pages of a join, on one machine, can be compared; durations within a page use
// one monotonic clock.
//
// Every RTCPeerConnection the page makes (media.js's included, whose code is not changed) is
// reported through onPeerConnection, and applying a remote description fires
// 'benchmark-remote-description' on it.

export const now = () => performance.timeOrigin + performance.now();

/** How often getStats is read while a join waits for its first frame. */
export const STATS_EVERY_MS = 10;

const NativePeerConnection = window.RTCPeerConnection;
let created = () => {};

/** Calls back with every peer connection made from now on. */
export function onPeerConnection(callback) {
  created = callback;
}

window.RTCPeerConnection = class extends NativePeerConnection {
  constructor(...args) {
    super(...args);
    created(this);
  }

  async setRemoteDescription(description) {
    const result = await super.setRemoteDescription(description);
    this.dispatchEvent(new CustomEvent('benchmark-remote-description', { detail: description?.type }));
    return result;
  }
};

/**
 * A receiving page's join: the first time of each step (marks), each offer/answer exchange, the
 * first remote video frame (requestVideoFrameCallback on the remote <video>) and the inbound video
 * stats when getStats first counted a decoded frame.
 */
export class JoinTimeline {
  marks = {};
  exchanges = [];
  firstFrame = null;
  inboundAtFirstDecoded = null;
  inboundAtEnd = null;
  #pc = null;
  #timer = 0;
  #reading = false;
  #transportWatched = false;
  #finish;
  finished = new Promise((resolve) => { this.#finish = resolve; });

  mark(name, at = now()) {
    if (!(name in this.marks)) {
      this.marks[name] = at;
    }
  }

  offerSent() {
    this.exchanges.push({ sent: now() });
    this.mark('offer-sent');
  }

  answerReceived() {
    const exchange = this.exchanges.at(-1);
    if (exchange && !exchange.answered) {
      exchange.answered = now();
    }
    this.mark('answer-received');
  }

  /** Follows the peer connection that will receive the remote video, and starts reading its stats. */
  watch(pc) {
    this.#pc = pc;
    this.mark('peer-connection');
    pc.addEventListener('iceconnectionstatechange', () => this.mark(`ice-${pc.iceConnectionState}`));
    pc.addEventListener('connectionstatechange', () => this.mark(`connection-${pc.connectionState}`));
    pc.addEventListener('benchmark-remote-description', (event) => {
      const exchange = this.exchanges.at(-1);
      if (event.detail === 'answer' && exchange && !exchange.applied) {
        exchange.applied = now();
      }
      this.#watchTransport(pc);
    });
    pc.addEventListener('track', (event) => {
      if (event.track.kind === 'video' && !('track' in this.marks)) {
        this.mark('track');
        this.#show(event.track);
      }
    });
    this.#timer = setInterval(() => this.#readStats(), STATS_EVERY_MS);
  }

  /** Stops reading stats; resolves `finished` with what was seen. */
  stop() {
    clearInterval(this.#timer);
    this.#finish(this.toJSON());
  }

  toJSON() {
    return {
      marks: this.marks, exchanges: this.exchanges, firstFrame: this.firstFrame,
      inboundAtFirstDecoded: this.inboundAtFirstDecoded, inboundAtEnd: this.inboundAtEnd,
    };
  }

  #watchTransport(pc) {
    const transport = pc.getTransceivers().map((t) => t.receiver.transport).find(Boolean);
    if (!transport || this.#transportWatched) {
      return;
    }
    this.#transportWatched = true;
    const dtls = () => this.mark(`dtls-${transport.state}`);
    dtls();
    transport.addEventListener('statechange', dtls);
    transport.iceTransport?.addEventListener('selectedcandidatepairchange', () => this.mark('ice-pair-selected'));
  }

  #show(track) {
    const video = document.getElementById('remote');
    video.srcObject = new MediaStream([track]);
    video.play().catch(() => {});
    video.requestVideoFrameCallback((callbackTime, frame) => {
      this.firstFrame = {
        callback: performance.timeOrigin + callbackTime,
        presented: performance.timeOrigin + frame.presentationTime,
        received: frame.receiveTime ? performance.timeOrigin + frame.receiveTime : null,
        width: frame.width, height: frame.height,
      };
      this.mark('first-frame', this.firstFrame.presented);
      this.#doneYet();
    });
  }

  async #readStats() {
    if (this.#reading || !this.#pc) {
      return; // a slow getStats is not stacked up
    }
    this.#reading = true;
    try {
      const report = await this.#pc.getStats();
      report.forEach((stats) => {
        if (stats.type !== 'inbound-rtp' || stats.kind !== 'video') {
          return;
        }
        if (stats.packetsReceived > 0) {
          this.mark('first-packet');
        }
        if (stats.framesDecoded > 0 && !this.inboundAtFirstDecoded) {
          this.mark('first-decoded');
          this.inboundAtFirstDecoded = inboundSummary(stats, report);
        }
        if (this.inboundAtFirstDecoded) {
          this.inboundAtEnd = inboundSummary(stats, report);
        }
      });
    } catch {
      // the connection closed meanwhile
    } finally {
      this.#reading = false;
    }
    this.#doneYet();
  }

  #doneYet() {
    if ('first-frame' in this.marks && 'first-decoded' in this.marks && this.inboundAtEnd) {
      this.stop();
    }
  }
}

function inboundSummary(stats, report) {
  return {
    packetsReceived: stats.packetsReceived, framesReceived: stats.framesReceived, framesDecoded: stats.framesDecoded,
    keyFramesDecoded: stats.keyFramesDecoded, pliCount: stats.pliCount, firCount: stats.firCount, nackCount: stats.nackCount,
    frameWidth: stats.frameWidth, frameHeight: stats.frameHeight, codec: report.get(stats.codecId)?.mimeType ?? null,
  };
}

/**
 * The sending page's side of a join (the doctor): for each video stream it sends (one per
 * simulcast layer, by rid), the first time after `start` that the receiving side's keyframe
 * requests (PLI, FIR) arrived and that a keyframe was encoded, from getStats every 10 ms.
 */
export class SenderWatch {
  marks = {};
  layers = {};
  exchanges = [];
  #baseline = null;
  #timer = 0;
  #reading = false;
  #pc;

  /** @param {() => RTCPeerConnection | null} pc the sending connection (it may not exist yet) */
  constructor(pc) {
    this.#pc = pc;
    this.marks.start = now();
    // a connection made after the start (peer to peer) counts from zero
    this.#baseline = pc() ? null : new Map();
    this.#timer = setInterval(() => this.#read(), STATS_EVERY_MS);
  }

  mark(name, at = now()) {
    if (!(name in this.marks)) {
      this.marks[name] = at;
    }
  }

  /** The sending page's own offers meanwhile (through the SFU: its renegotiation for the newcomer's tracks). */
  offerSent() {
    this.exchanges.push({ sent: now() });
  }

  answerReceived() {
    const exchange = this.exchanges.at(-1);
    if (exchange && !exchange.answered) {
      exchange.answered = now();
    }
  }

  stop() {
    clearInterval(this.#timer);
    return { marks: this.marks, layers: this.layers, exchanges: this.exchanges };
  }

  async #read() {
    const pc = this.#pc();
    if (this.#reading || !pc) {
      return;
    }
    this.#reading = true;
    try {
      const streams = {};
      (await pc.getStats()).forEach((stats) => {
        if (stats.type === 'outbound-rtp' && stats.kind === 'video') {
          streams[stats.rid || 'single'] = stats;
        }
      });
      if (!this.#baseline) {
        this.#baseline = new Map(Object.entries(streams).map(([layer, s]) => [layer, counters(s)]));
        for (const [layer, stats] of Object.entries(streams)) {
          this.layers[layer] = { width: stats.frameWidth ?? 0, atStart: encoderState(stats) };
        }
      }
      for (const [layer, stats] of Object.entries(streams)) {
        const before = this.#baseline.get(layer) ?? { pliCount: 0, firCount: 0, keyFramesEncoded: 0 };
        const seen = this.layers[layer] ??= { width: stats.frameWidth ?? 0 };
        seen.width = stats.frameWidth ?? seen.width;
        for (const [counter, name] of [['pliCount', 'pli'], ['firCount', 'fir'], ['keyFramesEncoded', 'keyFrame']]) {
          if ((stats[counter] ?? 0) > before[counter] && !(name in seen)) {
            seen[name] = now();
          }
        }
        if ('keyFrame' in seen && !seen.atKeyFrame) {
          // a fresh encoder (peer to peer) starts low and may drop its first frames: what it did meanwhile
          seen.atKeyFrame = encoderState(stats);
        }
        seen.atEnd = encoderState(stats);
      }
    } catch {
      // the connection closed meanwhile
    } finally {
      this.#reading = false;
    }
  }
}

function encoderState(stats) {
  return {
    framesEncoded: stats.framesEncoded, frameWidth: stats.frameWidth, active: stats.active,
    qualityLimitationReason: stats.qualityLimitationReason, qualityLimitationResolutionChanges: stats.qualityLimitationResolutionChanges,
    targetBitrate: stats.targetBitrate,
  };
}

function counters(stats) {
  return { pliCount: stats.pliCount ?? 0, firCount: stats.firCount ?? 0, keyFramesEncoded: stats.keyFramesEncoded ?? 0 };
}
