import type { Handlers } from '../../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import { indicatorsCsv } from './csv';
import { computeIndicators } from './indicators';
import { advanceHearing } from './hearing-agenda';
import { casesForEntry, listCases, reminders, replyDraft } from './reads';
import { caseEvents, caseSettings, caseTypes, configAudit, getCase, signatureItems } from './repository';
import { actOnCase, decideSignature, openCase, submitSignature, updateSettings, updateType } from './service';

type CaseHandlers = Pick<Handlers<DeskContext>, (`cases.${string}` | `signature.${string}`) & keyof Handlers<DeskContext>>;

/** cases.* and signature.*: local reads, writes through the write path (issue 4). */
export function casesHandlers(d: DeskDeps): CaseHandlers {
  const indicators = (input: { year: number; month?: number }) => computeIndicators(d.db, caseTypes(d.db), input.year, input.month);
  return {
    'cases.open': (input, ctx) => openCase(d, input, requireUser(ctx)),
    'cases.get': (input) => ({ case: getCase(d.db, input.caseId), events: caseEvents(d.db, input.caseId) }),
    'cases.list': (input, ctx) => listCases(d, input, requireUser(ctx)),
    'cases.reminders': (_input, ctx) => reminders(d, requireUser(ctx)),
    'cases.forEntry': (input) => casesForEntry(d, input.entryId),
    'cases.linkEntry': (input, ctx) => actOnCase(d, 'cases.linkEntry', input, requireUser(ctx)),
    'cases.assign': (input, ctx) => actOnCase(d, 'cases.assign', input, requireUser(ctx)),
    'cases.takeCharge': (input, ctx) => actOnCase(d, 'cases.takeCharge', input, requireUser(ctx)),
    'cases.refuse': (input, ctx) => actOnCase(d, 'cases.refuse', input, requireUser(ctx)),
    'cases.transition': (input, ctx) => actOnCase(d, 'cases.transition', input, requireUser(ctx)),
    'cases.suspend': (input, ctx) => actOnCase(d, 'cases.suspend', input, requireUser(ctx)),
    'cases.resume': (input, ctx) => actOnCase(d, 'cases.resume', input, requireUser(ctx)),
    'cases.addNote': (input, ctx) => actOnCase(d, 'cases.addNote', input, requireUser(ctx)),
    'cases.replyDraft': (input) => replyDraft(d, input.caseId),
    'cases.replySent': (input, ctx) => actOnCase(d, 'cases.replySent', input, requireUser(ctx)),
    'cases.close': (input, ctx) => actOnCase(d, 'cases.close', input, requireUser(ctx)),
    'cases.archive': (input, ctx) => actOnCase(d, 'cases.archive', input, requireUser(ctx)),
    'cases.updatePatronage': (input, ctx) => actOnCase(d, 'cases.updatePatronage', input, requireUser(ctx)),
    'cases.decidePatronage': (input, ctx) => actOnCase(d, 'cases.decidePatronage', input, requireUser(ctx)),
    'cases.advanceHearing': (input, ctx) => advanceHearing(d, input, requireUser(ctx)),
    'cases.types': () => caseTypes(d.db),
    'cases.updateType': (input, ctx) => updateType(d, input, requireUser(ctx)),
    'cases.settings': () => caseSettings(d.db),
    'cases.updateSettings': (input, ctx) => updateSettings(d, input, requireUser(ctx)),
    'cases.audit': () => configAudit(d.db),
    'cases.indicators': (input) => indicators(input),
    'cases.indicatorsCsv': (input) => indicatorsCsv(indicators(input)),
    'signature.list': (input) => signatureItems(d.db, input.state),
    'signature.submit': (input, ctx) => submitSignature(d, input, requireUser(ctx)),
    'signature.decide': (input, ctx) => decideSignature(d, input, requireUser(ctx)),
  };
}
