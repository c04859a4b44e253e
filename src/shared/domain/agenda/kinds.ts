/**
 * Kinds of engagement in the Mayor's agenda and who may see them (issue 5). The codes are stored
 * and synced; the labels are what the secretariat reads.
 */

export const eventKinds = [
  'appuntamento',
  'giunta',
  'cerimonia',
  'evento_pubblico',
  'visita_delegazione',
  'missione',
  'udienza',
  'impegno_privato',
  'prenotazione_sala',
] as const;

export type EventKind = (typeof eventKinds)[number];

export const eventKindLabels: Record<EventKind, string> = {
  appuntamento: 'Appuntamento',
  giunta: 'Riunione di Giunta',
  cerimonia: 'Cerimonia',
  evento_pubblico: 'Evento pubblico',
  visita_delegazione: 'Visita o delegazione',
  missione: 'Missione',
  udienza: 'Udienza',
  impegno_privato: 'Impegno privato',
  prenotazione_sala: 'Prenotazione sala',
};

export const visibilities = ['pubblico', 'interno', 'privato'] as const;

export type Visibility = (typeof visibilities)[number];

export const visibilityLabels: Record<Visibility, string> = {
  pubblico: 'Pubblico',
  interno: 'Interno',
  privato: 'Privato',
};

/**
 * The visibility a new engagement of this kind starts with; the user may change it. Ceremonies
 * and public events are announced; private commitments are never shown; everything else is
 * office business, visible inside the town hall only.
 */
export const defaultVisibilityOf: Record<EventKind, Visibility> = {
  appuntamento: 'interno',
  giunta: 'interno',
  cerimonia: 'pubblico',
  evento_pubblico: 'pubblico',
  visita_delegazione: 'interno',
  missione: 'interno',
  udienza: 'interno',
  impegno_privato: 'privato',
  prenotazione_sala: 'interno',
};

/** Type guard for stored or received kind codes. */
export function isEventKind(value: string): value is EventKind {
  return (eventKinds as readonly string[]).includes(value);
}

/** Type guard for stored or received visibility codes. */
export function isVisibility(value: string): value is Visibility {
  return (visibilities as readonly string[]).includes(value);
}
