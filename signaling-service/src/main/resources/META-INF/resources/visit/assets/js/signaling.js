/**
 * The page's side of the visit socket (protocol v1, docs/signaling-protocol.md, with the media and
 * resume additions): says hello with a fresh token on every connection, and when the connection
 * drops without a reason that ends the visit, connects again with growing pauses (resume: the
 * server keeps the participant for a grace period and answers `welcome{resumed:true}`).
 *
 * Events: `message` (detail: the server message), `connecting` (detail: {attempt}), `open` (hello
 * sent), `ended` (detail: {code, closeCode}: the visit is over for this page; no reconnection).
 */

export const PROTOCOL = 1;

/** Error codes after which connecting again cannot help. */
const FINAL_CODES = new Set(['invalid-token', 'forbidden', 'link-superseded', 'visit-unknown', 'visit-cancelled',
  'visit-ended', 'replaced', 'hello-required', 'unsupported-protocol']);
/** Messages after which the server closes the socket on purpose. */
const FINAL_MESSAGES = new Set(['visit-ended', 'declined']);

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];
const PING_EVERY_MS = 20_000;
/** Nothing from the server for this long (not even a pong): the connection is dead. */
const SILENCE_LIMIT_MS = 45_000;

export class VisitSocket extends EventTarget {
  #url;
  #tokenProvider;
  #socket = null;
  #attempt = 0;
  #retryTimer = 0;
  #pingTimer = 0;
  #lastHeard = 0;
  #finalCode = null;
  #stopped = false;
  #welcomed = false;
  #connectedBefore = false;
  #onOnline = () => {
    if (!this.#stopped && !this.isOpen) {
      this.#attempt = 0;
      this.#connectSoon(0);
    }
  };

  /** How many times the page has connected again after losing the connection. */
  reconnects = 0;

  /**
   * @param {string} url ws(s)://…/ws/visits/{visitId}
   * @param {() => Promise<string>} tokenProvider the token for hello, asked again on every connection
   */
  constructor(url, tokenProvider) {
    super();
    this.#url = url;
    this.#tokenProvider = tokenProvider;
  }

  get isOpen() {
    return this.#socket?.readyState === WebSocket.OPEN && this.#welcomed;
  }

  /** Connects (again, after `ended` or `stop`). */
  start() {
    this.#stopped = false;
    this.#finalCode = null;
    this.#attempt = 0;
    window.addEventListener('online', this.#onOnline);
    this.dispatchEvent(new CustomEvent('connecting', { detail: { attempt: 0, delay: 0 } }));
    this.#connect();
  }

  /** Sends a client message; false when there is no connection (the caller tells the person). */
  send(message) {
    if (!this.isOpen && message.type !== 'hello') {
      return false;
    }
    this.#socket.send(JSON.stringify(message));
    return true;
  }

  /** Leaves for good: `leave` to the server, then the socket is closed and nothing reconnects. */
  leave() {
    if (this.isOpen) {
      this.#socket.send(JSON.stringify({ type: 'leave' }));
    }
    this.stop();
  }

  /** Closes without a word and stops reconnecting. */
  stop() {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    clearInterval(this.#pingTimer);
    window.removeEventListener('online', this.#onOnline);
    if (this.#socket && this.#socket.readyState <= WebSocket.OPEN) {
      this.#socket.close(1000, 'bye');
    }
    this.#socket = null;
  }

  /** Drops the connection as a network would (tests, and a connection that went silent). */
  drop() {
    this.#socket?.close(4000, 'connection check failed');
  }

  #connect() {
    clearTimeout(this.#retryTimer);
    this.#welcomed = false;
    let socket;
    try {
      socket = new WebSocket(this.#url);
    } catch {
      this.#retry();
      return;
    }
    this.#socket = socket;
    socket.addEventListener('open', async () => {
      let token;
      try {
        token = await this.#tokenProvider();
      } catch (error) {
        this.#end('session-ended', 0, error);
        return;
      }
      if (socket !== this.#socket || socket.readyState !== WebSocket.OPEN) {
        return;
      }
      socket.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL, token }));
      this.#lastHeard = Date.now();
      clearInterval(this.#pingTimer);
      this.#pingTimer = setInterval(() => this.#keepAlive(socket), PING_EVERY_MS);
      this.dispatchEvent(new Event('open'));
    });
    socket.addEventListener('message', (event) => this.#received(socket, event.data));
    socket.addEventListener('close', (event) => this.#closed(socket, event.code));
  }

  #received(socket, data) {
    if (socket !== this.#socket) {
      return;
    }
    this.#lastHeard = Date.now();
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return; // not ours to understand; the protocol sends JSON only
    }
    if (message.type === 'welcome') {
      this.#welcomed = true;
      if (this.#connectedBefore) {
        this.reconnects += 1;
      }
      this.#connectedBefore = true;
      this.#attempt = 0;
    } else if (message.type === 'error' && FINAL_CODES.has(message.code)) {
      this.#finalCode = message.code;
    } else if (FINAL_MESSAGES.has(message.type)) {
      this.#finalCode = message.type;
    }
    this.dispatchEvent(new CustomEvent('message', { detail: message }));
  }

  #closed(socket, closeCode) {
    if (socket !== this.#socket) {
      return;
    }
    clearInterval(this.#pingTimer);
    this.#welcomed = false;
    if (this.#stopped) {
      return;
    }
    if (this.#finalCode) {
      this.#end(this.#finalCode, closeCode);
      return;
    }
    this.#retry(closeCode === 4429 ? 2 : 0);
  }

  #retry(extraSteps = 0) {
    const step = Math.min(this.#attempt + extraSteps, BACKOFF_MS.length - 1);
    this.#attempt += 1;
    // ±20 % so that many pages dropped at once (a server restart) do not come back in step
    this.#connectSoon(BACKOFF_MS[step] * (0.8 + Math.random() * 0.4));
  }

  #connectSoon(delay) {
    clearTimeout(this.#retryTimer);
    this.dispatchEvent(new CustomEvent('connecting', { detail: { attempt: Math.max(1, this.#attempt), delay } }));
    this.#retryTimer = setTimeout(() => {
      if (!this.#stopped) {
        this.#connect();
      }
    }, delay);
  }

  #keepAlive(socket) {
    if (Date.now() - this.#lastHeard > SILENCE_LIMIT_MS) {
      socket.close(4000, 'connection check failed');
      return;
    }
    if (socket.readyState === WebSocket.OPEN && this.#welcomed) {
      socket.send('{"type":"ping"}');
    }
  }

  #end(code, closeCode, error) {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    clearInterval(this.#pingTimer);
    window.removeEventListener('online', this.#onOnline);
    if (this.#socket && this.#socket.readyState <= WebSocket.OPEN) {
      this.#socket.close(1000, 'bye');
    }
    this.#socket = null;
    this.dispatchEvent(new CustomEvent('ended', { detail: { code, closeCode, error } }));
  }
}
