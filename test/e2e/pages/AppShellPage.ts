import type { Page } from 'playwright-core';

export type Section = 'Registra' | 'Registro' | 'Rubrica' | 'Registro giornaliero' | 'Amministrazione';

/** Header and navigation of a logged-in desk. */
export class AppShellPage {
  constructor(private readonly page: Page) {}

  /** The user's name in the header proves the session is open. */
  userBadge(fullName: string) {
    return this.page.locator('.g-user').getByText(fullName);
  }

  async goTo(section: Section): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sezioni' }).getByRole('link', { name: section, exact: true }).click();
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Esci' }).click();
  }

  /** The bearer token the page keeps for the web transport (sessionStorage, per tab). */
  async token(): Promise<string> {
    const t = await this.page.evaluate(() => sessionStorage.getItem('gonfalone.token'));
    if (!t) throw new Error('Nessuna sessione nella pagina');
    return t;
  }
}
