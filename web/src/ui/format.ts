import { useTranslation } from 'react-i18next';

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
  };
}
