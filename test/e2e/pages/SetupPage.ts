import type { Page } from 'playwright-core';

export interface SetupData {
  administrationName: string;
  ipaCode: string;
  aooCode: string;
  aooName: string;
  registerCode: string;
  username: string;
  fullName: string;
  password: string;
}

/** "Configurazione iniziale": the first-run screen. */
export class SetupPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Configurazione iniziale' });
  }

  async fill(d: SetupData, repeatPassword = d.password): Promise<void> {
    const p = this.page;
    await p.getByLabel("Denominazione dell'amministrazione").fill(d.administrationName);
    await p.getByLabel('Codice IPA').fill(d.ipaCode);
    await p.getByLabel('Codice AOO').fill(d.aooCode);
    await p.getByLabel('Denominazione AOO').fill(d.aooName);
    await p.getByLabel('Codice del registro').fill(d.registerCode);
    await p.getByLabel('Nome utente').fill(d.username);
    await p.getByLabel('Nome e cognome').fill(d.fullName);
    await p.getByLabel('Password', { exact: true }).fill(d.password);
    await p.getByLabel('Ripeti la password').fill(repeatPassword);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Configura' }).click();
  }
}
