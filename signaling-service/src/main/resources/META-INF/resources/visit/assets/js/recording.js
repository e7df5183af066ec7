/**
 * Recording consent in the call (docs/signaling-protocol.md, "Recording consent"):
 *
 * - the doctor's "Record" button asks everyone (`recording-start`); while asking or recording it
 *   cancels or stops (`recording-stop`);
 * - everyone else gets a modal consent dialog on `recording-consent-requested` (what is recorded,
 *   who can see it, Accept / Decline; Escape declines; the keyboard focus stays inside it), and a
 *   "Stop recording" button once they agreed, which withdraws their agreement;
 * - everyone sees where it stands (`recording-state`) in one live status line: "Waiting for
 *   everyone to agree…", a red dot with "Recording" the whole time it records, and afterwards
 *   why it ended, in plain words.
 *
 * The dialog's wording is in visit.html (`#consent-dialog`, `data-consent-version`); the server
 * stores its version with every answer.
 */
export class RecordingConsent {
  #ui;
  #send;
  #labelOf;
  #selfId = null;
  #host = false;
  #current = null;
  #accepted = false;
  #askedFor = null;
  #returnFocus = null;
  #hideTimer = 0;

  /**
   * @param ui {status, text, toggle, dialog, accept, decline}
   * @param send sends a protocol message; false when the socket is not open
   * @param labelOf a participant id's label in the call ("Patient", "Guest 2", "You"), or undefined
   */
  constructor(ui, send, labelOf) {
    this.#ui = ui;
    this.#send = send;
    this.#labelOf = labelOf;
    ui.toggle.addEventListener('click', () => this.#toggle());
    ui.accept.addEventListener('click', () => this.#answer(true));
    ui.decline.addEventListener('click', () => this.#answer(false));
    ui.dialog.addEventListener('cancel', (event) => {
      event.preventDefault(); // Escape: a choice must be made, and declining is the safe one
      this.#answer(false);
    });
    ui.dialog.addEventListener('keydown', (event) => this.#keepFocusInside(event));
  }

  /** The person entered the call as `selfId`; hosts get the Record button. */
  enter({ selfId, host }) {
    this.#selfId = selfId;
    this.#host = host;
    this.#render();
  }

  /** Out of the call (left, ended, or back to the waiting room): nothing is shown or asked any more. */
  reset() {
    this.#current = null;
    this.#accepted = false;
    this.#close();
    this.#render();
  }

  /** `recording-consent-requested`: the doctor asks this person. */
  requested({ recordingId }) {
    this.#accepted = false;
    this.#askedFor = recordingId;
    if (this.#ui.dialog.open) {
      return;
    }
    this.#returnFocus = document.activeElement;
    this.#ui.dialog.showModal();
    this.#ui.decline.focus();
  }

  /** `recording-state`: where the visit's recording stands. */
  update(state) {
    if (state.recordingId !== this.#current?.recordingId) {
      this.#accepted = false;
    }
    this.#current = state;
    if (state.state !== 'asking' || state.recordingId !== this.#askedFor) {
      this.#close();
    }
    if (state.state === 'asking' && state.waitingFor && this.#selfId && !state.waitingFor.includes(this.#selfId)) {
      this.#accepted = true;
    }
    this.#render();
  }

  /** For the page's test hook. */
  snapshot() {
    return {
      state: this.#current?.state || null,
      recordingId: this.#current?.recordingId || null,
      asked: this.#ui.dialog.open,
      status: this.#ui.text.textContent,
    };
  }

  #toggle() {
    const active = this.#active();
    if (this.#host) {
      this.#send({ type: active ? 'recording-stop' : 'recording-start' });
    } else if (active) {
      this.#send({ type: 'recording-consent', recordingId: this.#current.recordingId, accept: false });
    }
  }

  #answer(accept) {
    const recordingId = this.#askedFor;
    this.#close();
    if (recordingId) {
      this.#accepted = accept;
      this.#send({ type: 'recording-consent', recordingId, accept });
    }
    this.#render();
  }

  #close() {
    this.#askedFor = null;
    if (this.#ui.dialog.open) {
      this.#ui.dialog.close();
      if (this.#returnFocus?.isConnected) {
        this.#returnFocus.focus();
      }
    }
    this.#returnFocus = null;
  }

  /** Tab and Shift+Tab cycle through the dialog's own buttons only. */
  #keepFocusInside(event) {
    if (event.key !== 'Tab') {
      return;
    }
    const focusable = [...this.#ui.dialog.querySelectorAll('button:not([disabled]), [href], input, select, textarea')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  #active() {
    return this.#current?.state === 'asking' || this.#current?.state === 'recording';
  }

  #render() {
    const { toggle } = this.#ui;
    const state = this.#current?.state || 'none';
    const active = this.#active();
    clearTimeout(this.#hideTimer);
    const sentence = this.#current ? this.#sentence() : '';
    this.#show(sentence, state);
    if (sentence && !active && !this.#host) {
      this.#hideTimer = setTimeout(() => this.#show('', 'none'), 15_000);
    }
    toggle.dataset.state = state;
    if (this.#host) {
      toggle.hidden = !this.#selfId;
      toggle.textContent = state === 'recording' ? 'Stop recording' : state === 'asking' ? 'Cancel recording' : 'Record';
    } else {
      toggle.hidden = !(state === 'recording' || (state === 'asking' && this.#accepted));
      toggle.textContent = 'Stop recording';
    }
  }

  /**
   * The status line is a live region that stays in the page (an empty one takes no room), so
   * that screen readers announce each new sentence; it is written only when the sentence changes.
   */
  #show(sentence, state) {
    const { status, text } = this.#ui;
    status.dataset.state = sentence ? state : 'none';
    if (text.textContent !== sentence) {
      text.textContent = sentence;
    }
  }

  #sentence() {
    const { state, waitingFor = [], reason, by } = this.#current;
    const who = this.#person(by);
    switch (state) {
      case 'asking':
        if (!waitingFor.length) {
          return 'Everyone agreed. Recording starts in a moment…';
        }
        return this.#host ? `Waiting for everyone to agree… Still to answer: ${waitingFor.map((id) => this.#labelOf(id) || 'a guest').join(', ')}.`
          : 'Waiting for everyone to agree…';
      case 'recording':
        return 'Recording';
      case 'declined':
        return `${who || 'Someone'} declined the recording. Nothing was recorded.`;
      case 'stopped':
        return this.#stopped(reason, who);
      case 'failed':
        return this.#failed(reason);
      default:
        return '';
    }
  }

  #stopped(reason, who) {
    switch (reason) {
      case 'doctor-stopped':
        return `${who || 'The doctor'} stopped the recording.`;
      case 'declined':
        return `${who || 'Someone'} stopped the recording: ${who === 'You' ? 'you' : 'they'} no longer agreed to it.`;
      case 'participant-joined':
        return this.#host ? 'The recording stopped because someone joined the call. Ask again to record with everyone\'s agreement.'
          : 'The recording stopped because someone joined the call.';
      case 'participant-left':
        return `The recording was not started: ${who ? who.toLowerCase() : 'someone'} left the call before answering.`;
      case 'capture-failed':
        return 'The recording stopped because video and sound could no longer be recorded. What was recorded until then is kept.';
      default:
        return 'The recording stopped.';
    }
  }

  #failed(reason) {
    if (!this.#host) {
      return 'The recording did not start.';
    }
    switch (reason) {
      case 'already-recording':
        return 'The recording could not start: the previous recording of this visit is still being saved. Try again in a moment.';
      case 'capture-failed':
        return 'The recording could not start: no video or sound could be recorded. Check that the call\'s video works, then try again.';
      default:
        return 'The recording could not start. Try again in a moment.';
    }
  }

  /** "You", "The patient", "The guest 2"… for a participant id, or null. */
  #person(id) {
    if (!id) {
      return null;
    }
    if (id === this.#selfId) {
      return 'You';
    }
    const label = this.#labelOf(id);
    return label ? `The ${label.toLowerCase()}` : null;
  }
}
