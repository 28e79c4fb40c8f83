/** A bank statement as read from a file, before it is checked against its journal. */
export interface ParsedLine {
  /** YYYY-MM-DD. */
  bookingDate: string;
  /** Signed decimal string: money in positive. */
  amount: string;
  reference: string | null;
  bankReference: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  /** Where the line is in the file, for error messages: "row 5", "entry 3". */
  place: string;
}

export interface ParsedStatement {
  statementRef: string | null;
  accountIban: string | null;
  /** Null when the file does not say (a CSV). */
  currency: string | null;
  openingBalance: string | null;
  closingBalance: string | null;
  lines: ParsedLine[];
}

export const MAX_STATEMENT_LINES = 10_000;
