CREATE TABLE "accounting_settings" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"tax_rounding" text DEFAULT 'per_line' NOT NULL,
	"retained_earnings_account_id" uuid,
	"receivable_account_id" uuid,
	"payable_account_id" uuid,
	"exchange_gain_account_id" uuid,
	"exchange_loss_account_id" uuid,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "accounting_settings_tax_rounding_check" CHECK ("accounting_settings"."tax_rounding" in ('per_line', 'total'))
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"parent_id" uuid,
	"is_group" boolean DEFAULT false NOT NULL,
	"currency" text,
	"reconcilable" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "accounts_code_key" UNIQUE("tenant_id","company_id","code"),
	CONSTRAINT "accounts_type_check" CHECK ("accounts"."type" in ('asset', 'liability', 'equity', 'income', 'expense'))
);
--> statement-breakpoint
CREATE TABLE "analytic_dimensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "analytic_dimensions_code_key" UNIQUE("tenant_id","company_id","kind","code"),
	CONSTRAINT "analytic_dimensions_kind_check" CHECK ("analytic_dimensions"."kind" in ('cost_centre', 'project', 'department'))
);
--> statement-breakpoint
CREATE TABLE "fiscal_periods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"fiscal_year_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "fiscal_periods_starts_on_key" UNIQUE("tenant_id","company_id","starts_on"),
	CONSTRAINT "fiscal_periods_ends_on_check" CHECK ("fiscal_periods"."ends_on" >= "fiscal_periods"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "fiscal_years" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"closing_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "fiscal_years_starts_on_key" UNIQUE("tenant_id","company_id","starts_on"),
	CONSTRAINT "fiscal_years_ends_on_check" CHECK ("fiscal_years"."ends_on" >= "fiscal_years"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "gl_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"posting_date" date NOT NULL,
	"debit" numeric(19, 4) NOT NULL,
	"credit" numeric(19, 4) NOT NULL,
	"currency" text NOT NULL,
	"debit_in_currency" numeric(19, 4) NOT NULL,
	"credit_in_currency" numeric(19, 4) NOT NULL,
	"counterparty_id" uuid,
	"cost_centre_id" uuid,
	"project_id" uuid,
	"department_id" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gl_monthly_balances" (
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"debit" numeric(19, 4) DEFAULT '0' NOT NULL,
	"credit" numeric(19, 4) DEFAULT '0' NOT NULL,
	CONSTRAINT "gl_monthly_balances_pkey" PRIMARY KEY("tenant_id","company_id","account_id","month")
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"journal_id" uuid NOT NULL,
	"number" text,
	"posting_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"memo" text,
	"currency" text NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"reverses_id" uuid,
	"reversed_by_id" uuid,
	"posted_into_closed_period" boolean DEFAULT false NOT NULL,
	"posted_at" timestamp with time zone,
	"posted_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "journal_entries_number_key" UNIQUE("tenant_id","company_id","number"),
	CONSTRAINT "journal_entries_status_check" CHECK ("journal_entries"."status" in ('draft', 'posted', 'cancelled')),
	CONSTRAINT "journal_entries_rate_check" CHECK ("journal_entries"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "journal_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"description" text,
	"debit" numeric(19, 4) DEFAULT '0' NOT NULL,
	"credit" numeric(19, 4) DEFAULT '0' NOT NULL,
	"debit_in_company_currency" numeric(19, 4) DEFAULT '0' NOT NULL,
	"credit_in_company_currency" numeric(19, 4) DEFAULT '0' NOT NULL,
	"counterparty_id" uuid,
	"cost_centre_id" uuid,
	"project_id" uuid,
	"department_id" uuid,
	CONSTRAINT "journal_lines_line_no_key" UNIQUE("entry_id","line_no"),
	CONSTRAINT "journal_lines_amount_check" CHECK ("journal_lines"."debit" >= 0 and "journal_lines"."credit" >= 0 and not ("journal_lines"."debit" > 0 and "journal_lines"."credit" > 0))
);
--> statement-breakpoint
CREATE TABLE "journals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"default_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "journals_code_key" UNIQUE("tenant_id","company_id","code"),
	CONSTRAINT "journals_kind_check" CHECK ("journals"."kind" in ('sales', 'purchases', 'bank', 'cash', 'general'))
);
--> statement-breakpoint
CREATE TABLE "numbering_series" (
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"key" text NOT NULL,
	"year" integer NOT NULL,
	"prefix" text NOT NULL,
	"next_number" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "numbering_series_pkey" PRIMARY KEY("tenant_id","company_id","key","year")
);
--> statement-breakpoint
ALTER TABLE "accounting_settings" ADD CONSTRAINT "accounting_settings_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytic_dimensions" ADD CONSTRAINT "analytic_dimensions_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_periods" ADD CONSTRAINT "fiscal_periods_fiscal_year_fkey" FOREIGN KEY ("fiscal_year_id") REFERENCES "public"."fiscal_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD CONSTRAINT "fiscal_years_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gl_entries" ADD CONSTRAINT "gl_entries_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gl_entries" ADD CONSTRAINT "gl_entries_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_journal_id_fkey" FOREIGN KEY ("journal_id") REFERENCES "public"."journals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_counterparty_id_fkey" FOREIGN KEY ("counterparty_id") REFERENCES "public"."counterparties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_cost_centre_id_fkey" FOREIGN KEY ("cost_centre_id") REFERENCES "public"."analytic_dimensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "public"."analytic_dimensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "public"."analytic_dimensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journals" ADD CONSTRAINT "journals_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journals" ADD CONSTRAINT "journals_default_account_id_fkey" FOREIGN KEY ("default_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "numbering_series" ADD CONSTRAINT "numbering_series_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fiscal_periods_ends_on_idx" ON "fiscal_periods" USING btree ("tenant_id","company_id","ends_on");--> statement-breakpoint
CREATE INDEX "gl_entries_account_date_idx" ON "gl_entries" USING btree ("tenant_id","company_id","account_id","posting_date");--> statement-breakpoint
CREATE INDEX "gl_entries_entry_idx" ON "gl_entries" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "gl_entries_counterparty_idx" ON "gl_entries" USING btree ("tenant_id","counterparty_id","posting_date") WHERE "gl_entries"."counterparty_id" is not null;--> statement-breakpoint
CREATE INDEX "gl_monthly_balances_month_idx" ON "gl_monthly_balances" USING btree ("tenant_id","company_id","month");--> statement-breakpoint
CREATE INDEX "journal_entries_date_idx" ON "journal_entries" USING btree ("tenant_id","company_id","posting_date","id");--> statement-breakpoint
CREATE INDEX "journal_entries_source_idx" ON "journal_entries" USING btree ("tenant_id","source_type","source_id");