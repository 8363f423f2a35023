import { timeApart } from '../core/time';
import { t } from '../shared/i18n';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
// Building a formatter costs far more than using one, and a story's sidebar formats hundreds of numbers.
const numberFormat = new Intl.NumberFormat();
const unitFormats = new Map<string, Intl.NumberFormat>();

/** "3 hr", "2 days": `amount` of `unit` in the reader's language, short. */
export function formatAmount(amount: number, unit: string): string {
  let format = unitFormats.get(unit);
  if (!format) unitFormats.set(unit, (format = new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'short' })));
  return format.format(amount);
}

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
  const amount = formatAmount(apart.amount, apart.unit);
  return t(apart.direction === 'later' ? 'timeLater' : 'timeEarlier', amount);
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
