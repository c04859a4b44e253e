import { defineConfig } from 'drizzle-kit';

/** Register server migrations (PostgreSQL dialect; PGlite runs the same SQL). */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/server/db/schema.ts', './src/server/db/cases-schema.ts', './src/server/db/agenda-schema.ts'],
  out: './drizzle/server',
});
