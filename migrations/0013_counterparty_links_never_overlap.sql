-- One counterparty signs for one client over periods that never overlap (a day belongs to one
-- link, so "who signed for this client that day" has one answer). The actions check it with a
-- readable message; this makes the database refuse it too, whatever writes the row.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE client_counterparties ADD CONSTRAINT client_counterparties_valid_from_excl EXCLUDE USING gist (
  tenant_id WITH =, client_id WITH =, counterparty_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&
);
