import { performance } from 'node:perf_hooks';
import { openLocalDatabase } from '../src/main/core/db/open';
import { searchEntries } from '../src/main/core/modules/protocol/search';
import { searchInput } from '../src/shared/contract';
const db = openLocalDatabase('/tmp/bench1m.db');
const s = db.$client;
const q = searchInput.parse({ text: 'richiesta contributo' });
for (let r = 0; r < 3; r++) { const a = performance.now(); for (let i=0;i<10;i++) searchEntries(s, q); console.log('search', ((performance.now()-a)/10).toFixed(2)); }
const a = performance.now(); for (let i=0;i<10;i++) s.prepare(`SELECT count(*) FROM (SELECT 1 FROM protocol_fts WHERE protocol_fts MATCH ? LIMIT 10001)`); console.log('prepare', ((performance.now()-a)/10).toFixed(2));
const st = s.prepare(`SELECT e.* FROM protocol_fts f CROSS JOIN protocol_entries e ON e.sort_key = f.rowid WHERE protocol_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`);
let b = performance.now(); for (let i=0;i<10;i++) st.all('"richiesta" "contributo"*', 100); console.log('page', ((performance.now()-b)/10).toFixed(2));
b = performance.now(); for (let i=0;i<10;i++) st.all('"richiesta" "contributo"', 100); console.log('page noprefix', ((performance.now()-b)/10).toFixed(2));
const c = s.prepare(`SELECT count(*) FROM (SELECT 1 FROM protocol_fts WHERE protocol_fts MATCH ? LIMIT 10001)`).pluck();
b = performance.now(); for (let i=0;i<10;i++) c.get('"richiesta" "contributo"*'); console.log('count prefix', ((performance.now()-b)/10).toFixed(2));
