export type TimeUnit = 'minute' | 'hour' | 'day';

export interface TimeApart {
  amount: number;
  unit: TimeUnit;
  /** 'later' when `other` appeared after `reference`. */
  direction: 'later' | 'earlier' | 'same';
}

/** How far apart two publication times are, in the largest unit that reads well. */
export function timeApart(reference: string | null, other: string | null): TimeApart | null {
  if (!reference || !other) return null;
  const a = Date.parse(reference);
  const b = Date.parse(other);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  const minutes = Math.round((b - a) / 60_000);
  const abs = Math.abs(minutes);
  if (abs < 60) return { amount: 0, unit: 'hour', direction: 'same' };
  const direction = minutes > 0 ? 'later' : 'earlier';
  if (abs < 48 * 60) return { amount: Math.round(abs / 60), unit: 'hour', direction };
  return { amount: Math.round(abs / 1440), unit: 'day', direction };
}
