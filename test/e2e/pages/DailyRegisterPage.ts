import type { Page } from 'playwright-core';

/** "Registro giornaliero": day picker, production, summary and downloads. */
export class DailyRegisterPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Registro giornaliero', level: 1 });
  }

  day() {
    return this.page.getByLabel('Giorno');
  }

  async produce(): Promise<void> {
    await this.page.getByRole('button', { name: 'Genera registro giornaliero' }).click();
  }

  summary() {
    return this.page.locator('.g-panel[role="status"]');
  }

  /** The value next to a <dt> of the summary, e.g. "Primo numero". */
  async value(label: string): Promise<string> {
    const dd = this.summary().locator('dt', { hasText: label }).first().locator('xpath=following-sibling::dd[1]');
    return ((await dd.textContent()) ?? '').trim();
  }

  /** Clicks a download button and returns the bytes the browser saved. */
  async download(buttonName: 'Scarica PDF' | 'Scarica JSON'): Promise<{ bytes: Buffer; fileName: string }> {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), this.summary().getByRole('button', { name: buttonName }).click()]);
    const path = await dl.path();
    const { readFileSync } = await import('node:fs');
    return { bytes: readFileSync(path), fileName: dl.suggestedFilename() };
  }
}
