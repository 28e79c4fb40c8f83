-- BENCH_CRM_SQL experiment: let row-level security use the search indexes, plus phone indexes.
-- LEAKPROOF needs a superuser and changes this database's catalog: an experiment, not a migration
-- as it stands (see bench/README.md, CRM findings).
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
