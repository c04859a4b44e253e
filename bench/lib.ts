import os from 'node:os';

/** One measured figure beside its target; benchmarks print these, tests never time anything. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≤ 20 ms" or "≥ 300 /s". */
  target: string;
  pass: boolean;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'cpu sconosciuta';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function printTable(title: string, rows: BenchRow[]): void {
  const lines = rows.map((r) => [r.name, `${round(r.value)} ${r.unit}`, r.target, r.pass ? 'OK' : 'SOTTO OBIETTIVO']);
  const header = ['misura', 'valore', 'obiettivo', 'esito'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(`\n## ${title}`);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
}

function round(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}
