import { type Static, Type } from 'typebox';

/** One structured address, used wherever Tandem stores an address. */
export const Address = Type.Object(
  {
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code' }),
    region: Type.Optional(Type.String({ maxLength: 200 })),
    city: Type.Optional(Type.String({ maxLength: 200 })),
    street: Type.Optional(Type.String({ maxLength: 300 })),
    building: Type.Optional(Type.String({ maxLength: 100 })),
    postcode: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false, description: 'A structured address' },
);
export type Address = Static<typeof Address>;

/** One line for lists and documents: "12 Main St, Sofia 1000, BG". */
export function formatAddress(a: Address | null | undefined): string {
  if (!a) return '';
  const street = [a.building, a.street].filter(Boolean).join(' ');
  const city = [a.city, a.postcode].filter(Boolean).join(' ');
  return [street, city, a.region, a.country].filter(Boolean).join(', ');
}
