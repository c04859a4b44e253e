import { meansLabels, type ReviewLine } from '../../../../shared/contract';

/**
 * How a refused mutation reads in the "Da verificare" inbox: its Italian name, its arguments
 * as labelled lines, and which row it touched. Pure: names of contacts come from `lookup`.
 */

const titles: Record<string, string> = {
  'protocol.register': 'Registrazione di protocollo',
  'protocol.update': 'Modifica di classificazione o assegnazione',
  'protocol.requestAnnulment': 'Richiesta di annullamento',
  'protocol.annul': 'Annullamento di una registrazione',
  'protocol.registerEmergency': 'Registrazione nel registro di emergenza',
  'directory.create': 'Nuovo contatto in rubrica',
  'directory.update': 'Modifica di un contatto in rubrica',
  'titolario.upsert': 'Voce del titolario',
  'offices.upsert': 'Ufficio',
  'conflicts.resolve': 'Soluzione di un conflitto',
  'emergency.open': 'Apertura del registro di emergenza',
  'emergency.close': 'Chiusura del registro di emergenza',
  'emergency.preauthorise': 'Autorizzazione preventiva al registro di emergenza',
};

export function mutationTitle(name: string): string {
  return titles[name] ?? `Operazione ${name}`;
}

const meansByName = new Map<string, string>(Object.entries(meansLabels));
const directionLabels: Record<string, string> = { entrata: 'In entrata', uscita: 'In uscita', interno: 'Interno' };

/** Labels of the fields a clerk recognises; other fields are shown with their own name. */
const fieldLabels: Record<string, string> = {
  oggetto: 'Oggetto',
  direction: 'Direzione',
  means: 'Mezzo',
  classificationCode: 'Classificazione',
  reason: 'Motivo',
  act: 'Provvedimento',
  name: 'Nome',
  title: 'Titolo',
  code: 'Codice',
  pec: 'PEC',
  email: 'E-mail',
  phone: 'Telefono',
  fiscalCode: 'Codice fiscale',
  notes: 'Note',
  receivedDocDate: 'Data del documento ricevuto',
  receivedDocNumber: 'Numero del documento ricevuto',
  riservato: 'Riservato',
  cause: 'Causa',
  choose: 'Scelta',
};

export interface DescribeLookup {
  contactName(id: string): string | null;
}

/** The arguments as readable lines: oggetto and correspondents first, ids left out. */
export function describePayload(name: string, args: unknown, lookup: DescribeLookup): ReviewLine[] {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return [{ label: 'Dati', value: stringify(args) }];
  const a = args as Record<string, unknown>;
  const lines: ReviewLine[] = [];
  const order = ['oggetto', 'direction', 'correspondents', 'means', ...Object.keys(a)];
  for (const key of [...new Set(order)]) {
    if (!(key in a) || key === 'id' || key === 'baseVersion') continue;
    const v = a[key];
    if (v === undefined || v === null || v === '') continue;
    const line = describeField(key, v, lookup);
    if (line) lines.push(line);
  }
  if (lines.length === 0 && name) lines.push({ label: 'Dati', value: 'nessun dato oltre all’identificativo' });
  return lines;
}

function describeField(key: string, v: unknown, lookup: DescribeLookup): ReviewLine | null {
  switch (key) {
    case 'direction':
      return { label: 'Direzione', value: directionLabels[String(v)] ?? String(v) };
    case 'means':
      return { label: 'Mezzo', value: meansByName.get(String(v)) ?? String(v) };
    case 'correspondents':
      return { label: 'Corrispondenti', value: Array.isArray(v) ? v.map((c) => correspondentName(c, lookup)).join('; ') : stringify(v) };
    case 'assignments':
      return { label: 'Assegnazioni', value: Array.isArray(v) ? (v.length === 0 ? 'nessuna' : `${v.length} assegnazion${v.length === 1 ? 'e' : 'i'}`) : stringify(v) };
    case 'primaryDocument':
      return { label: 'Documento principale', value: docName(v) };
    case 'attachments':
      return { label: 'Allegati', value: Array.isArray(v) ? (v.map(docName).join(', ') || 'nessuno') : stringify(v) };
    case 'riservato':
      return { label: 'Riservato', value: v === true ? 'sì' : 'no' };
    case 'active':
      return { label: 'Attivo', value: v === true ? 'sì' : 'no' };
    case 'paperAttachments': {
      const p = v as { count?: unknown };
      return typeof p.count === 'number' && p.count > 0 ? { label: 'Allegati cartacei', value: String(p.count) } : null;
    }
    default:
      return { label: fieldLabels[key] ?? key, value: stringify(v) };
  }
}

function correspondentName(c: unknown, lookup: DescribeLookup): string {
  if (!c || typeof c !== 'object') return stringify(c);
  const o = c as { contactId?: unknown; newContact?: { name?: unknown }; name?: unknown };
  if (o.newContact && typeof o.newContact.name === 'string') return `${o.newContact.name} (nuovo contatto)`;
  if (typeof o.contactId === 'string') return lookup.contactName(o.contactId) ?? `contatto ${o.contactId.slice(0, 8)}…`;
  if (typeof o.name === 'string') return o.name;
  return stringify(c);
}

function docName(d: unknown): string {
  const o = d as { fileName?: unknown } | null;
  return o && typeof o.fileName === 'string' ? o.fileName : stringify(d);
}

function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = JSON.stringify(v) ?? '';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The synced row a mutation touched: table and key, from its name and arguments. */
export function targetOf(name: string, args: unknown): { table: string; key: string } | null {
  const a = (args && typeof args === 'object' ? args : {}) as Record<string, unknown>;
  const id = typeof a.id === 'string' ? a.id : null;
  if (name.startsWith('protocol.') && id) return { table: 'protocol_entries', key: id };
  if (name.startsWith('directory.') && id) return { table: 'contacts', key: id };
  if (name === 'offices.upsert' && id) return { table: 'offices', key: id };
  if (name === 'titolario.upsert' && typeof a.code === 'string') return { table: 'titolario', key: a.code };
  if (name === 'conflicts.resolve' && typeof a.conflictId === 'string') return { table: 'conflicts', key: a.conflictId };
  return null;
}
