/** The profiles of the AOO (Linee guida AgID: access by profiles). */
export const roles = ['amministratore', 'responsabile', 'protocollista', 'segreteria', 'cerimoniale'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  amministratore: 'Amministratore',
  responsabile: 'Responsabile del protocollo',
  protocollista: 'Protocollista',
  segreteria: 'Segreteria',
  cerimoniale: 'Cerimoniale',
};
