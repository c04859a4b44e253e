import { asc, eq } from 'drizzle-orm';
import type { Handlers } from '../../../../shared/contract';
import { uuidv7 } from '../../../../shared/domain/ids';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import { offices, titolario } from '../../db/schema';
import { officeFromRow, titolarioFromRow } from '../../db/rows';
import { applyMutation } from '../../write/apply-mutation';

type OrganisationHandlers = Pick<Handlers<DeskContext>, 'titolario.list' | 'titolario.upsert' | 'offices.list' | 'offices.upsert'>;

/** Titolario and offices: local reads, upserts through the write path. */
export function organisationHandlers(d: DeskDeps): OrganisationHandlers {
  const changed = (domain: 'titolario' | 'offices') => {
    d.emit({ type: 'data-changed', domains: [domain] });
    void d.engine.round();
  };
  return {
    'titolario.list': () => d.db.select().from(titolario).orderBy(asc(titolario.code)).all().map(titolarioFromRow),
    'titolario.upsert': (input, ctx) => {
      applyMutation(d.db, 'titolario.upsert', input, requireUser(ctx), { now: d.clock() });
      changed('titolario');
      return titolarioFromRow(d.db.select().from(titolario).where(eq(titolario.code, input.code)).get()!);
    },
    'offices.list': () => d.db.select().from(offices).orderBy(asc(offices.code)).all().map(officeFromRow),
    'offices.upsert': (input, ctx) => {
      const id = input.id ?? uuidv7(d.clock().getTime());
      applyMutation(d.db, 'offices.upsert', { ...input, id }, requireUser(ctx), { now: d.clock() });
      changed('offices');
      return officeFromRow(d.db.select().from(offices).where(eq(offices.id, id)).get()!);
    },
  };
}
