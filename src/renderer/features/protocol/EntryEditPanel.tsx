import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { ErrorAlert, Alert } from '../../components/Alert';
import type { ProtocolEntryDetail } from '../../../shared/contract';
import { ClassificationPicker } from './ClassificationPicker';
import { AssignmentsEditor } from './AssignmentsEditor';
import type { DraftAssignment } from './register-draft';

/**
 * Classification and assignment: the only things that may change after registration, with
 * history kept by the register (Linee guida AgID; DPR 445/2000 art. 53 c.5 for the rest).
 */
export function EntryEditPanel(props: { entry: ProtocolEntryDetail }) {
  const qc = useQueryClient();
  const e = props.entry;
  const [classification, setClassification] = useState<{ code: string; title: string } | null>(e.classificationCode ? { code: e.classificationCode, title: '' } : null);
  const [assignments, setAssignments] = useState<DraftAssignment[]>(e.assignments.map((a) => ({ assigneeType: a.assigneeType, assigneeId: a.assigneeId, kind: a.kind, assigneeName: a.assigneeName })));
  const m = useMutation({
    mutationFn: () =>
      send('protocol.update', {
        id: e.id,
        classificationCode: classification?.code ?? null,
        assignments: assignments.map(({ assigneeType, assigneeId, kind }) => ({ assigneeType, assigneeId, kind })),
        baseVersion: e.version,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['protocol'] }),
  });
  return (
    <section aria-labelledby="g-edit-title" className="g-panel">
      <h2 id="g-edit-title" className="h5">
        Classificazione e assegnazione
      </h2>
      <ClassificationPicker value={classification} onChange={setClassification} />
      <AssignmentsEditor value={assignments} onChange={setAssignments} />
      <ErrorAlert error={m.error} />
      {m.isSuccess && <Alert kind="success">Modifiche salvate; la storia della registrazione le riporta.</Alert>}
      <button type="button" className="btn btn-primary" onClick={() => m.mutate()} disabled={m.isPending || e.status === 'annullato'}>
        Salva classificazione e assegnazione
      </button>
    </section>
  );
}
