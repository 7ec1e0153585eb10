/**
 * MV3 stops an idle background after ~30 s even while an upstream fetch or a page's port is
 * pending: Chrome its service worker, Firefox its event page (seen cutting a stream mid-answer).
 * An extension API call resets that timer in both, so one is made at an interval under it while
 * work is pending, and none when idle, letting the background sleep.
 */
export function createKeepAlive(ping: () => Promise<unknown>, intervalMs: number): { hold(): () => void } {
  let holders = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    hold() {
      holders += 1;
      timer ??= setInterval(() => void ping().catch(() => undefined), intervalMs);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}
