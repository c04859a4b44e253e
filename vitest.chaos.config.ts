import { defineConfig } from 'vitest/config';

// `npm run chaos`: the chaos scenarios with real processes (test/chaos). CHAOS_LONG=1 gives the
// long forms (minutes of flapping network); CHAOS_SEED=<n> replays a run. One file at a time:
// each scenario already runs a server and several desk processes on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.test.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
