-- Points are facts: a mistake is corrected by an adjustment entry, never by editing history.
CREATE TRIGGER loyalty_ledger_append_only BEFORE UPDATE OR DELETE ON loyalty_ledger
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_change();
