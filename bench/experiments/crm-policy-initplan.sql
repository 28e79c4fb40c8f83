-- BENCH_CRM_SQL experiment: the tenant policy reads app.tenant once per statement (an InitPlan)
-- instead of once per row. Portable (the table owner may alter its policies).
DO $$ DECLARE t record; BEGIN
  FOR t IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant_isolation' LOOP
    EXECUTE format('ALTER POLICY tenant_isolation ON %I USING (tenant_id = (SELECT NULLIF(current_setting(''app.tenant'', true), '''')::uuid)) WITH CHECK (tenant_id = (SELECT NULLIF(current_setting(''app.tenant'', true), '''')::uuid))', t.tablename);
  END LOOP;
END $$;
