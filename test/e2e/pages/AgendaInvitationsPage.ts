import type { Locator, Page } from 'playwright-core';

/** "Inviti": the inbox of invitations and its decision dialogs. */
export class AgendaInvitationsPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Inviti', level: 1 });
  }

  row(title: string): Locator {
    return this.page.locator('table.g-inv-table tbody tr', { hasText: title });
  }

  async decide(title: string, decision: 'Accetta' | 'Declina' | 'Delega'): Promise<void> {
    await this.row(title).getByRole('button', { name: `${decision} «${title}»` }).click();
    await this.page.locator('dialog[open]').getByRole('button', { name: decision, exact: true }).click();
  }

  notice(): Locator {
    return this.page.locator('.g-agenda > .alert');
  }
}
