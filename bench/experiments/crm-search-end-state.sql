-- BENCH_CRM_SQL experiment: what crm-search-indexes-usable.sql does, and the contacts name predicate able to
-- use its index too. That predicate contains COALESCE, which PostgreSQL counts as leaky, so under
-- row-level security it never becomes an index condition; a stored full_name column would fix it,
-- which needs a change in src/. Emulated here by taking the policy off contacts (one tenant in the
-- bench database, so the answers do not change). Never do this outside a bench database.

ALTER FUNCTION texticlike(text, text) LEAKPROOF;
ALTER FUNCTION textlike(text, text) LEAKPROOF;
ALTER FUNCTION arraycontains(anyarray, anyarray) LEAKPROOF;
ALTER FUNCTION textcat(text, text) LEAKPROOF;
DO $$ DECLARE t record; BEGIN
  FOR t IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant_isolation' LOOP
    EXECUTE format('ALTER POLICY tenant_isolation ON %I USING (tenant_id = (SELECT NULLIF(current_setting(''app.tenant'', true), '''')::uuid)) WITH CHECK (tenant_id = (SELECT NULLIF(current_setting(''app.tenant'', true), '''')::uuid))', t.tablename);
  END LOOP;
END $$;
CREATE INDEX clients_phone_trgm_idx ON clients USING gin (phone gin_trgm_ops);
-- Experiment only: array_to_string is STABLE, so an index on the expression Tandem searches needs
-- these two; a real fix indexes an immutable column instead (README, CRM findings).
ALTER FUNCTION array_to_string(anyarray, text) IMMUTABLE;
ALTER FUNCTION array_to_string(anyarray, text) LEAKPROOF;
CREATE INDEX contacts_phones_trgm_idx ON contacts USING gin (array_to_string(phones, ' ') gin_trgm_ops);
ALTER POLICY tenant_isolation ON contacts USING (true) WITH CHECK (true);
