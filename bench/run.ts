import { machineLine, printTable, type BenchRow } from './lib';

/**
 * `npm run bench`: every benchmark in turn, one table each, with the machine on top. Targets are
 * printed beside the figures; nothing here fails a build (speed lives in bench/, not in tests).
 * `npm run bench -- local-search` runs only the named ones.
 */
const suites: Array<[string, string]> = [
  ['local-search', 'Ricerca locale su 1.000.000 di registrazioni (SQLite FTS5)'],
  ['registration-roundtrip', 'Registrazione dal desk con server integrato (PGlite)'],
  ['server-registrations', 'Server del registro su PostgreSQL, 50 client concorrenti'],
  ['sync-initial', 'Sincronizzazione iniziale di 1.000.000 di registrazioni, confronto con PouchDB'],
  ['sync-latency', 'Modifica sul desk A visibile sul desk B (SSE, poi pull)'],
  ['sync-week', 'Portatile di ritorno dopo una settimana: 5.000 modifiche su, 200.000 giù'],
  ['cases-desk', 'Pratiche sul desk: la mia scrivania e gli indicatori con 100.000 pratiche'],
  ['agenda-ui', 'Agenda in Chromium: cambio di settimana e di mese (5.000 impegni, 10 sale)'],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`# Gonfalone — benchmark\nMacchina: ${machineLine()}\nData: ${new Date().toISOString()}`);
  let missed = 0;
  for (const [file, title] of suites) {
    if (only.length && !only.includes(file)) continue;
    const mod = (await import(`./${file}.ts`)) as { run: () => Promise<BenchRow[]> };
    const rows = await mod.run();
    printTable(title, rows);
    missed += rows.filter((r) => !r.pass).length;
  }
  console.log(missed ? `\n${missed} misure sotto obiettivo.` : '\nTutte le misure rispettano gli obiettivi.');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
