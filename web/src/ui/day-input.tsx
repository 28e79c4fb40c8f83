import '@mantine/dates/styles.css';
import 'dayjs/locale/bg';
import 'dayjs/locale/mn';
import 'dayjs/locale/ru';
import { DateInput, type DateInputProps, DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/**
 * A calendar day as `YYYY-MM-DD`, which is how the API takes dates. Typing `2026-03-01` works
 * too; the calendar speaks the UI language.
 */
export function DayInput(props: Omit<DateInputProps, 'valueFormat'>) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <DateInput valueFormat="YYYY-MM-DD" clearable {...props} />
    </DatesProvider>
  );
}
