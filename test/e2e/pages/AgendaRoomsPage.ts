import type { Locator, Page } from 'playwright-core';

/** "Sale": one column a room, day or week. */
export class AgendaRoomsPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Sale', level: 1 });
  }

  async goToDay(isoDay: string): Promise<void> {
    await this.page.getByLabel('Giorno', { exact: true }).fill(isoDay);
    await this.page.locator(`[data-loaded^="${isoDay}/"]`).waitFor();
  }

  /** A booking (button) in the grid, by its title. */
  booking(title: string): Locator {
    return this.page.locator('table.g-rooms button.g-booking', { hasText: title });
  }

  grid(): Locator {
    return this.page.locator('table.g-rooms');
  }

  notice(): Locator {
    return this.page.locator('.g-agenda > .alert');
  }
}
