/** A live "working on it" line with a spinner, for every wait the reader sees. */
export function Busy({ label, testId }: { label: string; testId?: string }) {
  return (
    <p class="muted" role="status" data-testid={testId}>
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
