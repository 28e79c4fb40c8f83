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
import { countries, currencies, industries, positions, unitConversions, units } from './schema.js';

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
  async seedTenant({ tx, tenantId }) {
    await tx
      .insert(currencies)
      .values(
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
