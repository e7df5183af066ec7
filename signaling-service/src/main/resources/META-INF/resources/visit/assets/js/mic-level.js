/**
 * The microphone level for the device check: the loudness (RMS) of the microphone track, read
 * ten times a second through a Web Audio analyser and shown in a <meter>. The AudioContext is made
 * on a click (the device check's button), so browsers let it run.
 */
export class MicLevel {
  #context = null;
  #source = null;
  #timer = 0;
  #meter;
  level = 0;

  constructor(meter) {
    this.#meter = meter;
  }

  /** Follows this audio track (null: none), replacing the one followed before. */
  follow(track) {
    this.stop();
    if (!track) {
      return;
    }
    this.#context ??= new AudioContext();
    this.#context.resume().catch(() => {});
    this.#source = this.#context.createMediaStreamSource(new MediaStream([track]));
    const analyser = this.#context.createAnalyser();
    analyser.fftSize = 1024;
    this.#source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    this.#timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) {
        sum += sample * sample;
      }
      const loudness = Math.min(1, Math.sqrt(sum / samples.length) * 4);
      // quick to rise, slower to fall, so that speech reads as a steady bar
      this.level = loudness > this.level ? loudness : this.level * 0.7 + loudness * 0.3;
      this.#meter.value = this.level;
    }, 100);
  }

  stop() {
    clearInterval(this.#timer);
    this.#source?.disconnect();
    this.#source = null;
    this.level = 0;
    this.#meter.value = 0;
  }

  close() {
    this.stop();
    this.#context?.close().catch(() => {});
    this.#context = null;
  }
}
