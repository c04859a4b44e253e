import type { Page } from 'playwright-core';

export interface HistoryRow {
  when: string;
  who: string;
  what: string;
  before: string;
  after: string;
}

/** The detail of one entry: fields, documents, classification/assignment, annulment, history. */
export class DetailPage {
  constructor(private readonly page: Page) {}

  title() {
    return this.page.locator('#g-detail-title');
  }

  async waitFor(numberLabel: string): Promise<void> {
    await this.page.getByRole('heading', { name: new RegExp(`Protocollo ${numberLabel.replace('/', '\\/')}`) }).waitFor();
  }

  /** The value next to a <dt> label in the description list. */
  async field(label: string): Promise<string> {
    const dd = this.page.locator('dl.g-dl dt', { hasText: label }).first().locator('xpath=following-sibling::dd[1]');
    return ((await dd.textContent()) ?? '').trim();
  }

  editPanel() {
    return this.page.getByRole('region', { name: 'Classificazione e assegnazione' });
  }

  /** Picks a class in the panel's combobox by typing its code, ↓ and Enter. */
  async chooseClassification(code: string): Promise<void> {
    const box = this.editPanel().getByRole('combobox', { name: 'Classificazione' });
    await box.fill(code);
    await this.editPanel().getByRole('option', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) }).first().waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await this.editPanel().locator('.g-picked').getByText(code, { exact: true }).waitFor();
  }

  async addAssignment(optionLabel: string, kind: 'competenza' | 'conoscenza'): Promise<void> {
    const panel = this.editPanel();
    await panel.getByLabel('Assegnatario').selectOption({ label: optionLabel });
    await panel.getByLabel('Tipo di assegnazione').selectOption({ label: `per ${kind}` });
    await panel.getByRole('button', { name: 'Aggiungi assegnazione' }).click();
  }

  async save(): Promise<void> {
    await this.editPanel().getByRole('button', { name: 'Salva classificazione e assegnazione' }).click();
  }

  historyTable() {
    return this.page.getByRole('table', { name: 'Storia delle modifiche' });
  }

  async history(): Promise<HistoryRow[]> {
    const rows = this.historyTable().locator('tbody tr');
    const out: HistoryRow[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = (await rows.nth(i).locator('td').allTextContents()).map((c) => c.trim());
      out.push({ when: cells[0] ?? '', who: cells[1] ?? '', what: cells[2] ?? '', before: cells[3] ?? '', after: cells[4] ?? '' });
    }
    return out;
  }

  /** Waits until the history has at least `n` rows (it is refreshed after each save). */
  async waitForHistoryRows(n: number): Promise<HistoryRow[]> {
    await this.historyTable().locator(`tbody tr:nth-child(${n})`).waitFor();
    return this.history();
  }

  annulmentPanel() {
    return this.page.getByRole('region', { name: 'Annullamento' });
  }

  async requestAnnulment(reason: string): Promise<void> {
    const panel = this.annulmentPanel();
    await panel.getByLabel("Motivo dell'annullamento").fill(reason);
    await panel.getByRole('button', { name: 'Richiedi annullamento' }).click();
  }

  async annul(reason: string | null, act: string): Promise<void> {
    const panel = this.annulmentPanel();
    if (reason !== null) await panel.getByLabel("Motivo dell'annullamento").fill(reason);
    await panel.getByLabel('Atto autorizzativo').fill(act);
    await panel.getByRole('button', { name: 'Annulla registrazione' }).click();
  }

  /** The red note shown on an annulled entry. */
  annulledNote() {
    return this.page.getByRole('note').filter({ hasText: 'Registrazione ANNULLATA' });
  }
}
