CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"open_item_id" uuid NOT NULL,
	"settled_by_id" uuid NOT NULL,
	"payment_id" uuid,
	"allocated_on" date NOT NULL,
	"amount" numeric(19, 4) NOT NULL,
	"amount_at_item_rate" numeric(19, 4) NOT NULL,
	"amount_at_settling_rate" numeric(19, 4) NOT NULL,
	"exchange_entry_id" uuid,
	"undoes_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "allocations_undoes_id_key" UNIQUE("undoes_id")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"description" text NOT NULL,
	"account_id" uuid NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	"unit_price" numeric(19, 4) NOT NULL,
	"discount_percent" numeric(9, 4) DEFAULT '0' NOT NULL,
	"tax_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"net" numeric(19, 4) DEFAULT '0' NOT NULL,
	"tax" numeric(19, 4) DEFAULT '0' NOT NULL,
	"cost_centre_id" uuid,
	"project_id" uuid,
	"department_id" uuid,
	CONSTRAINT "invoice_lines_line_no_key" UNIQUE("invoice_id","line_no"),
	CONSTRAINT "invoice_lines_discount_percent_check" CHECK ("invoice_lines"."discount_percent" >= 0 and "invoice_lines"."discount_percent" <= 100)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"counterparty_id" uuid NOT NULL,
	"client_id" uuid,
	"source_id" uuid,
	"invoice_date" date NOT NULL,
	"currency" text NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"payment_terms_id" uuid,
	"tax_rounding" text DEFAULT 'per_line' NOT NULL,
	"net_total" numeric(19, 4) DEFAULT '0' NOT NULL,
	"tax_total" numeric(19, 4) DEFAULT '0' NOT NULL,
	"gross_total" numeric(19, 4) DEFAULT '0' NOT NULL,
	"gross_in_company_currency" numeric(19, 4) DEFAULT '0' NOT NULL,
	"credits_invoice_id" uuid,
	"journal_entry_id" uuid,
	"memo" text,
	"posted_at" timestamp with time zone,
	"posted_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "invoices_number_key" UNIQUE("tenant_id","company_id","kind","number"),
	CONSTRAINT "invoices_kind_check" CHECK ("invoices"."kind" in ('customer_invoice', 'customer_credit_note', 'supplier_invoice', 'supplier_credit_note')),
	CONSTRAINT "invoices_status_check" CHECK ("invoices"."status" in ('draft', 'posted', 'cancelled')),
	CONSTRAINT "invoices_rate_check" CHECK ("invoices"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "open_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"side" text NOT NULL,
	"counterparty_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"invoice_id" uuid,
	"payment_id" uuid,
	"instalment" integer DEFAULT 1 NOT NULL,
	"document_date" date NOT NULL,
	"due_date" date NOT NULL,
	"currency" text NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"amount" numeric(19, 4) NOT NULL,
	"amount_in_company_currency" numeric(19, 4) NOT NULL,
	"outstanding" numeric(19, 4) NOT NULL,
	"outstanding_in_company_currency" numeric(19, 4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "open_items_side_check" CHECK ("open_items"."side" in ('receivable', 'payable')),
	CONSTRAINT "open_items_outstanding_check" CHECK (("open_items"."amount" >= 0 and "open_items"."outstanding" between 0 and "open_items"."amount") or ("open_items"."amount" < 0 and "open_items"."outstanding" between "open_items"."amount" and 0))
);
--> statement-breakpoint
CREATE TABLE "payment_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"instalments" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "payment_terms_name_key" UNIQUE("tenant_id","company_id","name")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"number" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"counterparty_id" uuid NOT NULL,
	"journal_id" uuid NOT NULL,
	"payment_date" date NOT NULL,
	"currency" text NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"amount" numeric(19, 4) NOT NULL,
	"amount_in_company_currency" numeric(19, 4) DEFAULT '0' NOT NULL,
	"reference" text,
	"is_refund" boolean DEFAULT false NOT NULL,
	"journal_entry_id" uuid,
	"posted_at" timestamp with time zone,
	"posted_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "payments_number_key" UNIQUE("tenant_id","company_id","direction","number"),
	CONSTRAINT "payments_direction_check" CHECK ("payments"."direction" in ('in', 'out')),
	CONSTRAINT "payments_status_check" CHECK ("payments"."status" in ('draft', 'posted', 'cancelled')),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" > 0),
	CONSTRAINT "payments_rate_check" CHECK ("payments"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "taxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rate_percent" numeric(9, 4) NOT NULL,
	"kind" text DEFAULT 'on_net' NOT NULL,
	"compound" boolean DEFAULT false NOT NULL,
	"sales_account_id" uuid NOT NULL,
	"purchase_account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "taxes_name_key" UNIQUE("tenant_id","company_id","name"),
	CONSTRAINT "taxes_rate_percent_check" CHECK ("taxes"."rate_percent" >= 0 and "taxes"."rate_percent" <= 100),
	CONSTRAINT "taxes_kind_check" CHECK ("taxes"."kind" in ('on_net', 'included'))
);
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_open_item_id_fkey" FOREIGN KEY ("open_item_id") REFERENCES "public"."open_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_settled_by_id_fkey" FOREIGN KEY ("settled_by_id") REFERENCES "public"."open_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_exchange_entry_id_fkey" FOREIGN KEY ("exchange_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_undoes_id_fkey" FOREIGN KEY ("undoes_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_cost_centre_id_fkey" FOREIGN KEY ("cost_centre_id") REFERENCES "public"."analytic_dimensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "public"."analytic_dimensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "public"."analytic_dimensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_counterparty_id_fkey" FOREIGN KEY ("counterparty_id") REFERENCES "public"."counterparties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_payment_terms_id_fkey" FOREIGN KEY ("payment_terms_id") REFERENCES "public"."payment_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_journal_entry_id_fkey" FOREIGN KEY ("journal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_items" ADD CONSTRAINT "open_items_counterparty_id_fkey" FOREIGN KEY ("counterparty_id") REFERENCES "public"."counterparties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_items" ADD CONSTRAINT "open_items_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_items" ADD CONSTRAINT "open_items_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_terms" ADD CONSTRAINT "payment_terms_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_counterparty_id_fkey" FOREIGN KEY ("counterparty_id") REFERENCES "public"."counterparties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_journal_id_fkey" FOREIGN KEY ("journal_id") REFERENCES "public"."journals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_journal_entry_id_fkey" FOREIGN KEY ("journal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxes" ADD CONSTRAINT "taxes_company_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxes" ADD CONSTRAINT "taxes_sales_account_id_fkey" FOREIGN KEY ("sales_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxes" ADD CONSTRAINT "taxes_purchase_account_id_fkey" FOREIGN KEY ("purchase_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocations_open_item_idx" ON "allocations" USING btree ("open_item_id");--> statement-breakpoint
CREATE INDEX "allocations_settled_by_idx" ON "allocations" USING btree ("settled_by_id");--> statement-breakpoint
CREATE INDEX "invoices_counterparty_idx" ON "invoices" USING btree ("tenant_id","counterparty_id","invoice_date");--> statement-breakpoint
CREATE INDEX "invoices_date_idx" ON "invoices" USING btree ("tenant_id","company_id","invoice_date","id");--> statement-breakpoint
CREATE INDEX "open_items_counterparty_idx" ON "open_items" USING btree ("tenant_id","company_id","counterparty_id","due_date");--> statement-breakpoint
CREATE INDEX "open_items_open_idx" ON "open_items" USING btree ("tenant_id","company_id","side","due_date") WHERE "open_items"."outstanding" <> 0;--> statement-breakpoint
CREATE INDEX "payments_counterparty_idx" ON "payments" USING btree ("tenant_id","counterparty_id","payment_date");