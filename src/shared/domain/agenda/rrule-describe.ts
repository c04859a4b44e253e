import { parseRrule, type ParsedRrule, type Weekday, type WeekdaySpec } from './rrule';
import { floatingMsToLocal, localToFloatingMs, type LocalDateTime } from './time';

/**
 * A recurrence rule in plain Italian, as the secretariat reads it in the event form:
 * 'Ogni settimana il lunedì', 'Ogni anno il 25 aprile', 'Ogni mese l’ultimo venerdì'.
 */

const dayNames: Record<Weekday, string> = {
  MO: 'lunedì',
  TU: 'martedì',
  WE: 'mercoledì',
  TH: 'giovedì',
  FR: 'venerdì',
  SA: 'sabato',
  SU: 'domenica',
};
const monthNames = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const ordinalsM: Record<string, string> = { '1': 'primo', '2': 'secondo', '3': 'terzo', '4': 'quarto', '5': 'quinto', '-1': 'ultimo', '-2': 'penultimo' };
const ordinalsF: Record<string, string> = { '1': 'prima', '2': 'seconda', '3': 'terza', '4': 'quarta', '5': 'quinta', '-1': 'ultima', '-2': 'penultima' };
const weekdayCodes: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function joinItalian(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} e ${items[items.length - 1] ?? ''}`;
}

/** 'il lunedì', 'la domenica', 'il primo lunedì', 'l’ultima domenica', 'il 3° martedì'. */
function weekdayPhrase(spec: WeekdaySpec): string {
  const feminine = spec.day === 'SU';
  const name = dayNames[spec.day];
  if (spec.n === null) return `${feminine ? 'la' : 'il'} ${name}`;
  const ordinal = (feminine ? ordinalsF : ordinalsM)[String(spec.n)];
  if (ordinal === undefined) return spec.n > 0 ? `il ${spec.n}º ${name}` : `il ${-spec.n}º ${name} dalla fine`;
  const article = ordinal.startsWith('u') ? 'l’' : feminine ? 'la ' : 'il ';
  return `${article}${ordinal} ${name}`;
}

/** 'il 25', 'l’8', 'l’11', 'il 1º', 'l’ultimo giorno'. */
function monthDayPhrase(day: number): string {
  if (day === -1) return 'l’ultimo giorno';
  if (day < 0) return `il ${-day}º giorno dalla fine`;
  if (day === 1) return 'il 1º';
  return day === 8 || day === 11 ? `l’${day}` : `il ${day}`;
}

function every(n: number, one: string, many: string): string {
  return n === 1 ? `Ogni ${one}` : `Ogni ${n} ${many}`;
}

function daysPart(rule: ParsedRrule): string {
  const plain = rule.byDay.every((d) => d.n === null);
  const codes = new Set(rule.byDay.map((d) => d.day));
  if (plain && codes.size === 5 && ['MO', 'TU', 'WE', 'TH', 'FR'].every((c) => codes.has(c as Weekday))) return 'dal lunedì al venerdì';
  return joinItalian(rule.byDay.map(weekdayPhrase));
}

function monthsPart(rule: ParsedRrule): string {
  return joinItalian(rule.byMonth.map((m) => monthNames[m - 1] ?? String(m)));
}

function core(rule: ParsedRrule, start: { day: number; month: number; weekday: Weekday } | null): string {
  const n = rule.interval;
  switch (rule.freq) {
    case 'MINUTELY':
      return every(n, 'minuto', 'minuti');
    case 'HOURLY':
      return every(n, 'ora', 'ore');
    case 'DAILY':
      return rule.byDay.length > 0 ? `${every(n, 'giorno', 'giorni')} ${daysPart(rule)}` : every(n, 'giorno', 'giorni');
    case 'WEEKLY': {
      const base = n === 1 ? 'Ogni settimana' : `Ogni ${n} settimane`;
      if (rule.byDay.length > 0) return `${base} ${daysPart(rule)}`;
      return start ? `${base} ${weekdayPhrase({ day: start.weekday, n: null })}` : base;
    }
    case 'MONTHLY': {
      const base = every(n, 'mese', 'mesi');
      if (rule.byDay.length > 0 && rule.byMonthDay.length === 0) return `${base} ${daysPart(rule)}`;
      if (rule.byMonthDay.length > 0) return `${base} ${joinItalian(rule.byMonthDay.map(monthDayPhrase))}`;
      return start ? `${base} ${monthDayPhrase(start.day)}` : base;
    }
    case 'YEARLY': {
      const base = every(n, 'anno', 'anni');
      const months = rule.byMonth.length > 0 ? monthsPart(rule) : start ? (monthNames[start.month - 1] ?? '') : '';
      if (rule.byDay.length > 0 && rule.byMonthDay.length === 0) return `${base} ${daysPart(rule)}${months ? ` di ${months}` : ''}`;
      const days = rule.byMonthDay.length > 0 ? rule.byMonthDay : start ? [start.day] : [];
      if (days.length === 0) return base;
      return `${base} ${joinItalian(days.map(monthDayPhrase))}${months ? ` ${months}` : ''}`;
    }
  }
}

/**
 * Italian description of a rule. Pass the series' start when the rule leaves the day implicit
 * ('FREQ=YEARLY' starting on 25 April reads 'Ogni anno il 25 aprile').
 */
export function describeRrule(rrule: string, start?: LocalDateTime): string {
  const rule = parseRrule(rrule);
  let startInfo: { day: number; month: number; weekday: Weekday } | null = null;
  if (start !== undefined) {
    const date = new Date(localToFloatingMs(start));
    startInfo = { day: date.getUTCDate(), month: date.getUTCMonth() + 1, weekday: weekdayCodes[(date.getUTCDay() + 6) % 7] ?? 'MO' };
  }
  const parts = [core(rule, startInfo)];
  if (rule.bySetPos.length > 0) parts.push(`(posizione ${rule.bySetPos.join(', ')} nel periodo)`);
  let text = parts.join(' ');
  if (rule.count !== null) text += rule.count === 1 ? ', una volta' : `, ${rule.count} volte`;
  if (rule.until !== null) {
    const day = floatingMsToLocal(rule.until.floatingMs).slice(0, 10);
    text += `, fino al ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
  }
  return text;
}
