/** @module One user action at a time in a form: busy while it runs, then its error (or the problem found before sending) to show. */
import { useState } from 'preact/hooks';
import { errorWords } from '../../../shared/ui/error-words';

export function useAction(describe: (thrown: unknown) => string = errorWords) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  /** Runs `action` unless `problem` says why not; resolves true when it succeeded. */
  const run = async (action: () => Promise<unknown>, problem?: string): Promise<boolean> => {
    setError(problem);
    if (problem) return false;
    setBusy(true);
    try {
      await action();
      return true;
    } catch (thrown) {
      setError(describe(thrown));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** For forms: keeps the page from reloading, then runs the action. */
export function submitWith(run: () => Promise<unknown>) {
  return (event: Event) => {
    event.preventDefault();
    void run();
  };
}
