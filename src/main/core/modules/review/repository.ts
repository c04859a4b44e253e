import { and, asc, desc, eq } from 'drizzle-orm';
import type { ReviewLine, ReviewTarget } from '../../../../shared/contract';
import { formatYearNumber } from '../../../../shared/domain/protocol-number';
import type { Db } from '../../db/open';
import { conflicts, contacts, offices, outbox, protocolEntries, reviewLog, titolario, users } from '../../db/schema';
import { entryFromRow } from '../../db/rows';

export type OutboxRow = typeof outbox.$inferSelect;
export type ReviewLogRow = typeof reviewLog.$inferSelect;

/** Mutations the server refused, waiting for a person's decision, oldest first. */
export function rejectedMutations(db: Db): OutboxRow[] {
  return db.select().from(outbox).where(eq(outbox.status, 'rejected')).orderBy(asc(outbox.seq)).all();
}

export function rejectedMutation(db: Db, mutationId: string): OutboxRow | undefined {
  return db.select().from(outbox).where(and(eq(outbox.mutationId, mutationId), eq(outbox.status, 'rejected'))).get();
}

export function loggedDecision(db: Db, mutationId: string): ReviewLogRow | undefined {
  return db.select().from(reviewLog).where(eq(reviewLog.mutationId, mutationId)).get();
}

export function recentDecisions(db: Db, limit: number): ReviewLogRow[] {
  return db.select().from(reviewLog).orderBy(desc(reviewLog.decidedAt), desc(reviewLog.seq)).limit(limit).all();
}

export function userName(db: Db, id: string): string | null {
  return db.select({ n: users.fullName }).from(users).where(eq(users.id, id)).get()?.n ?? null;
}

export function contactName(db: Db, id: string): string | null {
  return db.select({ n: contacts.name }).from(contacts).where(eq(contacts.id, id)).get()?.n ?? null;
}

/** Statuses of a registration, as the register shows them. */
const entryStatus: Record<string, string> = {
  registrato: 'Registrata',
  annullamento_richiesto: 'Annullamento richiesto',
  annullato: 'Annullata',
};

/** The row as this desk's copy holds it now (the server's state as of the last pull). */
export function currentState(db: Db, table: string, key: string): ReviewTarget {
  switch (table) {
    case 'protocol_entries': {
      const row = db.select().from(protocolEntries).where(eq(protocolEntries.id, key)).get();
      if (!row) return missing(table, key, 'Registrazione di protocollo');
      const e = entryFromRow(row);
      const label = e.number === null ? 'Registrazione senza numero' : `Protocollo ${formatYearNumber(e.year, e.number)}`;
      const lines: ReviewLine[] = [
        { label: 'Stato', value: entryStatus[e.status] ?? e.status },
        { label: 'Oggetto', value: e.oggetto },
        { label: 'Corrispondenti', value: e.correspondents.map((c) => c.name).join('; ') },
        { label: 'Classificazione', value: e.classificationCode ?? 'non classificata' },
        { label: 'Assegnazioni', value: e.assignments.map((a) => a.assigneeName).join('; ') || 'nessuna' },
      ];
      if (e.annulment?.reason) lines.push({ label: 'Motivo di annullamento', value: e.annulment.reason });
      return { table, key, label, current: lines, version: e.version };
    }
    case 'contacts': {
      const c = db.select().from(contacts).where(eq(contacts.id, key)).get();
      if (!c) return missing(table, key, 'Contatto');
      const lines: ReviewLine[] = [{ label: 'Nome', value: c.name }];
      for (const [label, v] of [['PEC', c.pec], ['E-mail', c.email], ['Codice fiscale', c.fiscalCode], ['Città', c.city]] as const) {
        if (v) lines.push({ label, value: v });
      }
      return { table, key, label: `Contatto ${c.name}`, current: lines, version: c.version };
    }
    case 'offices': {
      const o = db.select().from(offices).where(eq(offices.id, key)).get();
      if (!o) return missing(table, key, 'Ufficio');
      return { table, key, label: `Ufficio ${o.code}`, current: [{ label: 'Nome', value: o.name }, { label: 'Attivo', value: o.active ? 'sì' : 'no' }], version: o.version };
    }
    case 'titolario': {
      const n = db.select().from(titolario).where(eq(titolario.code, key)).get();
      if (!n) return missing(table, key, `Voce ${key} del titolario`);
      return { table, key, label: `Voce ${n.code} del titolario`, current: [{ label: 'Titolo', value: n.title }, { label: 'Attiva', value: n.active ? 'sì' : 'no' }], version: n.version };
    }
    case 'conflicts': {
      const c = db.select().from(conflicts).where(eq(conflicts.id, key)).get();
      if (!c) return missing(table, key, 'Conflitto');
      const lines: ReviewLine[] = [
        { label: 'Campo', value: c.field },
        { label: 'Valore mantenuto', value: c.keptValue ?? '—' },
        { label: 'Valore non applicato', value: c.losingValue ?? '—' },
        { label: 'Stato', value: c.resolvedAt ? `risolto il ${c.resolvedAt}` : 'da risolvere' },
      ];
      return { table, key, label: `Conflitto sul campo ${c.field}`, current: lines, version: c.version };
    }
    default:
      return missing(table, key, table);
  }
}

function missing(table: string, key: string, label: string): ReviewTarget {
  return { table, key, label, current: null, version: null };
}
