/** Points, percents and money are decimal strings: never JS numbers. */
export interface LoyaltyProgram {
  id: string;
  name: string;
  currency: string;
  accrualPercent: string;
  categoryPercents: Record<string, string>;
  expireDays: number | null;
  maxRedeemPercent: string;
  pointValue: string;
  createdAt: string;
  archivedAt: string | null;
}

export interface LoyaltyCard {
  id: string;
  programId: string;
  clientId: string;
  cardNumber: string;
  phone: string | null;
  createdAt: string;
  blockedAt: string | null;
}

export interface LoyaltyCardRow extends LoyaltyCard {
  clientName: string;
}

export interface LoyaltyLookup {
  card: LoyaltyCard;
  balance: string;
}

export interface LoyaltyPosting {
  entry: { id: string; kind: string; points: string };
  balance: string;
}
