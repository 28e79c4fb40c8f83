-- Posted invoices and payments are facts: after posting only their cancellation may be written
-- (status and updated_at), and only a draft may be deleted. Allocations are a ledger: undoing
-- one adds an opposite row, so no row is ever changed or deleted.
CREATE FUNCTION tandem_keep_posted_documents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION '% % is %; it cannot be deleted', TG_TABLE_NAME, coalesce(OLD.number, OLD.id::text), OLD.status
        USING ERRCODE = '55000';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
    OLD.status = 'cancelled'
    OR NEW.status NOT IN ('posted', 'cancelled')
    OR (to_jsonb(NEW) - 'status' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at'))
  THEN
    RAISE EXCEPTION '% % is %; it cannot be changed (cancel it, or issue a credit note)',
      TG_TABLE_NAME, coalesce(OLD.number, OLD.id::text), OLD.status USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoices_keep_posted BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION tandem_keep_posted_documents();
--> statement-breakpoint
CREATE TRIGGER payments_keep_posted BEFORE UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION tandem_keep_posted_documents();
--> statement-breakpoint
CREATE FUNCTION tandem_keep_posted_invoice_lines() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  invoice_status text;
BEGIN
  SELECT status INTO invoice_status FROM invoices
  WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
  IF invoice_status IS DISTINCT FROM 'draft' AND invoice_status IS NOT NULL THEN
    RAISE EXCEPTION 'The lines of a % invoice cannot be changed', invoice_status USING ERRCODE = '55000';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_keep_posted BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION tandem_keep_posted_invoice_lines();
--> statement-breakpoint
CREATE TRIGGER allocations_append_only BEFORE UPDATE OR DELETE ON allocations
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_change();
