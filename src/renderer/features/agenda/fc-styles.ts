/**
 * FullCalendar 6 ships its CSS inside its JavaScript and injects it into a `<style>` element,
 * which the desktop shell's Content-Security-Policy (`style-src 'self'`, src/main/shell/policy.ts)
 * rightly refuses: the calendar would show unstyled. Its injector looks for an existing
 * `style[data-fullcalendar]` element first and writes into that element's `sheet` with
 * insertRule; we hand it a constructable stylesheet instead (adopted by the document, allowed by
 * CSP since no inline style is parsed), so the same rules apply in Electron and in the browser.
 *
 * This module must be evaluated before any @fullcalendar module: AgendaCalendar imports it first.
 */
const sheet = new CSSStyleSheet();
const standIn = { isConnected: true, sheet };
const selector = 'style[data-fullcalendar]';
const original = Document.prototype.querySelector;

Object.defineProperty(document, 'querySelector', {
  configurable: true,
  writable: true,
  value: function querySelector(this: Document, sel: string) {
    return sel === selector ? standIn : original.call(this, sel);
  },
});
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

export const fullCalendarSheet = sheet;
