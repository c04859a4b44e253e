import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../lib/field-errors';
import type { Correspondent } from '../../../shared/contract';
import { draftStore, type DraftCorrespondent, type RegisterDraft } from './register-draft';

/**
 * A document drafted elsewhere (a case's reply, an invitation's letter) is registered in the
 * ordinary Registra form and, once it has its number, linked back to where it came from. The
 * draft's client id is the entry's id, so only that draft is linked: a registration started
 * afresh in Registra never is. One pending link per kind, kept while the desk runs.
 */
export type LinkState = 'in_attesa' | 'collegata' | 'errore';
export type Pending<M> = M & { draftId: string; state: LinkState; entryId: string | null; error: string | null };

export interface LinkAfterRegistration<M> {
  /** Puts the draft in the Registra form and remembers what it answers. */
  start(meta: M, draft: RegisterDraft): void;
  /** Called by Registra after every registration: links the entry when the draft was this one. */
  linkRegistered(draftId: string, entryId: string, qc?: QueryClient): Promise<void>;
  /** Retries a link that failed; the entry is already registered. */
  retry(qc?: QueryClient): Promise<void>;
  current(): Pending<M> | null;
  /** The pending link of this Registra draft, re-rendering when its state changes. */
  usePending(draftId: string): Pending<M> | null;
}

export function linkAfterRegistration<M>(opts: { link: (meta: M, entryId: string) => Promise<unknown>; invalidates: string }): LinkAfterRegistration<M> {
  let pending: Pending<M> | null = null;
  const listeners = new Set<() => void>();
  const set = (next: Pending<M> | null) => {
    pending = next;
    listeners.forEach((l) => l());
  };
  const store: LinkAfterRegistration<M> = {
    start(meta, draft) {
      draftStore.save(draft);
      set({ ...meta, draftId: draft.id, state: 'in_attesa', entryId: null, error: null });
    },
    async linkRegistered(draftId, entryId, qc) {
      const p = pending;
      if (!p || p.draftId !== draftId || p.state === 'collegata') return;
      try {
        await opts.link(p, entryId);
        set({ ...p, state: 'collegata', entryId, error: null });
      } catch (err) {
        set({ ...p, state: 'errore', entryId, error: errorMessage(err) });
      }
      void qc?.invalidateQueries({ queryKey: [opts.invalidates] });
    },
    async retry(qc) {
      const p = pending;
      if (!p || p.state !== 'errore' || !p.entryId) return;
      pending = { ...p, state: 'in_attesa' };
      await store.linkRegistered(p.draftId, p.entryId, qc);
    },
    current: () => pending,
    usePending(draftId) {
      const p = useSyncExternalStore(
        (l) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
        () => pending,
      );
      return p && p.draftId === draftId ? p : null;
    },
  };
  return store;
}

/** A correspondent of the draft as the form holds it: from the address book, or to be created. */
export function draftCorrespondentOf(c: Correspondent, key: string): DraftCorrespondent {
  const detail = c.pec ?? c.email ?? '';
  if (c.contactId) return { key: c.contactId, contactId: c.contactId, name: c.name, detail };
  return {
    key,
    newContact: { name: c.name, kind: c.kind, pec: c.pec ?? '', email: c.email ?? '', ipaCode: c.ipaCode ?? '' },
    name: c.name,
    detail: detail || 'nuovo contatto',
  };
}
