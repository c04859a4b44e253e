import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import type { EditScope } from '../../../shared/domain/agenda/recurrence';

export const scopeLabels: Record<EditScope, string> = {
  solo_questo: 'Solo questo',
  questo_e_successivi: 'Questo e i successivi',
  tutti: 'Tutti',
};

/**
 * "Solo questo / questo e i successivi / tutti": asked when a recurring engagement is moved by
 * drag and drop. `ask()` resolves with the choice, or null when the user closes the question
 * (the engagement then goes back where it was).
 */
export function useScopeQuestion(): [ReactNode, (what: string) => Promise<EditScope | null>] {
  const [what, setWhat] = useState<string | null>(null);
  const resolver = useRef<((s: EditScope | null) => void) | null>(null);
  const answer = (s: EditScope | null) => {
    resolver.current?.(s);
    resolver.current = null;
    setWhat(null);
  };
  const ask = useCallback((text: string) => {
    resolver.current?.(null);
    setWhat(text);
    return new Promise<EditScope | null>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const node = (
    <Dialog open={what !== null} title="Impegno ricorrente" onClose={() => answer(null)}>
      <p>{what}</p>
      <p>Quali ripetizioni vuoi modificare?</p>
      <div className="g-actions">
        {(Object.keys(scopeLabels) as EditScope[]).map((s, i) => (
          <button key={s} type="button" className={i === 0 ? 'btn btn-primary' : 'btn btn-outline-primary'} onClick={() => answer(s)} autoFocus={i === 0}>
            {scopeLabels[s]}
          </button>
        ))}
        <button type="button" className="btn btn-outline-secondary" onClick={() => answer(null)}>
          Annulla spostamento
        </button>
      </div>
    </Dialog>
  );
  return [node, ask];
}
