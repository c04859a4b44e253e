import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs a bench child script with tsx and returns the JSON of its last stdout line. */
export async function runChild<T>(script: string, args: string[], extraNodeArgs: string[] = []): Promise<T> {
  const child = spawn(process.execPath, [...extraNodeArgs, '--import', 'tsx', path.join(here, script), ...args], {
    cwd: path.resolve(here, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const last = out.trim().split('\n').at(-1);
  if (code !== 0 || !last) throw new Error(`${script} terminato con codice ${code}: ${out.slice(-2000)}`);
  return JSON.parse(last) as T;
}

/**
 * A bench child's own peak RSS. On Linux the kernel's process-wide maximum (getrusage, what
 * `process.resourceUsage().maxRSS` reads) starts from the parent's RSS at fork time, carried
 * across exec: a bench parent holding a million-row PGlite would be measured instead of the
 * child. VmHWM is the high-water mark of this program's own address space.
 */
export function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: the process-wide figure
  }
  return process.resourceUsage().maxRSS / 1024;
}
