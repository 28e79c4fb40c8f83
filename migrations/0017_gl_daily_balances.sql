-- Daily balances beside the monthly ones (see schema.ts): the posting trigger keeps both.
CREATE TABLE "gl_daily_balances" (
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"debit" numeric(19, 4) DEFAULT '0' NOT NULL,
	"credit" numeric(19, 4) DEFAULT '0' NOT NULL,
	CONSTRAINT "gl_daily_balances_pkey" PRIMARY KEY("tenant_id","company_id","account_id","day")
);
--> statement-breakpoint
CREATE INDEX "gl_daily_balances_day_idx" ON "gl_daily_balances" USING btree ("tenant_id","company_id","day");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_check_gl_posting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced record;
  closed record;
BEGIN
  SELECT g.entry_id, sum(g.debit) AS debit, sum(g.credit) AS credit INTO unbalanced
  FROM gl_entries g
  WHERE g.entry_id IN (SELECT DISTINCT entry_id FROM new_rows)
  GROUP BY g.entry_id
  HAVING sum(g.debit) <> sum(g.credit)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Journal entry % does not balance: debit %, credit %', unbalanced.entry_id,
      unbalanced.debit, unbalanced.credit USING ERRCODE = '23514', CONSTRAINT = 'gl_entries_balance_check';
  END IF;
  IF coalesce(current_setting('app.post_into_closed', true), '') <> 'on' THEN
    SELECT p.starts_on, p.ends_on INTO closed
    FROM new_rows n
    JOIN fiscal_periods p ON p.company_id = n.company_id AND n.posting_date BETWEEN p.starts_on AND p.ends_on
    WHERE p.closed_at IS NOT NULL
    LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'The period % to % is closed', closed.starts_on, closed.ends_on
        USING ERRCODE = '23514', CONSTRAINT = 'gl_entries_posting_date_check';
    END IF;
  END IF;
  INSERT INTO gl_monthly_balances (tenant_id, company_id, account_id, month, debit, credit)
  SELECT n.tenant_id, n.company_id, n.account_id, date_trunc('month', n.posting_date)::date, sum(n.debit), sum(n.credit)
  FROM new_rows n
  GROUP BY n.tenant_id, n.company_id, n.account_id, date_trunc('month', n.posting_date)
  ON CONFLICT (tenant_id, company_id, account_id, month) DO UPDATE
    SET debit = gl_monthly_balances.debit + excluded.debit,
        credit = gl_monthly_balances.credit + excluded.credit;
  INSERT INTO gl_daily_balances (tenant_id, company_id, account_id, day, debit, credit)
  SELECT n.tenant_id, n.company_id, n.account_id, n.posting_date, sum(n.debit), sum(n.credit)
  FROM new_rows n
  GROUP BY n.tenant_id, n.company_id, n.account_id, n.posting_date
  ON CONFLICT (tenant_id, company_id, account_id, day) DO UPDATE
    SET debit = gl_daily_balances.debit + excluded.debit,
        credit = gl_daily_balances.credit + excluded.credit;
  RETURN NULL;
END $$;
