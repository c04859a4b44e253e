import type { Page } from 'playwright-core';

/**
 * The emergency register in the UI (DPR 445/2000 art. 63): the panel offered when the register
 * server does not answer, the banner while a period is open, the link shown in the detail.
 */
export class EmergencyPage {
  constructor(private readonly page: Page) {}

  /** "Server del registro non raggiungibile: aprire il registro di emergenza?" */
  openPanel() {
    return this.page.getByRole('form', { name: /aprire il registro di emergenza/ });
  }

  cause() {
    return this.openPanel().getByLabel('Causa');
  }

  start() {
    return this.openPanel().getByLabel('Inizio (data e ora)');
  }

  authoriserName() {
    return this.openPanel().getByLabel('Autorizzato da');
  }

  authoriserAct() {
    return this.openPanel().getByLabel('Provvedimento di autorizzazione');
  }

  /** The banner shown above the form while the emergency register is open on this desk. */
  banner() {
    return this.page.getByRole('region', { name: 'Registro di emergenza' });
  }

  closeButton() {
    return this.banner().getByRole('button', { name: 'Chiudi registro di emergenza' });
  }

  /** In the detail: emergency number, legal date and (after recovery) the ordinary number. */
  linkInfo() {
    return this.page.locator('section[aria-label="Registro di emergenza"]');
  }

  ordinaryLine() {
    return this.page.getByTestId('emergency-ordinary');
  }
}
