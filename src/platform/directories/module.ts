import { Decimal } from 'decimal.js';
import type { ModuleDefinition } from '../modules/module.js';
import {
  COUNTRY_CODES,
  countryName,
  currencyName,
  currencyPrecision,
  currencySymbol,
  STARTER_CONVERSIONS,
  STARTER_CURRENCIES,
  STARTER_UNITS,
} from './iso-lists.js';
import { directoryRoutes } from './routes.js';
import {
  countries,
  currencies,
  exchangeRates,
  industries,
  positions,
  unitConversions,
  units,
} from './schema.js';

export const STARTER_POSITIONS = [
  'Director',
  'Chief accountant',
  'Sales manager',
  'Buyer',
  'Warehouse keeper',
  'Engineer',
];
export const STARTER_INDUSTRIES = [
  'Retail',
  'Wholesale',
  'Manufacturing',
  'Construction',
  'IT services',
  'Logistics',
];

/** Reference lists every module shares: currencies and rates, units, countries, positions, industries. */
export const directoriesModule: ModuleDefinition = {
  key: 'directories',
  title: 'Reference data',
  switchable: false,
  permissions: [
    {
      key: 'directories:manage',
      description: 'Edit currencies, rates, units, countries, positions and industries',
    },
  ],
  routes: directoryRoutes,
  async seedDemo({ tx, tenantId }) {
    // A month of rates, so the lookup by date has history to choose from.
    const today = new Date();
    const days = Array.from({ length: 30 }, (_, i) =>
      new Date(today.getTime() - i * 86_400_000).toISOString().slice(0, 10),
    );
    const wobble = (i: number) => ((i * 37) % 11) - 5; // a steady, repeatable drift around the base rate
    await tx.insert(exchangeRates).values(
      days.flatMap((validOn, i) => [
        {
          tenantId,
          baseCurrency: 'EUR',
          quoteCurrency: 'USD',
          validOn,
          rate: new Decimal('1.08').plus(new Decimal(wobble(i)).div(1000)).toFixed(4),
        },
        { tenantId, baseCurrency: 'EUR', quoteCurrency: 'BGN', validOn, rate: '1.95583' },
        {
          tenantId,
          baseCurrency: 'USD',
          quoteCurrency: 'MNT',
          validOn,
          rate: new Decimal(3400).plus(wobble(i) * 3).toFixed(2),
        },
      ]),
    );
  },
  async seedTenant({ tx, tenantId }) {
    await tx.insert(currencies).values(
      STARTER_CURRENCIES.map((code) => ({
        tenantId,
        code,
        name: currencyName(code),
        symbol: currencySymbol(code),
        precision: currencyPrecision(code),
      })),
    );
    await tx
      .insert(countries)
      .values(COUNTRY_CODES.map((code) => ({ tenantId, code, name: countryName(code) })));
    await tx.insert(units).values(STARTER_UNITS.map((u) => ({ tenantId, ...u })));
    await tx.insert(unitConversions).values(STARTER_CONVERSIONS.map((c) => ({ tenantId, ...c })));
    await tx.insert(positions).values(STARTER_POSITIONS.map((name) => ({ tenantId, name })));
    await tx.insert(industries).values(STARTER_INDUSTRIES.map((name) => ({ tenantId, name })));
  },
};
