import { defineConfig } from 'vitest/config';

// PGlite needs 3–4 s to start an instance, Chromium a little more: generous timeouts.
export default defineConfig({
  test: {
    include: ['test/{unit,integration,e2e}/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
