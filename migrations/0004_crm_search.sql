-- Global search and duplicate checks find clients, contacts, counterparties and deals by a
-- fragment of a name: trigram indexes keep that fast at hundreds of thousands of rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX clients_name_trgm_idx ON clients USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX contacts_name_trgm_idx ON contacts USING gin ((first_name || ' ' || coalesce(last_name, '')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX counterparties_name_trgm_idx ON counterparties USING gin (legal_name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX deals_title_trgm_idx ON deals USING gin (title gin_trgm_ops);
