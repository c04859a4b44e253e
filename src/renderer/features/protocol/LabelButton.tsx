import { forwardRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { send } from '../../api/client';
import { printGeneratedFile, saveGeneratedFile } from '../../lib/generated-file';
import { errorMessage } from '../../lib/field-errors';
import type { GeneratedFile } from '../../../shared/contract';

/** "Stampa etichetta": asks the desk for the label PDF and prints it; a download stays available. */
export const LabelButton = forwardRef<HTMLButtonElement, { entryId: string }>(function LabelButton(props, ref) {
  const [file, setFile] = useState<GeneratedFile | null>(null);
  const m = useMutation({
    mutationFn: async () => {
      const f = file ?? (await send('protocol.label', { id: props.entryId }));
      setFile(f);
      await printGeneratedFile(f);
      return f;
    },
  });
  return (
    <span className="g-label-actions">
      <button ref={ref} type="button" className="btn btn-primary" onClick={() => m.mutate()} disabled={m.isPending}>
        {m.isPending ? 'Preparazione etichetta…' : 'Stampa etichetta'}
      </button>
      {file && (
        <button type="button" className="btn btn-outline-primary" onClick={() => void saveGeneratedFile(file)}>
          Scarica etichetta (PDF)
        </button>
      )}
      {m.error && (
        <span role="alert" className="g-field-error">
          {errorMessage(m.error)}
        </span>
      )}
    </span>
  );
});
