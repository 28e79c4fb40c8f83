-- Global search under row-level security.
--
-- A policy makes PostgreSQL evaluate it before any condition whose operator is not LEAKPROOF,
-- so LIKE, ILIKE and array @> never become index conditions for tandem_app: every search was
-- a sequential scan (bench/README.md, CRM findings). Comparisons of text are LEAKPROOF, and so
-- is starts_with (^@), which a btree over a C-collated column answers as a range scan. So
-- every searchable word is kept with all of its suffixes of three letters or more, and a
-- fragment anywhere in a word is a prefix of one of them: "ova" finds "Petrova" through the
-- suffix "ova". Phones keep their digits' suffixes of five or more, emails and tax ids the
-- whole value. Triggers keep the rows in step with the records; archived records have none.

-- The tenant of the transaction, computed once per statement (an InitPlan) instead of once per
-- row: counting every contact went from 190-560 ms to 48-90 ms at 300,000 rows.
CREATE OR REPLACE FUNCTION tandem_secure_tenant_tables() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
  tenant constant text := '(SELECT NULLIF(current_setting(''app.tenant'', true), '''')::uuid)';
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
    IF EXISTS (
      SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.relname AND policyname = 'tenant_isolation'
    ) THEN
      EXECUTE format('ALTER POLICY tenant_isolation ON %I USING (tenant_id = %s) WITH CHECK (tenant_id = %s)',
        t.relname, tenant, tenant);
    ELSE
      EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = %s) WITH CHECK (tenant_id = %s)',
        t.relname, tenant, tenant);
    END IF;
  END LOOP;
  GRANT USAGE ON SCHEMA public TO tandem_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tandem_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tandem_app;
END $$;
--> statement-breakpoint
ALTER POLICY own_memberships ON memberships
  USING (user_id = (SELECT NULLIF(current_setting('app.user', true), '')::uuid));
--> statement-breakpoint
CREATE TABLE search_terms (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  term text COLLATE "C" NOT NULL,
  -- the term begins a word (or is a whole email, tax id or phone): such matches rank first
  at_word_start boolean NOT NULL,
  record_type text NOT NULL,
  record_id uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX search_terms_lookup_idx ON search_terms (tenant_id, at_word_start, term);
--> statement-breakpoint
CREATE INDEX search_terms_record_idx ON search_terms (record_id);
--> statement-breakpoint
-- Each word of a text, lower-cased, with its suffixes of three letters or more.
CREATE FUNCTION tandem_search_words(txt text) RETURNS TABLE (term text, at_word_start boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT substr(w, i), i = 1
  FROM unnest(string_to_array(regexp_replace(lower(coalesce(txt, '')), '[^[:alnum:]]+', ' ', 'g'), ' ')) w,
    generate_series(1, greatest(length(w) - 2, 1)) i
  WHERE w <> ''
$$;
--> statement-breakpoint
-- The digits of a phone with their suffixes of five digits or more ("last digits" searches).
CREATE FUNCTION tandem_search_digits(phone text) RETURNS TABLE (term text, at_word_start boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT substr(d, i), i = 1
  FROM (SELECT regexp_replace(coalesce(phone, ''), '\D', '', 'g') AS d) p,
    generate_series(1, greatest(length(d) - 4, 1)) i
  WHERE d <> ''
$$;
--> statement-breakpoint
-- Each searchable record's terms, by record type: the one definition both the triggers and a
-- rebuild use. A term may come twice (callers group by term): UNION would build a hash table
-- per record, which made a rebuild six times slower.
CREATE FUNCTION tandem_client_terms(name text, email text, phone text) RETURNS TABLE (term text, at_word_start boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT * FROM tandem_search_words(name)
  UNION ALL SELECT lower(email), true WHERE email IS NOT NULL
  UNION ALL SELECT * FROM tandem_search_digits(phone)
$$;
--> statement-breakpoint
CREATE FUNCTION tandem_contact_terms(first_name text, last_name text, emails text[], phones text[])
RETURNS TABLE (term text, at_word_start boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT * FROM tandem_search_words(first_name || ' ' || coalesce(last_name, ''))
  UNION ALL SELECT lower(e), true FROM unnest(emails) e
  UNION ALL SELECT d.* FROM unnest(phones) ph, tandem_search_digits(ph) d
$$;
--> statement-breakpoint
CREATE FUNCTION tandem_counterparty_terms(legal_name text, tax_id text) RETURNS TABLE (term text, at_word_start boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT * FROM tandem_search_words(legal_name)
  UNION ALL SELECT lower(regexp_replace(tax_id, '\s', '', 'g')), true WHERE tax_id IS NOT NULL
  -- "458970580" finds the VAT number BG458970580
  UNION ALL SELECT regexp_replace(tax_id, '\D', '', 'g'), true WHERE tax_id ~ '\d'
$$;
--> statement-breakpoint
CREATE FUNCTION tandem_deal_terms(title text) RETURNS TABLE (term text, at_word_start boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT * FROM tandem_search_words(title)
$$;
--> statement-breakpoint
-- A trigger function per table (PL/pgSQL plans NEW by its table's row type), all alike:
-- forget the record's old terms, write its new ones unless it is archived or deleted.
DO $do$
DECLARE
  kind text;
  tables constant jsonb := '{"client": "clients", "contact": "contacts", "counterparty": "counterparties", "deal": "deals"}';
  -- the columns the terms come from, in the order the terms function takes them
  columns constant jsonb := '{"client": "name, email, phone", "contact": "first_name, last_name, emails, phones",
    "counterparty": "legal_name, tax_id", "deal": "title"}';
BEGIN
  FOR kind IN SELECT jsonb_object_keys(tables) LOOP
    EXECUTE format($fn$
      CREATE FUNCTION tandem_index_%1$s_terms() RETURNS trigger LANGUAGE plpgsql AS $body$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          DELETE FROM search_terms WHERE record_id = OLD.id;
        END IF;
        IF TG_OP = 'DELETE' OR NEW.archived_at IS NOT NULL THEN
          RETURN NULL;
        END IF;
        INSERT INTO search_terms (tenant_id, term, at_word_start, record_type, record_id)
        SELECT NEW.tenant_id, t.term, bool_or(t.at_word_start), %1$L, NEW.id FROM tandem_%1$s_terms(%4$s) t GROUP BY t.term;
        RETURN NULL;
      END $body$ $fn$, kind, null, null, 'NEW.' || replace(columns ->> kind, ', ', ', NEW.'));
    EXECUTE format(
      'CREATE TRIGGER %1$s_search_terms AFTER INSERT OR DELETE OR UPDATE OF %2$s, archived_at ON %1$s
       FOR EACH ROW EXECUTE FUNCTION tandem_index_%3$s_terms()',
      tables ->> kind, columns ->> kind, kind);
  END LOOP;
END $do$;
--> statement-breakpoint
-- Writes every tenant's terms afresh (after a bulk load with triggers off, or here for the
-- records that exist already). Tenant by tenant, so that it also works for an owner that
-- row-level security applies to.
CREATE FUNCTION tandem_rebuild_search_terms() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant', t.id::text, true);
    DELETE FROM search_terms WHERE tenant_id = t.id;
    INSERT INTO search_terms (tenant_id, term, at_word_start, record_type, record_id)
    SELECT c.tenant_id, x.term, bool_or(x.at_word_start), 'client', c.id
      FROM clients c, tandem_client_terms(c.name, c.email, c.phone) x WHERE c.tenant_id = t.id AND c.archived_at IS NULL GROUP BY c.tenant_id, c.id, x.term
    UNION ALL
    SELECT p.tenant_id, x.term, bool_or(x.at_word_start), 'contact', p.id
      FROM contacts p, tandem_contact_terms(p.first_name, p.last_name, p.emails, p.phones) x WHERE p.tenant_id = t.id AND p.archived_at IS NULL GROUP BY p.tenant_id, p.id, x.term
    UNION ALL
    SELECT k.tenant_id, x.term, bool_or(x.at_word_start), 'counterparty', k.id
      FROM counterparties k, tandem_counterparty_terms(k.legal_name, k.tax_id) x WHERE k.tenant_id = t.id AND k.archived_at IS NULL GROUP BY k.tenant_id, k.id, x.term
    UNION ALL
    SELECT d.tenant_id, x.term, bool_or(x.at_word_start), 'deal', d.id
      FROM deals d, tandem_deal_terms(d.title) x WHERE d.tenant_id = t.id AND d.archived_at IS NULL GROUP BY d.tenant_id, d.id, x.term;
  END LOOP;
  PERFORM set_config('app.tenant', '', true);
END $$;
--> statement-breakpoint
SELECT tandem_rebuild_search_terms();
--> statement-breakpoint
-- Under row-level security the trigram indexes were never used (see above); they only slowed
-- every write. similarity() still ranks the few candidates the terms find.
DROP INDEX IF EXISTS clients_name_trgm_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS contacts_name_trgm_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS counterparties_name_trgm_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS deals_title_trgm_idx;
