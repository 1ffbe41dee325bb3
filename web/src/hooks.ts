// Small hooks shared by the pages.
import { useEffect, useState } from "preact/hooks";

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

// The result of `load`, run again whenever `deps` change; a stale answer is dropped.
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ data, error: undefined, loading: false }),
      (error) => !ctl.signal.aborted && setState({ data: undefined, error, loading: false }),
    );
    return () => ctl.abort();
  }, deps);
  return state;
}

// Sets the document title to "`title` · prosit".
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? title + " · prosit" : "prosit";
  }, [title]);
}
