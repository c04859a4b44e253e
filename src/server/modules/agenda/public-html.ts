import type { PublicItem } from './public';

/**
 * The public agenda as a static page for the municipality's website: Italian, accessible
 * (landmarks, one h1, a heading per day, times in <time>), no scripts and no external assets,
 * so it can be embedded or mirrored as it is. Every text is escaped.
 */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

const dayFormat = new Intl.DateTimeFormat('it-IT', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function dayHeading(day: string): string {
  const text = dayFormat.format(new Date(`${day}T00:00:00Z`));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function itemHtml(i: PublicItem): string {
  const time = i.allDay
    ? 'Tutto il giorno'
    : `<time datetime="${escapeHtml(i.start)}">${escapeHtml(i.start.slice(11))}</time>–<time datetime="${escapeHtml(i.end)}">${escapeHtml(i.end.slice(11))}</time>`;
  const details = [
    i.place ? `<span class="place">${escapeHtml(i.place)}</span>` : '',
    i.counterpart ? `<span>Con: ${escapeHtml(i.counterpart)}</span>` : '',
    i.attendee ? `<span>${escapeHtml(i.attendee)}</span>` : '',
  ].filter(Boolean);
  return `<li><p class="when">${time}</p><p class="what">${escapeHtml(i.title)}</p>${details.length ? `<p class="details">${details.join('<br>')}</p>` : ''}</li>`;
}

const style = `body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#fff}
main{max-width:48rem;margin:0 auto;padding:1.5rem}h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #767676;margin-top:2rem}
ul{list-style:none;padding:0}li{padding:.5rem 0;border-bottom:1px solid #ddd}p{margin:.1rem 0}.when{font-weight:600}.what{font-size:1.05rem}
.details{color:#3d3d3d}footer{font-size:.9rem;color:#3d3d3d;margin-top:2rem}`;

/** The whole page; `generatedAt` is shown in Rome time. */
export function publicAgendaHtml(items: readonly PublicItem[], opts: { title: string; generatedAt: string; days: number }): string {
  const byDay = new Map<string, PublicItem[]>();
  for (const i of items) byDay.set(i.start.slice(0, 10), [...(byDay.get(i.start.slice(0, 10)) ?? []), i]);
  const sections = [...byDay.entries()].map(
    ([day, list]) =>
      `<section aria-labelledby="g-${day}"><h2 id="g-${day}">${escapeHtml(dayHeading(day))}</h2><ul>${list.map(itemHtml).join('')}</ul></section>`,
  );
  const body = sections.length ? sections.join('\n') : `<p>Nessun impegno pubblico nei prossimi ${opts.days} giorni.</p>`;
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>${escapeHtml(opts.title)}</h1>
<p>Impegni pubblici dei prossimi ${opts.days} giorni. Orari dell'ora italiana.</p>
${body}
<footer><p>Aggiornata il ${escapeHtml(opts.generatedAt)}. Disponibile anche come calendario: <a href="agenda.ics">agenda.ics</a>.</p></footer>
</main>
</body>
</html>
`;
}
