CREATE TABLE "conflicts" (
	"id" text PRIMARY KEY NOT NULL,
	"table_name" text NOT NULL,
	"row_key" text NOT NULL,
	"field" text NOT NULL,
	"kept_value" jsonb,
	"losing_value" jsonb,
	"kept_by" text,
	"losing_by" text NOT NULL,
	"kept_mutation_id" text,
	"losing_mutation_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"device_id" text,
	"first_user_id" text NOT NULL,
	"bound_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_enrollments" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"device_code" text NOT NULL,
	"name" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"device_id" text
);
--> statement-breakpoint
CREATE TABLE "device_review" (
	"id" text PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"client_id" text NOT NULL,
	"user_id" text NOT NULL,
	"mutation_id" text NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"resolution" text,
	CONSTRAINT "device_review_mutation_id_unique" UNIQUE("mutation_id")
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"enrolled_by" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "devices_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "field_versions" (
	"table_name" text NOT NULL,
	"row_key" text NOT NULL,
	"field" text NOT NULL,
	"version" integer NOT NULL,
	"user_id" text NOT NULL,
	"mutation_id" text,
	CONSTRAINT "field_versions_table_name_row_key_field_pk" PRIMARY KEY("table_name","row_key","field")
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"family_id" text NOT NULL,
	"user_id" text NOT NULL,
	"device_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_client_users" (
	"client_id" text NOT NULL,
	"user_id" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sync_client_users_client_id_user_id_pk" PRIMARY KEY("client_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "device_id" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "conflicts_row" ON "conflicts" USING btree ("table_name","row_key");--> statement-breakpoint
CREATE INDEX "device_review_open" ON "device_review" USING btree ("resolved_at","received_at");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family" ON "refresh_tokens" USING btree ("family_id");