import type { SignatureState } from '../../../shared/contract';

export const signatureStateLabels: Record<SignatureState, string> = {
  in_attesa: 'In attesa di firma',
  firmato: 'Firmato',
  chiarimenti: 'Chiarimenti richiesti',
  ritirato: 'Ritirato',
};

export const signaturePriorityLabels = { normale: 'Normale', urgente: 'Urgente', urgentissima: 'Urgentissima' } as const;

/** Most urgent first, then oldest first: the order in which the Mayor should read them. */
export function signatureOrder(a: { priority: keyof typeof signaturePriorityLabels; submittedAt: string }, b: typeof a): number {
  const rank = { urgentissima: 0, urgente: 1, normale: 2 } as const;
  return rank[a.priority] - rank[b.priority] || a.submittedAt.localeCompare(b.submittedAt);
}
