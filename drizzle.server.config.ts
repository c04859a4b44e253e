import { defineConfig } from 'drizzle-kit';

/** Register server migrations (PostgreSQL dialect; PGlite runs the same SQL). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './drizzle/server',
});
