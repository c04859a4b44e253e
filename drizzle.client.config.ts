import { defineConfig } from 'drizzle-kit';

// The desk's local SQLite schema; migrations are generated, forward-only and shipped.
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./src/main/core/db/schema.ts', './src/main/core/db/cases-schema.ts', './src/main/core/db/agenda-schema.ts'],
  out: './drizzle/client',
});
