/**
 * MV3 stops an idle service worker after ~30 s even while an upstream fetch is pending. An
 * extension API call resets that timer, so one is made every 20 s while work is pending, and
 * none when idle, letting the worker sleep.
 */
export function createKeepAlive(ping: () => Promise<unknown>, intervalMs = 20_000): { hold(): () => void } {
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
