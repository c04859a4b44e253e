import type { FastifyInstance } from 'fastify';
import { instantToRomeLocal } from '../../shared/domain/agenda/time';
import { publicAgendaHtml } from '../modules/agenda/public-html';
import { publicIcs, publicItems } from '../modules/agenda/public';
import type { ServerContext } from './context';

const PAGE_DAYS = 90;

/**
 * The public agenda, without login (issue 5): the ICS feed and the static page the
 * municipality's website links or mirrors. Only public engagements, only their public fields.
 */
export function publicRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/public/agenda.ics', async (_req, reply) => {
    const body = await publicIcs(ctx.db, ctx.clock());
    return reply
      .header('Cache-Control', 'public, max-age=300')
      .header('Content-Disposition', 'inline; filename="agenda.ics"')
      .type('text/calendar; charset=utf-8')
      .send(body);
  });
  app.get('/public/agenda.html', async (_req, reply) => {
    const now = ctx.clock();
    const { items, calendarName } = await publicItems(ctx.db, now, PAGE_DAYS);
    const generated = instantToRomeLocal(now.toISOString());
    const html = publicAgendaHtml(items, { title: calendarName, generatedAt: `${generated.slice(8, 10)}/${generated.slice(5, 7)}/${generated.slice(0, 4)} alle ${generated.slice(11)}`, days: PAGE_DAYS });
    return reply
      .header('Cache-Control', 'public, max-age=300')
      // A static page: nothing runs, nothing is fetched from elsewhere.
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
      .header('X-Content-Type-Options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
