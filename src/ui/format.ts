import { timeApart } from '../core/time';
import { t } from '../shared/i18n';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDate(iso: string | null, withTime = true): string {
  if (!iso) return t('undated');
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return t('undated');
  return (withTime ? dateFormat : dayFormat).format(ms);
}

/** "3 hr later" relative to the article being read; empty when either date is unknown. */
export function formatTimeApart(reference: string | null, other: string | null): string {
  const apart = timeApart(reference, other);
  if (!apart) return '';
  if (apart.direction === 'same') return t('timeSame');
  const amount = new Intl.NumberFormat(undefined, { style: 'unit', unit: apart.unit, unitDisplay: 'short' }).format(apart.amount);
  return t(apart.direction === 'later' ? 'timeLater' : 'timeEarlier', amount);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat().format(n);
}
