import { useAllItems } from '../../ui/use-all-items';
import type { Country, Currency, Unit } from './reference-types';

/** Select options `CODE — Name` for the reference lists other forms pick from. */
function options<T extends { code: string; name: string }>(items: T[] | undefined) {
  return (items ?? []).map((i) => ({ value: i.code, label: `${i.code} — ${i.name}` }));
}

export const useCountryOptions = () => options(useAllItems<Country>('/countries').data);
export const useCurrencyOptions = () => options(useAllItems<Currency>('/currencies').data);
export const useUnitOptions = () => options(useAllItems<Unit>('/units').data);
