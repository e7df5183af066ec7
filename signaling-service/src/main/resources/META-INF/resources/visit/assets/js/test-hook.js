/**
 * A read-only window onto the page for browser tests (and for support, from the console):
 * `window.telehealthVisit.state` (phase, role, participants, media…) and `getStats()`. It never
 * shows a token.
 */
export function exposeForTests(visit) {
  Object.defineProperty(window, 'telehealthVisit', {
    configurable: false,
    value: Object.freeze({
      get state() {
        return visit.snapshot();
      },
      getStats: () => visit.stats(),
      /** Drops the visit socket as a network would, to see the page reconnect. */
      dropConnection: () => visit.dropConnection(),
      /** Restarts ICE on the media connection, as a network change would (with the newest TURN credential). */
      restartMedia: () => visit.restartMedia(),
    }),
  });
}
