import type { Page } from 'playwright-core';
import { roleLabels, type Role } from '../../../src/shared/domain/roles';

/** Amministrazione → Utenti: the users table and the "Nuovo utente" form. */
export class AdminUsersPage {
  constructor(private readonly page: Page) {}

  form() {
    return this.page.getByRole('form', { name: 'Nuovo utente' });
  }

  usersTable() {
    return this.page.getByRole('table', { name: 'Utenti' });
  }

  row(username: string) {
    return this.usersTable().getByRole('row').filter({ has: this.page.getByRole('cell', { name: username, exact: true }) });
  }

  async createUser(u: { username: string; fullName: string; password: string; roles: readonly Role[] }): Promise<void> {
    const f = this.form();
    await f.getByLabel('Nome utente').fill(u.username);
    await f.getByLabel('Nome e cognome').fill(u.fullName);
    await f.getByLabel('Password iniziale').fill(u.password);
    for (const r of Object.keys(roleLabels) as Role[]) {
      await f.getByRole('checkbox', { name: roleLabels[r], exact: true }).setChecked(u.roles.includes(r));
    }
    await f.getByRole('button', { name: 'Crea utente' }).click();
    await this.row(u.username).waitFor();
  }
}
