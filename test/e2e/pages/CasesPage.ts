import type { Page } from 'playwright-core';

export type CountKey = 'overdue' | 'dueSoon' | 'suspended' | 'open';
export type CaseCounts = Record<CountKey, number>;

/** "Pratiche": my desk (or every case), the counts on top, filters and the sortable list. */
export class CasesPage {
  constructor(private readonly page: Page) {}

  /** Through the navigation, as a clerk does. */
  async goTo(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sezioni' }).getByRole('link', { name: 'Pratiche', exact: true }).click();
    await this.heading().waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { name: /^Pratiche — /, level: 1 });
  }

  table() {
    return this.page.getByRole('table', { name: 'Pratiche' });
  }

  row(title: string) {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** The live line under the filters, e.g. "3 pratiche trovate". */
  status() {
    return this.page.locator('p.g-count[role="status"]');
  }

  /** The four counts on top, read from the page. */
  async counts(): Promise<CaseCounts> {
    const read = async (k: CountKey) => Number(((await this.page.locator(`button[data-count="${k}"] .g-count-num`).textContent()) ?? '').replace(/\D/g, ''));
    await this.page.locator('button[data-count="open"]').waitFor();
    return { overdue: await read('overdue'), dueSoon: await read('dueSoon'), suspended: await read('suspended'), open: await read('open') };
  }

  /** Waits until the counts on top are exactly these. */
  async waitForCounts(want: Partial<CaseCounts>): Promise<void> {
    await this.page.waitForFunction(
      (w) =>
        Object.entries(w).every(([k, v]) => {
          const t = document.querySelector(`button[data-count="${k}"] .g-count-num`)?.textContent ?? '';
          return Number(t.replace(/\D/g, '')) === v && t !== '';
        }),
      want,
    );
  }

  async showAll(all: boolean): Promise<void> {
    await this.page.getByRole('switch', { name: 'Tutte le pratiche' }).setChecked(all);
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('search', { name: 'Filtra le pratiche' }).getByLabel('Cerca nel testo').fill(text);
  }

  async sortBy(column: string): Promise<void> {
    await this.table().getByRole('button', { name: new RegExp(`^${column}`) }).click();
  }

  async open(title: string): Promise<void> {
    await this.row(title).getByRole('link', { name: title, exact: true }).click();
  }
}
