import type { Page } from 'playwright-core';

/** "Registro di protocollo": search form and the virtualised list. */
export class RegistroPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Registro di protocollo' });
  }

  list() {
    return this.page.getByRole('list', { name: 'Registrazioni' });
  }

  rows() {
    return this.list().locator('li');
  }

  row(text: string) {
    return this.rows().filter({ hasText: text });
  }

  /** The live count line, e.g. "3 registrazioni trovate". */
  count() {
    return this.page.locator('.g-count');
  }

  async search(text: string): Promise<void> {
    const form = this.page.getByRole('search', { name: 'Ricerca nel registro' });
    await form.getByLabel('Testo da cercare').fill(text);
    await form.getByRole('button', { name: 'Cerca' }).click();
  }

  /** Waits until the list shows exactly these numbers (e.g. "2026/0000003"), in this order. */
  async waitForNumbers(numbers: string[]): Promise<void> {
    await this.page.waitForFunction(
      (want) => {
        const got = [...document.querySelectorAll('ul[aria-label="Registrazioni"] li .g-num')].map((n) => n.textContent?.trim());
        return JSON.stringify(got) === JSON.stringify(want);
      },
      numbers,
      { timeout: 15_000 },
    );
  }

  async numbers(): Promise<string[]> {
    return this.list().locator('.g-num').allTextContents();
  }

  async open(text: string): Promise<void> {
    await this.row(text).getByRole('link').click();
  }
}
