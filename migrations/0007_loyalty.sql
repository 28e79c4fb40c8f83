CREATE TABLE "loyalty_balances" (
	"tenant_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"points" numeric(20, 6) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_balances_client_key" UNIQUE("program_id","client_id"),
	CONSTRAINT "loyalty_balances_not_negative" CHECK ("loyalty_balances"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "loyalty_cards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"card_number" text NOT NULL,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_at" timestamp with time zone,
	CONSTRAINT "loyalty_cards_card_number_key" UNIQUE("tenant_id","card_number")
);
--> statement-breakpoint
CREATE TABLE "loyalty_ledger" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"card_id" uuid,
	"kind" text NOT NULL,
	"points" numeric(20, 6) NOT NULL,
	"occurred_on" date NOT NULL,
	"expires_on" date,
	"purchase_amount" numeric(19, 4),
	"document_type" text,
	"document_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_programs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"accrual_percent" numeric(7, 4) NOT NULL,
	"category_percents" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expire_days" integer,
	"max_redeem_percent" numeric(7, 4) DEFAULT '100' NOT NULL,
	"point_value" numeric(19, 4) DEFAULT '1' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "loyalty_programs_name_key" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
ALTER TABLE "loyalty_cards" ADD CONSTRAINT "loyalty_cards_program_fkey" FOREIGN KEY ("program_id") REFERENCES "public"."loyalty_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_cards" ADD CONSTRAINT "loyalty_cards_client_fkey" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_program_fkey" FOREIGN KEY ("program_id") REFERENCES "public"."loyalty_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_client_fkey" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loyalty_cards_phone_idx" ON "loyalty_cards" USING btree ("tenant_id","phone");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_client_idx" ON "loyalty_ledger" USING btree ("tenant_id","program_id","client_id","occurred_on");