import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract/errors';
import type { Organisation, SetupInitializeInput, SetupStatus } from '../../../shared/contract/setup';
import type { Db } from '../../db/client';
import type { Writer } from '../../db/write';
import { organisation, titolario } from '../../db/schema';
import { hashPassword } from '../../auth/passwords';
import { createUser } from '../users/service';
import { parentOf, sortKeyOf, toTitolarioNode } from './titolario';
import { titolarioSeed } from './titolario-seed';
import { seedAgendaDefaults } from '../agenda/defaults';
import { seedCaseDefaults } from '../cases/seed';

export function toOrganisation(r: typeof organisation.$inferSelect): Organisation {
  return { administrationName: r.administrationName, ipaCode: r.ipaCode, aooCode: r.aooCode, aooName: r.aooName, registerCode: r.registerCode };
}

export async function loadOrganisation(db: Db): Promise<(typeof organisation.$inferSelect) | null> {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, 'singleton'));
  return row ?? null;
}

/** The organisation, or NOT_INITIALIZED: nothing can be registered before setup. */
export async function requireOrganisation(db: Db): Promise<typeof organisation.$inferSelect> {
  const row = await loadOrganisation(db);
  if (!row) throw new AppError('NOT_INITIALIZED');
  return row;
}

export async function setupStatus(db: Db): Promise<SetupStatus> {
  const row = await loadOrganisation(db);
  return { initialized: row !== null, organisation: row ? toOrganisation(row) : null, serverReachable: true };
}

/**
 * First run: administration, AOO, register, the first administrator (amministratore only: the
 * responsabile del protocollo is appointed afterwards) and the seeded titolario.
 */
export async function initialize(writer: Writer, input: SetupInitializeInput, now: Date): Promise<SetupStatus> {
  const hashed = await hashPassword(input.admin.password);
  await writer.write(async (tx, changes) => {
    // The singleton primary key makes a concurrent second setup fail instead of duplicating.
    const inserted = await tx
      .insert(organisation)
      .values({
        id: 'singleton',
        administrationName: input.administration.name,
        ipaCode: input.administration.ipaCode,
        aooCode: input.aoo.code,
        aooName: input.aoo.name,
        registerCode: input.registerCode,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new AppError('ALREADY_INITIALIZED');
    changes.add('organisation', 'singleton', toOrganisation(inserted[0]!), 1);
    await createUser(tx, changes, { ...input.admin, roles: ['amministratore'], officeId: null }, now, hashed);
    const seeded = await tx
      .insert(titolario)
      .values(titolarioSeed().map((n) => ({ code: n.code, title: n.title, parentCode: parentOf(n.code), sortKey: sortKeyOf(n.code), active: true })))
      .onConflictDoNothing()
      .returning();
    for (const r of seeded) changes.add('titolario', r.code, toTitolarioNode(r), r.version);
  });
  // Issue 5: the Mayor's agenda and the ceremony templates, in a transaction of their own.
  await writer.write((tx, changes) => seedAgendaDefaults(tx, changes, now));
  // Issue 4: the case types with their legal terms and the case settings.
  await writer.write((tx, changes) => seedCaseDefaults(tx, changes, now));
  return setupStatus(writer.db);
}
