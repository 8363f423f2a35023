import { useCallback, useRef } from 'preact/hooks';

/**
 * Replies to a page's repeated requests can overtake one another (the
 * background answers each as its reads finish): of those still in flight,
 * only the newest request's answer, or failure, is shown.
 */
export function useNewestReply(): <T>(reply: Promise<T>, show: (value: T) => void, fail: (message: string) => void) => void {
  const latest = useRef(0);
  return useCallback(<T,>(reply: Promise<T>, show: (value: T) => void, fail: (message: string) => void) => {
    const request = ++latest.current;
    reply.then(
      (value) => request === latest.current && show(value),
      (err: unknown) => request === latest.current && fail(err instanceof Error ? err.message : String(err)),
    );
  }, []);
}
