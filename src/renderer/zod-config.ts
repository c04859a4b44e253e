import { z } from 'zod';

// Imported first by main.tsx: zod probes `new Function` when the contract's schemas are built,
// which the page's CSP (no 'unsafe-eval') reports as a violation. jitless skips the probe.
z.config({ jitless: true });
