export interface Address {
  /** ISO 3166-1 alpha-2 */
  country: string;
  region?: string;
  city?: string;
  street?: string;
  building?: string;
  postcode?: string;
}

export interface Company {
  id: string;
  name: string;
  legalName: string | null;
  taxId: string | null;
  baseCurrency: string;
  address: Address | null;
  archivedAt: string | null;
  createdAt: string;
}

/** "12 Main St, Sofia 1000, Sofia-city, BG" */
export function formatAddress(a: Address | null): string {
  if (!a) return '';
  const street = [a.building, a.street].filter(Boolean).join(' ');
  const city = [a.city, a.postcode].filter(Boolean).join(' ');
  return [street, city, a.region, a.country].filter(Boolean).join(', ');
}
