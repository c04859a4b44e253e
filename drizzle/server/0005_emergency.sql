CREATE TABLE "emergency_entries" (
	"entry_id" text PRIMARY KEY NOT NULL,
	"emergency_number" text NOT NULL,
	"year" integer NOT NULL,
	"device_code" text NOT NULL,
	"seq" integer NOT NULL,
	"session_id" text NOT NULL,
	"legal_date" timestamp with time zone NOT NULL,
	"recovered_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_preauthorisations" (
	"id" text PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"act" text NOT NULL,
	"authorised_by" text NOT NULL,
	"authorised_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"device_code" text NOT NULL,
	"cause" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"authoriser" jsonb NOT NULL,
	"daily_counts" jsonb NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"declared_total" integer,
	"opened_by" text NOT NULL,
	"opened_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_entries_number_unique" ON "emergency_entries" USING btree ("emergency_number");--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_entries_device_seq_unique" ON "emergency_entries" USING btree ("year","device_code","seq");--> statement-breakpoint
CREATE INDEX "emergency_entries_session" ON "emergency_entries" USING btree ("session_id");