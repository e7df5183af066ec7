// A second, independent WebRTC stack (werift, pure TypeScript) as a participant of the SFU, driven
// by WeriftInteropTest: it publishes VP8 video (the committed test-pattern.ivf, packetized here per
// RFC 7741) and Opus silence, through the same control API calls as a browser, then offers again
// with a recvonly video section to receive another participant's camera and counts its packets.
//
//   SFU_TOKEN=... node sfu-peer.mjs <control-url> <room> <participant> [receive-seconds]
//
// Env: SFU_TOKEN (bearer token, realm role "service"), VP8_PT and OPUS_PT (payload types; the SFU
// forwards them unchanged, so they must be the ones the other peer negotiated; default 96 and 111).
// Stdout: one JSON line {"event":"published",...} once connected and sending, then one result line
// {connected, sentPackets, receivedVideoPackets, receivedFromSsrc, receivedSsrcs}; exits within 60 s.
import { readFileSync } from 'node:fs';
import {
  MediaStreamTrack, RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, RtpPacket, useNACK, usePLI,
} from 'werift';

const [controlUrl, room, participant, receiveSeconds = '10'] = process.argv.slice(2);
const token = process.env.SFU_TOKEN;
if (!controlUrl || !room || !participant || !token) {
  console.error('usage: SFU_TOKEN=... node sfu-peer.mjs <control-url> <room> <participant> [receive-seconds]');
  process.exit(2);
}
const vp8PayloadType = Number(process.env.VP8_PT ?? 96);
const opusPayloadType = Number(process.env.OPUS_PT ?? 111);
const MAX_PAYLOAD = 1000;

const result = { connected: false, sentPackets: { video: 0, audio: 0 }, receivedVideoPackets: 0, receivedFromSsrc: null };
const receivedSsrcs = new Set();
const finish = (code, error) => {
  const line = { ...result, receivedSsrcs: [...receivedSsrcs] };
  console.log(JSON.stringify(error ? { ...line, error } : line));
  process.exit(code);
};
setTimeout(() => finish(1, 'did not finish within 60 s'), 60_000).unref();

const pc = new RTCPeerConnection({
  bundlePolicy: 'max-bundle',
  iceUseIpv6: false,
  // The SFU listens on 127.0.0.1 in tests: gather (and bind) loopback only.
  iceInterfaceAddresses: { udp4: '127.0.0.1' },
  iceAdditionalHostAddresses: ['127.0.0.1'],
  codecs: {
    video: [new RTCRtpCodecParameters({
      mimeType: 'video/VP8', clockRate: 90000, payloadType: vp8PayloadType, rtcpFeedback: [useNACK(), usePLI()],
    })],
    audio: [new RTCRtpCodecParameters({
      mimeType: 'audio/opus', clockRate: 48000, channels: 2, payloadType: opusPayloadType,
    })],
  },
});

async function control(method, path, body) {
  const response = await fetch(new URL(path, controlUrl), {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/sdp' } : {}) },
    body,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.text();
}

async function negotiate() {
  await pc.setLocalDescription(await pc.createOffer());
  const answer = await control('POST', `/api/rooms/${room}/participants/${participant}/sdp-offers`, pc.localDescription.sdp);
  await pc.setRemoteDescription({ type: 'answer', sdp: answer });
}

/** The frames of an IVF file (32-byte file header; per frame 4-byte size, 8-byte timestamp, data). */
function ivfFrames(file) {
  const data = readFileSync(file);
  const frames = [];
  for (let offset = 32; offset + 12 <= data.length;) {
    const size = data.readUInt32LE(offset);
    frames.push(data.subarray(offset + 12, offset + 12 + size));
    offset += 12 + size;
  }
  return frames;
}

/**
 * Sends the fixture's frames in a loop at 30 fps. RFC 7741 payload: a one-byte descriptor
 *   0 1 2 3 4 5 6 7
 *  +-+-+-+-+-+-+-+-+
 *  |X|R|N|S|R| PID |   S=1 on a frame's first packet, PID 0 (one partition), no extensions
 *  +-+-+-+-+-+-+-+-+
 * then the frame's bytes; the marker bit ends the frame.
 */
function sendVideo(track) {
  const frames = ivfFrames(new URL('./test-pattern.ivf', import.meta.url));
  let frame = 0, sequenceNumber = 0, timestamp = 0;
  return setInterval(() => {
    const data = frames[frame++ % frames.length];
    for (let offset = 0; offset < data.length; offset += MAX_PAYLOAD) {
      const chunk = data.subarray(offset, offset + MAX_PAYLOAD);
      const header = new RtpHeader({
        payloadType: vp8PayloadType, sequenceNumber: sequenceNumber++ & 0xffff, timestamp,
        marker: offset + MAX_PAYLOAD >= data.length,
      });
      track.writeRtp(new RtpPacket(header, Buffer.concat([Buffer.from([offset === 0 ? 0x10 : 0x00]), chunk])));
      result.sentPackets.video++;
    }
    timestamp = (timestamp + 3000) >>> 0;
  }, 1000 / 30);
}

/** Opus silence: one 20 ms CELT frame (TOC 0xf8) that decodes to silence, every 20 ms. */
function sendAudio(track) {
  const silence = Buffer.from([0xf8, 0xff, 0xfe]);
  let sequenceNumber = 0, timestamp = 0;
  return setInterval(() => {
    track.writeRtp(new RtpPacket(new RtpHeader({
      payloadType: opusPayloadType, sequenceNumber: sequenceNumber++ & 0xffff, timestamp,
    }), silence));
    timestamp = (timestamp + 960) >>> 0;
    result.sentPackets.audio++;
  }, 20);
}

function connected() {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pc.connectionState === 'connected') resolve();
      if (pc.connectionState === 'failed') reject(new Error('connection failed'));
    };
    pc.connectionStateChange.subscribe(check);
    check();
    setTimeout(() => reject(new Error(`not connected within 20 s: ${pc.connectionState}`)), 20_000).unref();
  });
}

try {
  await control('PUT', `/api/rooms/${room}`);
  await control('PUT', `/api/rooms/${room}/participants/${participant}`);

  const video = new MediaStreamTrack({ kind: 'video' });
  const audio = new MediaStreamTrack({ kind: 'audio' });
  const videoSender = pc.addTransceiver(video, { direction: 'sendonly' }).sender;
  const audioSender = pc.addTransceiver(audio, { direction: 'sendonly' }).sender;
  await negotiate();
  await connected();
  result.connected = true;
  const timers = [sendVideo(video), sendAudio(audio)];
  console.log(JSON.stringify({ event: 'published', videoSsrc: videoSender.ssrc, audioSsrc: audioSender.ssrc }));

  const receiving = pc.addTransceiver('video', { direction: 'recvonly' });
  receiving.onTrack.subscribe((track) => track.onReceiveRtp.subscribe((rtp) => {
    result.receivedVideoPackets++;
    result.receivedFromSsrc ??= rtp.header.ssrc;
    receivedSsrcs.add(rtp.header.ssrc);
  }));
  await negotiate();
  await new Promise((resolve) => setTimeout(resolve, Number(receiveSeconds) * 1000));

  timers.forEach(clearInterval);
  await pc.close();
  finish(0);
} catch (e) {
  finish(1, String(e?.message ?? e));
}
