import { useTranslation } from 'react-i18next';

/** The digits after the point of a decimal string, so formatting shows every one the server sent. */
function fractionDigits(amount: string): number {
  const point = amount.indexOf('.');
  return point < 0 ? 0 : amount.length - point - 1;
}

/**
 * Money as the UI language writes it. The amount stays a string: Intl formats a decimal string
 * exactly (no binary floating point), and nothing here adds or multiplies money.
 */
export function formatMoney(locale: string, amount: string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const digits = Math.min(fractionDigits(amount), 20);
  try {
    const format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    return format.format(amount as Intl.StringNumericLiteral);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Dates and times in the UI language; an ISO string in, readable text out. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return {
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
    /** A calendar day (YYYY-MM-DD) has no time zone: format it at noon UTC so no zone moves it a day. */
    day: (isoDay: string | null | undefined) =>
      isoDay ? date.format(new Date(`${isoDay.slice(0, 10)}T12:00:00Z`)) : '',
    money: (amount: string | null | undefined, currency: string) => formatMoney(locale, amount, currency),
    /** A percentage the server sent as a decimal string ("12.5"). */
    percent: (value: string) => `${value}%`,
  };
}
