import { offices, titolario } from '../../db/schema';
import { parentCodeOf } from '../../db/rows';
import type { EffectContext } from '../../write/context';

export interface TitolarioUpsertArgs { code: string; title: string; active: boolean }
export interface OfficeUpsertArgs { id: string; code: string; name: string; active: boolean }

/** Local effect of titolario.upsert: classes are never deleted, only deactivated. */
export function upsertTitolarioEffect(args: TitolarioUpsertArgs, { db }: EffectContext): void {
  db.insert(titolario)
    .values({ code: args.code, title: args.title, active: args.active, parentCode: parentCodeOf(args.code), version: 0 })
    .onConflictDoUpdate({ target: titolario.code, set: { title: args.title, active: args.active } })
    .run();
}

/** Local effect of offices.upsert. */
export function upsertOfficeEffect(args: OfficeUpsertArgs, { db }: EffectContext): void {
  db.insert(offices)
    .values({ id: args.id, code: args.code, name: args.name, active: args.active, version: 0 })
    .onConflictDoUpdate({ target: offices.id, set: { code: args.code, name: args.name, active: args.active } })
    .run();
}
