import type { Page } from 'playwright-core';

/**
 * "Registra", driven like a clerk does: keyboard only (keyboard.type / press). The file chooser
 * is the one exception: a native dialog cannot be typed into, so the file is set directly.
 */
export class RegisterPage {
  constructor(private readonly page: Page) {}

  form() {
    return this.page.getByRole('form', { name: 'Registra' });
  }

  senderInput() {
    return this.page.getByRole('combobox', { name: 'Mittente' });
  }

  oggetto() {
    return this.page.getByLabel('Oggetto');
  }

  primaryDocumentInput() {
    return this.page.getByLabel('Documento principale', { exact: true });
  }

  /** The SHA-256 shown under the chosen primary document, without the grouping spaces. */
  async shownPrimaryFingerprint(): Promise<string> {
    const list = this.page.getByRole('list', { name: 'Documento principale: file caricati' });
    await list.waitFor();
    const text = await list.locator('.g-sha code').first().textContent();
    return (text ?? '').replace(/\s+/g, '');
  }

  /** Describes the focused element: tag, type, accessible label (for keyboard assertions). */
  async focused(): Promise<{ tag: string; type: string | null; label: string }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { tag: '', type: null, label: '' };
      const id = el.id;
      const lab = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : null;
      return {
        tag: el.tagName.toLowerCase(),
        type: el.getAttribute('type'),
        label: (lab ?? el.closest('label')?.textContent ?? el.textContent ?? '').trim(),
      };
    });
  }

  /** Types into the sender combobox, waits for the suggestion, picks it with ↓ and Enter. */
  async pickSenderWithArrows(query: string, expectedName: string): Promise<void> {
    await this.page.keyboard.type(query);
    await this.page.getByRole('option', { name: new RegExp(`^${escapeRegExp(expectedName)}`) }).waitFor();
    // ↓ highlights the first suggestion: make sure the settled list starts with the contact.
    await this.page.waitForFunction(
      (name) => document.querySelector('[role="listbox"]:not([hidden]) [role="option"]')?.textContent?.startsWith(name) === true,
      expectedName,
    );
    await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await this.chosenSenders().getByText(expectedName).waitFor();
  }

  chosenSenders() {
    return this.page.getByRole('list', { name: 'Mittente scelti' });
  }

  bigNumber() {
    return this.page.locator('.g-bignumber');
  }

  labelButton() {
    return this.page.getByRole('button', { name: 'Stampa etichetta' });
  }

  submitError() {
    return this.form().locator('.alert[role="alert"]');
  }

  async isFocused(locator: ReturnType<Page['locator']>): Promise<boolean> {
    return locator.evaluate((el) => el === document.activeElement);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
