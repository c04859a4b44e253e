import type { Role } from './roles';

/**
 * Which profiles may call each procedure (Linee guida AgID: access by profiles). Anything not
 * listed here needs only a valid session. Annulment is executed only by the responsabile
 * (Linee guida, art. 54 DPR 445/2000); any clerk may request it. The list of colleagues is open to
 * every profile: assignments to people need it.
 */
const caseWorkers: readonly Role[] = ['responsabile', 'protocollista', 'segreteria', 'cerimoniale'];

const agendaKeepers: readonly Role[] = ['segreteria', 'cerimoniale'];
const agendaPrivateDetails = 'agenda.privateDetails';

export const permissions: Record<string, readonly Role[]> = {
  'users.create': ['amministratore'],
  'users.update': ['amministratore'],
  'offices.upsert': ['amministratore'],
  'titolario.upsert': ['amministratore', 'responsabile'],
  'protocol.register': ['responsabile', 'protocollista', 'segreteria'],
  'protocol.update': ['responsabile', 'protocollista', 'segreteria'],
  'protocol.requestAnnulment': ['responsabile', 'protocollista', 'segreteria'],
  'protocol.annul': ['responsabile'],
  'protocol.dailyRegister': ['responsabile', 'protocollista', 'amministratore'],
  'protocol.search': ['amministratore', 'responsabile', 'protocollista', 'segreteria'],
  'protocol.get': ['amministratore', 'responsabile', 'protocollista', 'segreteria'],
  'protocol.label': ['responsabile', 'protocollista', 'segreteria'],
  'directory.create': ['responsabile', 'protocollista', 'segreteria', 'cerimoniale'],
  'directory.update': ['responsabile', 'protocollista', 'segreteria', 'cerimoniale'],
  // Emergency register (art. 63): registering clerks open, use and close it; only the
  // responsabile pre-authorises a device.
  'emergency.open': ['responsabile', 'protocollista', 'segreteria'],
  'emergency.close': ['responsabile', 'protocollista', 'segreteria'],
  'emergency.register': ['responsabile', 'protocollista', 'segreteria'],
  'protocol.registerEmergency': ['responsabile', 'protocollista', 'segreteria'],
  'emergency.preauthorise': ['responsabile'],
  // Devices (issue 3): only administrators enroll, revoke and review devices.
  'devices.createEnrollment': ['amministratore'],
  'devices.list': ['amministratore'],
  'devices.revoke': ['amministratore'],
  'devices.reviewList': ['amministratore'],
  'devices.reviewResolve': ['amministratore'],
  // Cases (issue 4): the secretariat and the front desk work them; the ceremonial office handles
  // invitations and hearings; only an administrator changes term rules (audited).
  ...Object.fromEntries(
    ['cases.open', 'cases.linkEntry', 'cases.assign', 'cases.takeCharge', 'cases.refuse', 'cases.transition', 'cases.suspend', 'cases.resume',
      'cases.addNote', 'cases.replyDraft', 'cases.replySent', 'cases.close', 'cases.archive', 'cases.updatePatronage', 'cases.decidePatronage',
      'cases.advanceHearing', 'signature.submit'].map((p) => [p, caseWorkers]),
  ),
  'cases.updateType': ['amministratore'],
  'cases.updateSettings': ['amministratore'],
  'cases.audit': ['amministratore', 'responsabile'],
  // The Mayor signs through his secretariat's desk.
  'signature.decide': ['segreteria', 'responsabile'],
  // Agenda (issue 5): the secretariat and the ceremonial office keep it; private details of the
  // Mayor's engagements are for the secretariat only (the others see "Occupato").
  ...Object.fromEntries(
    ['agenda.create', 'agenda.update', 'agenda.delete', 'agenda.delegate', 'agenda.instantiateTemplates', 'invitations.record',
      'invitations.decide', 'invitations.linkLetter', 'invitations.letterDraft'].map((p) => [p, agendaKeepers]),
  ),
  ...Object.fromEntries(['agenda.upsertPerson', 'agenda.upsertRoom', 'agenda.upsertTemplate'].map((p) => [p, ['amministratore', ...agendaKeepers]])),
  [agendaPrivateDetails]: ['segreteria'],
};

/** Not a procedure: who reads the details of private engagements (visibility "privato"). */
export const agendaPrivateDetailsPermission = agendaPrivateDetails;

export function isAllowed(procedure: string, userRoles: readonly Role[]): boolean {
  const allowed = permissions[procedure];
  if (!allowed) return true;
  return userRoles.some((r) => allowed.includes(r));
}
