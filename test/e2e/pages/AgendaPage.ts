import type { Locator, Page } from 'playwright-core';

/** "Agenda": toolbar, calendar (FullCalendar) and the engagement dialog. */
export class AgendaPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Agenda', level: 1 });
  }

  /** The range title above the calendar ("23 – 29 nov 2026"). */
  rangeTitle() {
    return this.page.locator('.g-agenda-title');
  }

  async view(name: 'Giorno' | 'Settimana' | 'Mese' | 'Elenco'): Promise<void> {
    await this.page.getByRole('group', { name: 'Vista' }).getByRole('button', { name, exact: true }).click();
    await this.loaded();
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Successivo ›' }).click();
    await this.loaded();
  }

  async previous(): Promise<void> {
    await this.page.getByRole('button', { name: '‹ Precedente' }).click();
    await this.loaded();
  }

  /** Waits until the occurrences of the visible window are on screen (not the previous window's). */
  async loaded(): Promise<void> {
    await this.page.waitForFunction(() => {
      const el = document.querySelector<HTMLElement>('.g-agenda-cal');
      return !!el && !!el.dataset.range && el.dataset.range === el.dataset.loaded;
    });
  }

  /** An engagement in the calendar, by the title it shows. */
  event(title: string): Locator {
    return this.page.locator('.g-agenda-cal .fc-event', { hasText: title });
  }

  /** The column of a day in the week/day time grid. */
  dayColumn(isoDay: string): Locator {
    return this.page.locator(`.g-agenda-cal td.fc-timegrid-col[data-date="${isoDay}"]`);
  }

  /** The row of a time ('11:00:00') in the time grid. */
  slot(time: string): Locator {
    return this.page.locator(`.g-agenda-cal td.fc-timegrid-slot-lane[data-time="${time}"]`);
  }

  /** Drags an engagement with the mouse onto a day and time of the week grid. */
  async drag(title: string, toDay: string, toTime: string): Promise<void> {
    const ev = this.event(title).first();
    await ev.scrollIntoViewIfNeeded();
    const from = await ev.boundingBox();
    const col = await this.dayColumn(toDay).boundingBox();
    const slot = await this.slot(toTime).boundingBox();
    if (!from || !col || !slot) throw new Error('Impegno o casella non visibili');
    const grab = { x: from.x + from.width / 2, y: from.y + 4 };
    await this.page.mouse.move(grab.x, grab.y);
    await this.page.mouse.down();
    await this.page.mouse.move(grab.x + 5, grab.y + 5, { steps: 3 });
    await this.page.mouse.move(col.x + col.width / 2, slot.y + 4, { steps: 12 });
    await this.page.mouse.up();
  }

  async newEvent(): Promise<void> {
    await this.page.getByRole('button', { name: 'Nuovo impegno' }).click();
  }

  dialog(): Locator {
    return this.page.locator('dialog[open]');
  }

  /** The notice above the calendar after a save, a move or a delegation. */
  notice(): Locator {
    return this.page.locator('.g-agenda > .alert');
  }
}

/** The engagement or booking form inside its dialog. */
export class EventFormPage {
  constructor(private readonly page: Page) {}

  private get d(): Locator {
    return this.page.locator('dialog[open]');
  }

  field(label: string): Locator {
    return this.d.getByLabel(label, { exact: true });
  }

  async fill(values: Partial<Record<'Titolo' | 'Inizio' | 'Fine' | 'Controparte' | 'Ufficio o persona che organizza' | 'Note', string>>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
  }

  async choose(label: 'Tipo' | 'Agenda di' | 'Sala' | 'Ripetizione' | 'Visibilità', option: string): Promise<void> {
    await this.field(label).selectOption({ label: option });
  }

  rruleText(): Locator {
    return this.d.locator('.g-rrule');
  }

  roomConflict(): Locator {
    return this.d.locator('.g-conflicts .alert-danger');
  }

  async save(): Promise<void> {
    await this.d.getByRole('button', { name: 'Salva', exact: true }).click();
  }
}
