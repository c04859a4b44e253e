import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generate } from './local-search';
import { openLocalDatabase } from '../src/main/core/db/open';
const file = '/tmp/bench1m.db';
const db = fs.existsSync(file) ? openLocalDatabase(file) : generate(file);
const s = db.$client;
const t = (label: string, sql: string, ...p: unknown[]) => { const st = s.prepare(sql); st.all(...p); const a = performance.now(); for (let i=0;i<10;i++) st.all(...p); console.log(label, ((performance.now()-a)/10).toFixed(2), 'ms'); };
for (const m of ['"sagra"', '"richiesta" "contributo"', '"convoc"*']) {
t(m+' page', `SELECT e.* FROM protocol_fts f CROSS JOIN protocol_entries e ON e.sort_key = f.rowid WHERE protocol_fts MATCH ? ORDER BY f.rowid DESC LIMIT 100`, m);
t(m+' rowids only', `SELECT rowid FROM protocol_fts WHERE protocol_fts MATCH ? ORDER BY rowid DESC LIMIT 100`, m);
t(m+' count only', `SELECT count(*) FROM (SELECT 1 FROM protocol_fts WHERE protocol_fts MATCH ? LIMIT 10001)`, m);
t(m+' count join', `SELECT count(*) FROM (SELECT 1 FROM protocol_fts f CROSS JOIN protocol_entries e ON e.sort_key = f.rowid WHERE protocol_fts MATCH ? LIMIT 10001)`, m);
t(m+' count join dir', `SELECT count(*) FROM (SELECT 1 FROM protocol_fts f CROSS JOIN protocol_entries e ON e.sort_key = f.rowid WHERE protocol_fts MATCH ? AND e.direction='entrata' LIMIT 10001)`, m);
}
