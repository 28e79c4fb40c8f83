/** The reports open on the current calendar year until the accountant picks dates. */
export function currentYear() {
  const year = new Date().getFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** A decimal string that is zero ("0", "0.00", "-0.00") shows as a blank cell in a report. */
export const isZero = (amount: string | null | undefined) => !amount || /^-?0*(\.0*)?$/.test(amount);
