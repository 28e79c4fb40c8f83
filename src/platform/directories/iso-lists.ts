/** ISO 3166-1 alpha-2 codes of the countries in use; names come from Intl in each language. */
export const COUNTRY_CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(
    ' ',
  );

/** Currencies a new workspace starts with; more can be added from the full ISO 4217 list. */
export const STARTER_CURRENCIES =
  'USD EUR GBP CHF JPY CNY RUB BGN MNT KZT UAH TRY PLN CZK RON HUF SEK NOK DKK INR AED CAD AUD'.split(' ');

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });

export const countryName = (code: string) => regionNames.of(code) ?? code;
export const currencyName = (code: string) => currencyNames.of(code) ?? code;

/** Minor units per ISO 4217 as Intl knows them (JPY 0, EUR 2, ...). */
export function currencyPrecision(code: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

export function currencySymbol(code: string): string {
  const part = new Intl.NumberFormat('en', {
    style: 'currency',
    currency: code,
    currencyDisplay: 'narrowSymbol',
  })
    .formatToParts(0)
    .find((p) => p.type === 'currency');
  return part?.value ?? code;
}

/** Units every business needs on day one, with the conversions between them. */
export const STARTER_UNITS = [
  { code: 'pcs', name: 'Piece', precision: 0 },
  { code: 'kg', name: 'Kilogram', precision: 3 },
  { code: 'g', name: 'Gram', precision: 3 },
  { code: 't', name: 'Tonne', precision: 3 },
  { code: 'l', name: 'Litre', precision: 3 },
  { code: 'm', name: 'Metre', precision: 3 },
  { code: 'm2', name: 'Square metre', precision: 3 },
  { code: 'h', name: 'Hour', precision: 2 },
  { code: 'box', name: 'Box', precision: 0 },
];

export const STARTER_CONVERSIONS = [
  { fromUnit: 't', toUnit: 'kg', factor: '1000' },
  { fromUnit: 'kg', toUnit: 'g', factor: '1000' },
];
