import type { Page } from 'playwright-core';

/** The detail of a case: header, actions (each opens a dialog), panels and the timeline. */
export class CaseDetailPage {
  constructor(private readonly page: Page) {}

  async waitFor(title: string): Promise<void> {
    await this.page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  async state(): Promise<string> {
    return ((await this.page.getByTestId('case-state').textContent()) ?? '').trim();
  }

  async waitForState(label: string): Promise<void> {
    await this.page.getByTestId('case-state').filter({ hasText: new RegExp(`^${label}$`) }).waitFor();
  }

  async term(): Promise<string> {
    return ((await this.page.getByTestId('case-term').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  async owner(): Promise<string> {
    return ((await this.page.getByTestId('case-owner').textContent()) ?? '').trim();
  }

  actions() {
    return this.page.getByRole('region', { name: 'Azioni', exact: true });
  }

  /** The polite line under the actions that announces what was done. */
  actionStatus() {
    return this.actions().getByRole('status');
  }

  async act(name: string): Promise<void> {
    await this.actions().getByRole('button', { name, exact: true }).click();
  }

  /** The dialog's form, by its accessible name. */
  form(name: string) {
    return this.page.getByRole('dialog').getByRole('form', { name });
  }

  async assign(assignee: string, kind: 'competenza' | 'conoscenza'): Promise<void> {
    await this.act('Assegna');
    const f = this.form('Assegna la pratica');
    await f.getByLabel('Assegnatario', { exact: true }).selectOption({ label: assignee });
    await f.getByLabel('Tipo di assegnazione').selectOption({ label: `per ${kind}` });
    await f.getByRole('button', { name: 'Assegna' }).click();
  }

  async suspend(reason: string, note: string): Promise<void> {
    await this.act('Sospendi');
    const f = this.form('Sospendi il termine');
    await f.getByLabel('Motivo della sospensione').selectOption({ label: reason });
    await f.getByLabel('Nota', { exact: true }).fill(note);
    await f.getByRole('button', { name: 'Sospendi' }).click();
  }

  async resume(): Promise<void> {
    await this.act('Riprendi');
    await this.form('Riprendi il termine').getByRole('button', { name: 'Riprendi' }).click();
  }

  async replySent(close: boolean): Promise<void> {
    await this.act('Risposta inviata');
    const f = this.form('Risposta inviata');
    await f.getByLabel("Chiudi la pratica con l'invio della risposta").setChecked(close);
    await f.getByRole('button', { name: 'Segna come inviata' }).click();
  }

  linksTable() {
    return this.page.getByRole('table', { name: 'Registrazioni collegate alla pratica' });
  }

  /** Timeline lines, newest first, as read on screen. */
  async timeline(): Promise<string[]> {
    const items = this.page.getByRole('list', { name: 'Eventi della pratica, dal più recente' }).locator('li');
    return (await items.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
}
