/**
 * Hearing requests with the Mayor (udienze): richiesta → istruttoria → calendarizzata (an
 * agenda item, once the agenda lands) → svolta → esito. Stages only move forward, one at a time.
 */

export const hearingStages = ['richiesta', 'istruttoria', 'calendarizzata', 'svolta', 'esito'] as const;

export type HearingStage = (typeof hearingStages)[number];

export const hearingStageLabels: Record<HearingStage, string> = {
  richiesta: 'Richiesta',
  istruttoria: 'In istruttoria',
  calendarizzata: 'Calendarizzata',
  svolta: 'Svolta',
  esito: 'Esito comunicato',
};

/** True when `to` is `from` itself or the next stage. */
export function canAdvanceHearing(from: HearingStage, to: HearingStage): boolean {
  const step = hearingStages.indexOf(to) - hearingStages.indexOf(from);
  return step === 0 || step === 1;
}

/** The stage after `from`, or null at the end. */
export function nextHearingStage(from: HearingStage): HearingStage | null {
  return hearingStages[hearingStages.indexOf(from) + 1] ?? null;
}
