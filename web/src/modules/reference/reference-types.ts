export interface Currency {
  id?: string;
  code: string;
  name: string;
  symbol: string | null;
  precision: number;
  active: boolean;
}

export interface ExchangeRate {
  id: string;
  baseCurrency: string;
  quoteCurrency: string;
  /** YYYY-MM-DD */
  validOn: string;
  /** A decimal string: never a JS number. */
  rate: string;
}

export interface Unit {
  id?: string;
  code: string;
  name: string;
  precision: number;
  archivedAt?: string | null;
}

export interface UnitConversion {
  id: string;
  fromUnit: string;
  toUnit: string;
  /** 1 fromUnit = factor toUnit, a decimal string. */
  factor: string;
}

export interface Country {
  id?: string;
  code: string;
  name: string;
  archivedAt?: string | null;
}

/** Positions and industries: a name that can be archived. */
export interface NamedItem {
  id: string;
  name: string;
  archivedAt: string | null;
}
