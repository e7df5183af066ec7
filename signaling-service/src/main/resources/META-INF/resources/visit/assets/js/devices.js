import { el } from './dom.js';
import { deviceProblem } from './messages.js';
import { MicLevel } from './mic-level.js';

/**
 * The device check before joining, and the local media the call then publishes: asks for camera
 * and microphone (falling back to whichever exists), shows the camera, the microphone level and a
 * test sound on the chosen speaker, and lets the person pick each device. Changing a device
 * replaces the track in {@link #stream}, announced with a `trackchange` event (detail: {kind,
 * track}) so that a call in progress sends the new one.
 */
export class DeviceCheck extends EventTarget {
  #ui;
  #stream = new MediaStream();
  #level;
  #sinkId = '';
  #tone = null;

  constructor(ui) {
    super();
    this.#ui = ui;
    this.#level = new MicLevel(ui.level);
    ui.camera.addEventListener('change', () => this.#change('video', ui.camera.value));
    ui.mic.addEventListener('change', () => this.#change('audio', ui.mic.value));
    ui.speaker.addEventListener('change', () => {
      this.#sinkId = ui.speaker.value;
      this.dispatchEvent(new CustomEvent('sinkchange', { detail: { sinkId: this.#sinkId } }));
    });
    ui.testSpeaker.addEventListener('click', () => this.#playTone());
    ui.speakerField.hidden = !('setSinkId' in HTMLMediaElement.prototype);
    navigator.mediaDevices?.addEventListener?.('devicechange', () => this.#listDevices());
  }

  /** The local camera and microphone tracks (either may be missing). */
  get stream() {
    return this.#stream;
  }

  /** The chosen speaker ('' = the system's default), for the call's audio. */
  get sinkId() {
    return this.#sinkId;
  }

  /** The microphone level now, 0 to 1 (the test hook reads it). */
  get level() {
    return this.#level.level;
  }

  /** Asks for camera and microphone; resolves with what was found (problems are shown, not thrown). */
  async start() {
    const ui = this.#ui;
    if (!navigator.mediaDevices?.getUserMedia) {
      this.#showProblem('This browser cannot use a camera or microphone here. Please use a current Chrome, Edge, Firefox or Safari.');
      return this.#found();
    }
    ui.start.disabled = true;
    this.#showProblem('');
    let failure = null;
    for (const wanted of [{ audio: true, video: VIDEO }, { audio: true }, { video: VIDEO }]) {
      try {
        this.#use(await navigator.mediaDevices.getUserMedia(wanted));
        break;
      } catch (error) {
        failure ??= error;
        if (error.name === 'NotAllowedError' || error.name === 'SecurityError') {
          break; // asking again for less would only be refused again
        }
      }
    }
    const found = this.#found();
    if (!found.audio && !found.video) {
      this.#showProblem(deviceProblem(failure));
    } else if (!found.video) {
      this.#showProblem('No camera could be started: the others will hear you but not see you.');
    } else if (!found.audio) {
      this.#showProblem('No microphone could be started: the others will see you but not hear you. You can still use the chat.');
    }
    ui.start.disabled = false;
    ui.start.textContent = found.audio && found.video ? 'Start camera and microphone again' : 'Try the camera and microphone again';
    ui.start.hidden = found.audio && found.video;
    ui.devices.hidden = !found.audio && !found.video;
    await this.#listDevices();
    return found;
  }

  /** Stops the level meter and test sound (the tracks stay on for the call). */
  pause() {
    this.#level.stop();
  }

  /** Stops everything, camera light included. */
  stop() {
    this.#level.close();
    this.#stream.getTracks().forEach((track) => track.stop());
    this.#ui.preview.srcObject = null;
  }

  #found() {
    return { audio: this.#stream.getAudioTracks().length > 0, video: this.#stream.getVideoTracks().length > 0 };
  }

  #use(stream) {
    for (const track of stream.getTracks()) {
      this.#replace(track.kind, track);
    }
  }

  #replace(kind, track) {
    for (const old of kind === 'audio' ? this.#stream.getAudioTracks() : this.#stream.getVideoTracks()) {
      this.#stream.removeTrack(old);
      old.stop();
    }
    this.#stream.addTrack(track);
    if (kind === 'video') {
      this.#ui.preview.srcObject = new MediaStream([track]);
      this.#ui.previewEmpty.hidden = true;
    } else {
      this.#level.follow(track);
    }
    this.dispatchEvent(new CustomEvent('trackchange', { detail: { kind, track } }));
  }

  async #change(kind, deviceId) {
    const constraints = kind === 'audio' ? { audio: { deviceId: { exact: deviceId } } }
      : { video: { ...VIDEO, deviceId: { exact: deviceId } } };
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      this.#replace(kind, stream.getTracks()[0]);
      this.#showProblem('');
    } catch (error) {
      this.#showProblem(deviceProblem(error));
    }
  }

  async #listDevices() {
    if (!navigator.mediaDevices?.enumerateDevices) {
      return;
    }
    const devices = await navigator.mediaDevices.enumerateDevices();
    const current = (kind) => (kind === 'audioinput' ? this.#stream.getAudioTracks() : this.#stream.getVideoTracks())[0]
      ?.getSettings().deviceId;
    fill(this.#ui.camera, devices, 'videoinput', current('videoinput'), 'Camera');
    fill(this.#ui.mic, devices, 'audioinput', current('audioinput'), 'Microphone');
    fill(this.#ui.speaker, devices, 'audiooutput', this.#sinkId, 'Speaker');
  }

  #showProblem(text) {
    this.#ui.message.textContent = text;
    this.#ui.message.hidden = !text;
  }

  /** A one-second 440 Hz tone on the chosen speaker. */
  async #playTone() {
    if (this.#tone) {
      return;
    }
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const output = context.createMediaStreamDestination();
    oscillator.frequency.value = 440;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(output);
    const audio = new Audio();
    audio.srcObject = output.stream;
    this.#tone = audio;
    try {
      if (this.#sinkId && audio.setSinkId) {
        await audio.setSinkId(this.#sinkId);
      }
      oscillator.start();
      await audio.play();
      this.#ui.speakerResult.textContent = 'Playing a test sound. If you cannot hear it, choose another speaker or turn the volume up.';
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } catch {
      this.#ui.speakerResult.textContent = 'The test sound could not be played on this speaker.';
    } finally {
      oscillator.stop();
      audio.pause();
      audio.srcObject = null;
      context.close().catch(() => {});
      this.#tone = null;
    }
  }
}

/** 720p when the camera has it, so that the call can send three simulcast layers. */
const VIDEO = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 24, max: 30 } };

function fill(select, devices, kind, selectedId, fallbackLabel) {
  const ofKind = devices.filter((device) => device.kind === kind && device.deviceId);
  const options = ofKind.map((device, index) => el('option', {
    value: device.deviceId, text: device.label || `${fallbackLabel} ${index + 1}`,
  }));
  if (kind === 'audiooutput') {
    options.unshift(el('option', { value: '', text: 'System default' }));
  }
  select.replaceChildren(...options);
  select.disabled = options.length <= 1;
  if (selectedId !== undefined && [...select.options].some((option) => option.value === selectedId)) {
    select.value = selectedId;
  }
}
