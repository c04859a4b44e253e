/**
 * Realistic, invented data for "Comune di Esempio": the people, firms and administrations a
 * Mayor's secretariat writes to, and the subjects of its everyday mail.
 */
export const demoOrganisation = {
  administration: { name: 'Comune di Esempio', ipaCode: 'c_z999' },
  aoo: { code: 'AOO01', name: 'Comune di Esempio — Area organizzativa omogenea unica' },
  registerCode: 'PG',
} as const;

export const demoPassword = 'Gonfalone2026!';

export const demoUsers = [
  { username: 'admin', fullName: 'Laura Bianchi', roles: ['amministratore'] },
  { username: 'responsabile', fullName: 'Giovanni Esposito', roles: ['responsabile'] },
  { username: 'protocollo', fullName: 'Maria Rossi', roles: ['protocollista'] },
  { username: 'segreteria', fullName: 'Francesca Romano', roles: ['segreteria'] },
  { username: 'cerimoniale', fullName: 'Paolo Ricci', roles: ['cerimoniale'] },
] as const;

export const demoOffices = [
  ['SEGR_SIND', 'Segreteria del Sindaco'],
  ['GABINETTO', 'Gabinetto del Sindaco'],
  ['CERIMONIALE', 'Ufficio Cerimoniale'],
  ['URP', 'Ufficio Relazioni con il Pubblico'],
  ['TECNICO', 'Ufficio Tecnico — Lavori pubblici'],
  ['SOCIALI', 'Servizi Sociali'],
  ['POLIZIA_LOC', 'Polizia Locale'],
  ['RAGIONERIA', 'Ragioneria'],
  ['DEMOGRAFICI', 'Servizi Demografici'],
] as const;

export const firstNames = ['Marco', 'Giulia', 'Luca', 'Chiara', 'Andrea', 'Sara', 'Francesco', 'Valentina', 'Alessandro', 'Elena', 'Matteo', 'Federica', 'Davide', 'Silvia', 'Stefano', 'Anna', 'Roberto', 'Paola', 'Giuseppe', 'Martina'];
export const lastNames = ['Ferrari', 'Russo', 'Colombo', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara'];
export const streets = ['Via Roma', 'Corso Italia', 'Via Garibaldi', 'Piazza Duomo', 'Via Mazzini', 'Viale della Repubblica', 'Via Cavour', 'Via XX Settembre'];

export const demoCompanies = [
  'Edilnord S.r.l.', 'Verde Pubblico Servizi S.p.A.', 'Tipografia Moderna di Gallo & C. s.n.c.', 'Cooperativa Sociale Il Girasole',
  'Trasporti Lombardi S.r.l.', 'Studio Tecnico Associato Conti', 'Pro Loco di Esempio', 'Associazione Culturale La Rocca',
  'Banda Musicale Cittadina', 'Circolo Anziani San Rocco', 'ASD Esempio Calcio', 'Fondazione Teatro Comunale',
];

export const demoAdministrations: Array<[string, string, string]> = [
  ['Prefettura — Ufficio territoriale del Governo', 'm_it', 'protocollo.prefettura@pec.interno.it'],
  ['Regione Lombardia', 'r_lombar', 'presidenza@pec.regione.lombardia.it'],
  ['Provincia di Esempio', 'p_es', 'protocollo@pec.provincia.esempio.it'],
  ['Agenzia di Tutela della Salute', 'ats_es', 'protocollo@pec.ats-esempio.it'],
  ['Istituto Nazionale della Previdenza Sociale', 'inps', 'direzione.provinciale@postacert.inps.gov.it'],
  ['Comando Provinciale dei Vigili del Fuoco', 'vvf_es', 'com.esempio@cert.vigilfuoco.it'],
  ['Questura di Esempio', 'questura_es', 'gab.quest.es@pecps.poliziadistato.it'],
  ['Istituto Comprensivo "Alessandro Manzoni"', 'istsc_es01', 'esic80000@pec.istruzione.it'],
  ['Camera di Commercio di Esempio', 'cciaa_es', 'cciaa@es.legalmail.camcom.it'],
  ['Comune di Borgo Vicino', 'c_z998', 'protocollo@pec.comune.borgovicino.it'],
];

export const incomingSubjects = [
  'Richiesta di incontro con il Sindaco per la viabilità di {street}',
  'Istanza di accesso agli atti relativa alla pratica edilizia n. {n}/{y}',
  'Segnalazione di buche e dissesto del manto stradale in {street}',
  'Invito del Sindaco alla cerimonia di inaugurazione dell\'anno scolastico',
  'Richiesta di patrocinio gratuito per la manifestazione "Festa d\'autunno"',
  'Petizione dei residenti per l\'illuminazione pubblica in {street}',
  'Interrogazione consiliare sullo stato dei lavori della scuola primaria',
  'Trasmissione circolare sulle misure di sicurezza per le manifestazioni pubbliche',
  'Richiesta di contributo per le attività estive dei ragazzi',
  'Accesso civico generalizzato ai dati sui contributi erogati nel {y}',
  'Comunicazione di avvio del procedimento per la variante urbanistica',
  'Reclamo per il servizio di raccolta dei rifiuti in {street}',
  'Richiesta di udienza con il Sindaco per questioni abitative',
  'Convocazione della conferenza dei servizi per il progetto di riqualificazione',
  'Ringraziamento per il sostegno all\'iniziativa di solidarietà',
];

export const outgoingSubjects = [
  'Risposta alla richiesta di accesso agli atti prot. n. {n}',
  'Convocazione della Giunta comunale per il giorno {d}',
  'Concessione del patrocinio gratuito alla manifestazione "Festa d\'autunno"',
  'Invito alla cerimonia per la Festa della Repubblica',
  'Trasmissione della delibera di Giunta n. {n}/{y}',
  'Riscontro alla segnalazione sul manto stradale in {street}',
  'Comunicazione di chiusura temporanea degli uffici comunali',
  'Richiesta di parere sulla manifestazione pubblica del {d}',
];

export const internalSubjects = [
  'Trasmissione dell\'agenda settimanale del Sindaco',
  'Richiesta di relazione istruttoria sulla petizione dei residenti',
  'Disposizioni per l\'organizzazione della cerimonia del 4 novembre',
];

export const classificationsBySubject = ['II.1', 'I.13', 'I.8', 'II.7', 'I.14', 'I.6', 'II.3', 'I.17'];

/**
 * Cases (issue 4): which type a demo letter opens, by the words of its oggetto (the first rule
 * that matches wins; anything else is an istanza).
 */
export const caseTypeBySubject: Array<[RegExp, string]> = [
  [/accesso agli atti/i, 'accesso_documentale'],
  [/accesso civico/i, 'accesso_civico_generalizzato'],
  [/patrocinio/i, 'patrocinio'],
  [/petizione/i, 'petizione'],
  [/interrogazione/i, 'interrogazione'],
  [/udienza|incontro con il Sindaco/i, 'udienza'],
  [/invito/i, 'invito'],
  [/segnalazione|reclamo/i, 'segnalazione'],
];

export const patronageEvents: Array<[string, string]> = [
  ['Festa d\'autunno', 'Piazza Duomo'],
  ['Rassegna corale "Voci in città"', 'Teatro Comunale'],
  ['Torneo giovanile di calcio', 'Stadio comunale'],
  ['Mostra fotografica "Esempio ieri e oggi"', 'Sala civica di Via Roma'],
  ['Corsa podistica solidale', 'Centro storico'],
];

export const caseNotes = [
  'Sentito il richiedente per telefono: invierà la documentazione mancante.',
  'Chiesto parere all\'Ufficio Tecnico.',
  'Il Sindaco chiede di essere aggiornato sull\'esito.',
  'Pratica analoga già trattata nel {y}.',
];

export const signatureTitles = [
  'Decreto sindacale di concessione del patrocinio',
  'Risposta all\'interrogazione consiliare',
  'Lettera di ringraziamento alla Prefettura',
  'Provvedimento di accoglimento dell\'accesso agli atti',
  'Nota di convocazione della conferenza dei servizi',
  'Lettera di risposta alla petizione dei residenti',
];
