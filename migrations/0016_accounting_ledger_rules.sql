-- The ledger's rules, kept by the database whatever writes to it: the actions check them first
-- with readable messages; these make a bug or a hand-written statement fail instead of
-- corrupting the books.

-- The general ledger records facts: a posted row is never changed or deleted (corrections
-- are reversing entries).
CREATE TRIGGER gl_entries_append_only BEFORE UPDATE OR DELETE ON gl_entries
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_change();
--> statement-breakpoint
-- After each statement that adds GL rows (a posting writes all its rows in one statement):
-- every entry it touched must balance in the company currency, no row may fall into a closed
-- period unless the posting action allowed it for this transaction (app.post_into_closed,
-- set only for a permitted and audited posting), and the monthly balances take the new rows.
CREATE FUNCTION tandem_check_gl_posting() RETURNS trigger LANGUAGE plpgsql AS $$
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
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER gl_entries_posting_rules AFTER INSERT ON gl_entries
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_check_gl_posting();
--> statement-breakpoint
-- A posted entry never changes: only its cancellation (status and the link to its reversal)
-- may be written, and only a draft may be deleted.
CREATE FUNCTION tandem_keep_posted_entries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'Journal entry % is %; it cannot be deleted', coalesce(OLD.number, OLD.id::text), OLD.status
        USING ERRCODE = '55000';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'cancelled'
    OR (OLD.status = 'posted' AND (
      NEW.status NOT IN ('posted', 'cancelled')
      OR (NEW.company_id, NEW.journal_id, NEW.number, NEW.posting_date, NEW.memo, NEW.currency, NEW.rate,
          NEW.source_type, NEW.source_id, NEW.reverses_id, NEW.posted_at, NEW.posted_by)
         IS DISTINCT FROM
         (OLD.company_id, OLD.journal_id, OLD.number, OLD.posting_date, OLD.memo, OLD.currency, OLD.rate,
          OLD.source_type, OLD.source_id, OLD.reverses_id, OLD.posted_at, OLD.posted_by)))
  THEN
    RAISE EXCEPTION 'Journal entry % is %; it cannot be changed (cancel it instead)',
      coalesce(OLD.number, OLD.id::text), OLD.status USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER journal_entries_keep_posted BEFORE UPDATE OR DELETE ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION tandem_keep_posted_entries();
--> statement-breakpoint
-- The lines of a posted or cancelled entry are as fixed as the entry.
CREATE FUNCTION tandem_keep_posted_lines() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry_status text;
BEGIN
  SELECT status INTO entry_status FROM journal_entries
  WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.entry_id ELSE NEW.entry_id END;
  IF entry_status IS DISTINCT FROM 'draft' AND entry_status IS NOT NULL THEN
    RAISE EXCEPTION 'The lines of a % journal entry cannot be changed', entry_status USING ERRCODE = '55000';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER journal_lines_keep_posted BEFORE INSERT OR UPDATE OR DELETE ON journal_lines
  FOR EACH ROW EXECUTE FUNCTION tandem_keep_posted_lines();
