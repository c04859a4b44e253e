import type { Page } from 'playwright-core';

/** The screen shown alone when the desk could not open its data. */
export class StartupErrorPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Gonfalone non può avviarsi' });
  }

  async message(): Promise<string> {
    return ((await this.page.getByRole('alert').textContent()) ?? '').trim();
  }
}
