// Second pass of `npm test`: the register-server suites (the desk and several desks against the
// server, devices, emergency recovery) on a
// real PostgreSQL when DATABASE_URL is set; without it, PGlite alone has already run them.
import { spawnSync } from 'node:child_process';

if (!process.env.DATABASE_URL) {
  console.log('DATABASE_URL non impostata: suite del server eseguita solo su PGlite.');
  process.exit(0);
}
console.log(`Suite del server su PostgreSQL (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')})`);
const res = spawnSync('npx', ['vitest', 'run', 'test/integration/server', 'test/integration/core', 'test/integration/sync', 'test/integration/devices', 'test/integration/emergency'], {
  stdio: 'inherit',
  env: { ...process.env, TEST_BACKEND: 'postgres' },
});
process.exit(res.status ?? 1);
