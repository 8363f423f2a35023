/**
 * Named moments of the sidebar's first render, as performance marks: the
 * benchmark reads them from the page, so what it reports is what the page
 * itself saw rather than when an outside driver happened to notice.
 */
export type Moment = 'script' | 'view' | 'comparison-received' | 'comparison-rendered' | 'comparison-painted';

export function markOnce(moment: Moment): void {
  const name = `parallax:${moment}`;
  if (performance.getEntriesByName(name).length) return;
  performance.mark(name);
}

/** After the browser has had a frame to lay out and paint what was just committed. */
export function markPainted(moment: Moment): void {
  requestAnimationFrame(() => setTimeout(() => markOnce(moment), 0));
}
