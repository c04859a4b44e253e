/**
 * Keyboard shortcuts, as data: one table drives both the key handling and the "Scorciatoie da
 * tastiera" dialog, so what the clerk reads is exactly what works.
 */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export interface ShortcutSpec {
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
}

/** Parses "Ctrl+Shift+N", "Alt+N", "F1", "?" (case-insensitive modifiers). */
export function parseShortcut(text: string): ShortcutSpec {
  const parts = text.split('+').map((p) => p.trim());
  // "Ctrl++" would leave an empty last part: the key is then "+".
  const key = parts.pop() || '+';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return { key, ctrl: mods.has('ctrl'), alt: mods.has('alt'), shift: mods.has('shift') };
}

/**
 * Whether a key event matches a shortcut. Cmd counts as Ctrl (macOS). Letters compare
 * case-insensitively; printable symbols like "?" ignore Shift, which the layout needs to type them.
 */
export function matchesShortcut(e: KeyLike, spec: ShortcutSpec | string): boolean {
  const s = typeof spec === 'string' ? parseShortcut(spec) : spec;
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl !== s.ctrl || e.altKey !== s.alt) return false;
  const key = normaliseKey(e.key);
  const want = normaliseKey(s.key);
  const isSymbol = want.length === 1 && !/[a-z0-9]/.test(want);
  if (!isSymbol && e.shiftKey !== s.shift) return false;
  if (key === want) return true;
  // With Alt held some layouts report a different character (macOS "∂"): fall back to code-less letter.
  return false;
}

function normaliseKey(k: string): string {
  if (k === 'Enter' || k.toLowerCase() === 'invio') return 'enter';
  if (k === 'Esc') return 'escape';
  return k.length === 1 ? k.toLowerCase() : k.toLowerCase();
}

/** True when typing goes into a field: single-key shortcuts like "?" must not fire there. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (target.isContentEditable) return true;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes((target.type ?? 'text').toLowerCase());
}

/** Label of a shortcut in Italian keyboard terms: "Ctrl+Invio". */
export function shortcutLabel(text: string): string {
  return text.replace(/\bEnter\b/g, 'Invio').replace(/\bEscape\b/g, 'Esc');
}

export interface ShortcutHelp {
  keys: string[];
  description: string;
  where: string;
}

export const shortcutHelp: ShortcutHelp[] = [
  { keys: ['Ctrl+Enter'], description: 'Registra la protocollazione', where: 'Registra' },
  { keys: ['Alt+N', 'Ctrl+Shift+N'], description: 'Nuova registrazione (svuota il modulo)', where: 'Registra' },
  { keys: ['Alt+E', 'Alt+U', 'Alt+I'], description: 'Direzione: entrata, uscita, interno', where: 'Registra' },
  { keys: ['↑', '↓', 'Enter'], description: 'Scorri e scegli un corrispondente o una classe', where: 'Elenchi di suggerimenti' },
  { keys: ['Escape'], description: 'Chiudi i suggerimenti o la finestra di dialogo', where: 'Ovunque' },
  { keys: ['/'], description: 'Vai alla casella di ricerca', where: 'Registro, Rubrica' },
  { keys: ['Alt+1…9', 'Alt+0'], description: 'Registra, Registro, Rubrica, Registro giornaliero, Amministrazione, Da verificare, Pratiche, Libro firma, Indicatori, Agenda', where: 'Ovunque (nel browser alcuni tasti Alt sono del browser)' },
  { keys: ['PagSu', 'PagGiù', 'O'], description: 'Periodo precedente, successivo, oggi', where: 'Agenda' },
  { keys: ['G', 'S', 'M', 'E'], description: 'Vista giorno, settimana, mese, elenco', where: 'Agenda' },
  { keys: ['N'], description: 'Nuovo impegno', where: 'Agenda' },
  { keys: ['Tab', 'Enter'], description: 'Vai a un impegno e aprilo', where: 'Agenda' },
  { keys: ['?', 'F1'], description: 'Mostra questo elenco di scorciatoie', where: 'Fuori dai campi di testo (F1 ovunque)' },
];
