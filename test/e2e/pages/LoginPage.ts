import type { Page } from 'playwright-core';

/** "Accesso a Gonfalone". */
export class LoginPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Accesso a Gonfalone' });
  }

  async login(username: string, password: string): Promise<void> {
    await this.heading().waitFor();
    await this.page.getByLabel('Nome utente').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Accedi' }).click();
  }

  /** The error banner (role=alert) under the form. */
  error() {
    return this.page.locator('.alert[role="alert"]');
  }
}
