/**
 * Titolario per i Comuni (2nd ed., 2005): the 14 titles and the classes of titles I and II,
 * as listed in DOMAIN.md (class wording from a secondary source: editable by the administrator).
 */
const titles: Array<[string, string]> = [
  ['I', 'Amministrazione generale'],
  ['II', 'Organi di governo, gestione, controllo, consulenza e garanzia'],
  ['III', 'Risorse umane'],
  ['IV', 'Risorse finanziarie e patrimonio'],
  ['V', 'Affari legali'],
  ['VI', 'Pianificazione e gestione del territorio'],
  ['VII', 'Servizi alla persona'],
  ['VIII', 'Attività economiche'],
  ['IX', 'Polizia locale e sicurezza pubblica'],
  ['X', 'Tutela della salute'],
  ['XI', 'Servizi demografici'],
  ['XII', 'Elezioni ed iniziative popolari'],
  ['XIII', 'Affari militari'],
  ['XIV', 'Oggetti diversi'],
];

const classesOfI = [
  'Legislazione e circolari esplicative',
  'Denominazione, territorio e confini, circoscrizioni di decentramento, toponomastica',
  'Statuto',
  'Regolamenti',
  'Stemma, gonfalone, sigillo',
  'Archivio generale',
  'Sistema informativo',
  'Informazioni e relazioni con il pubblico',
  'Politica del personale, ordinamento degli uffici e dei servizi',
  'Relazioni con le organizzazioni sindacali e di rappresentanza del personale',
  'Controlli interni ed esterni',
  'Editoria e attività informativo-promozionale interna ed esterna',
  'Cerimoniale, attività di rappresentanza, onorificenze e riconoscimenti',
  'Interventi di carattere politico e umanitario, rapporti istituzionali',
  "Forme associative e partecipative per l'esercizio di funzioni e servizi e adesione del Comune ad associazioni",
  'Area e città metropolitana',
  'Associazionismo e partecipazione',
];

const classesOfII = [
  'Sindaco',
  'Vice-sindaco',
  'Consiglio',
  'Presidente del Consiglio',
  'Conferenza dei capigruppo e Commissioni del Consiglio',
  'Gruppi consiliari',
  'Giunta',
  'Commissario prefettizio e straordinario',
  'Segretario e Vice-segretario',
  'Direttore generale e dirigenza',
  'Revisori dei conti',
  'Difensore civico',
  'Commissario ad acta',
  'Organi di controllo interni',
  'Organi consultivi',
  ...Array.from({ length: 7 }, () => 'Circoscrizioni/quartieri'),
];

export interface SeedNode {
  code: string;
  title: string;
}

export function titolarioSeed(): SeedNode[] {
  const out: SeedNode[] = titles.map(([code, title]) => ({ code, title }));
  classesOfI.forEach((title, i) => out.push({ code: `I.${i + 1}`, title }));
  classesOfII.forEach((title, i) => out.push({ code: `II.${i + 1}`, title }));
  out.push({ code: 'XII.5', title: 'Istanze, petizioni e iniziative popolari' });
  return out;
}
