import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../../shared/contract';
import { mutationVersions, type MutationName } from '../../../shared/sync/protocol';
import { uuidv7 } from '../../../shared/domain/ids';
import type { Db } from '../db/open';
import { outbox } from '../db/schema';
import { throughWriteGate } from '../db/write-gate';
import type { EffectContext } from './context';
import { annulEffect, registerEffect, requestAnnulmentEffect, updateEffect } from '../modules/protocol/effects';
import { createContactEffect, updateContactEffect } from '../modules/directory/effects';
import { upsertOfficeEffect, upsertTitolarioEffect } from '../modules/organisation/effects';
import { resolveConflictEffect } from '../modules/conflicts/effects';
import { closeEffect, openEffect, preauthoriseEffect, registerEmergencyEffect } from '../modules/emergency/effects';
import { caseEffects, updateSettingsEffect, updateTypeEffect } from '../modules/cases/effects';
import { decideSignatureEffect, submitSignatureEffect } from '../modules/cases/signature-effects';
import { agendaEventEffects, upsertPersonEffect, upsertRoomEffect, upsertTemplateEffect } from '../modules/agenda/effects';
import { decideInvitationEffect, linkLetterEffect, recordInvitationEffect } from '../modules/invitations/effects';

/** The local effect of every mutation the desk writes; a missing one is a type error. */
const localEffects: { [K in MutationName]: (args: never, ctx: EffectContext) => void } = {
  'protocol.register': registerEffect,
  'protocol.update': updateEffect,
  'protocol.requestAnnulment': requestAnnulmentEffect,
  'protocol.annul': annulEffect,
  'directory.create': createContactEffect,
  'directory.update': updateContactEffect,
  'titolario.upsert': upsertTitolarioEffect,
  'offices.upsert': upsertOfficeEffect,
  'conflicts.resolve': resolveConflictEffect,
  'emergency.open': openEffect,
  'emergency.close': closeEffect,
  'emergency.preauthorise': preauthoriseEffect,
  'protocol.registerEmergency': registerEmergencyEffect,
  ...caseEffects,
  'cases.updateType': updateTypeEffect,
  'cases.updateSettings': updateSettingsEffect,
  'signature.submit': submitSignatureEffect,
  'signature.decide': decideSignatureEffect,
  ...agendaEventEffects,
  'agenda.upsertPerson': upsertPersonEffect,
  'agenda.upsertRoom': upsertRoomEffect,
  'agenda.upsertTemplate': upsertTemplateEffect,
  'invitations.record': recordInvitationEffect,
  'invitations.decide': decideInvitationEffect,
  'invitations.linkLetter': linkLetterEffect,
};

export interface AppliedMutation {
  mutationId: string;
  seq: number;
}

/**
 * THE write path (STYLE.md, "exactly one write path"): applies the local effect of a named
 * mutation and appends it to the outbox in one SQLite transaction, so nothing the clerk does
 * can be lost or applied without being sent to the register server.
 */
export function applyMutation(
  db: Db,
  name: MutationName,
  args: object,
  user: SessionUser,
  opts: { now: Date; baseVersions?: Record<string, number>; mutationId?: string },
): AppliedMutation {
  const now = opts.now.toISOString();
  const mutationId = opts.mutationId ?? uuidv7(opts.now.getTime());
  return throughWriteGate(db.$client, () => {
    runEffect(name, args, { db, user, now, mutationId });
    const row = db
      .insert(outbox)
      .values({
        mutationId,
        name,
        version: mutationVersions[name],
        args: JSON.stringify(args),
        baseVersions: JSON.stringify(opts.baseVersions ?? {}),
        userId: user.id,
        createdAt: now,
        status: 'pending',
      })
      .returning({ seq: outbox.seq })
      .get();
    return { mutationId, seq: row.seq };
  });
}

/** Re-applies the effects of still-pending mutations on top of pulled rows (same transaction). */
export function reapplyPending(db: Db, lookupUser: (userId: string) => SessionUser): void {
  const pending = db.select().from(outbox).where(eq(outbox.status, 'pending')).orderBy(outbox.seq).all();
  for (const m of pending) {
    if (!isMutationName(m.name)) continue;
    runEffect(m.name, JSON.parse(m.args) as object, { db, user: lookupUser(m.userId), now: m.createdAt, mutationId: m.mutationId, replay: true });
  }
}

function runEffect(name: MutationName, args: object, ctx: EffectContext): void {
  const effect = localEffects[name] as (a: object, c: EffectContext) => void;
  effect(args, ctx);
}

export function isMutationName(name: string): name is MutationName {
  return Object.prototype.hasOwnProperty.call(mutationVersions, name);
}
