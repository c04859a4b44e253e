CREATE TABLE "blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"tx_last" bigint NOT NULL,
	"table_name" text NOT NULL,
	"row_key" text NOT NULL,
	"row" jsonb,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_log_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"last" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"fields" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_registers" (
	"date" text PRIMARY KEY NOT NULL,
	"json" "bytea" NOT NULL,
	"json_sha256" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	"first_number" integer,
	"last_number" integer,
	"count" integer NOT NULL,
	"generated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutation_results" (
	"mutation_id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "offices_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" text PRIMARY KEY NOT NULL,
	"administration_name" text NOT NULL,
	"ipa_code" text NOT NULL,
	"aoo_code" text NOT NULL,
	"aoo_name" text NOT NULL,
	"register_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protocol_counters" (
	"aoo_code" text NOT NULL,
	"register_code" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "protocol_counters_aoo_code_register_code_year_pk" PRIMARY KEY("aoo_code","register_code","year")
);
--> statement-breakpoint
CREATE TABLE "protocol_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"aoo_code" text NOT NULL,
	"register_code" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"direction" text NOT NULL,
	"oggetto" text NOT NULL,
	"correspondents" jsonb NOT NULL,
	"means" text,
	"received_doc_date" text,
	"received_doc_number" text,
	"classification_code" text,
	"assignments" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"paper_attachments" jsonb NOT NULL,
	"riservato" boolean NOT NULL,
	"notes" text,
	"status" text NOT NULL,
	"annulment" jsonb,
	"registered_by" text NOT NULL,
	"registered_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protocol_history" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" text NOT NULL,
	"by_name" text NOT NULL,
	"field" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "titolario" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"parent_code" text,
	"sort_key" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" jsonb NOT NULL,
	"office_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE INDEX "login_failures_username_at" ON "login_failures" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "login_failures_ip_at" ON "login_failures" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "mutation_results_client_seq" ON "mutation_results" USING btree ("client_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "protocol_entries_number_unique" ON "protocol_entries" USING btree ("aoo_code","register_code","year","number");--> statement-breakpoint
CREATE INDEX "protocol_entries_registered_at" ON "protocol_entries" USING btree ("registered_at");--> statement-breakpoint
CREATE INDEX "protocol_history_at" ON "protocol_history" USING btree ("at");--> statement-breakpoint
CREATE INDEX "protocol_history_entry" ON "protocol_history" USING btree ("entry_id");