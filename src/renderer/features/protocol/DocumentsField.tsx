import { useId, useState } from 'react';
import { uploadFile } from '../../api/client';
import { errorMessage } from '../../lib/field-errors';
import { fileSizeLabel, fingerprintLabel } from '../../lib/format';
import type { DocumentRef } from '../../../shared/contract';

/**
 * A file input that stores each file in the desk at once and shows name, size and SHA-256
 * fingerprint (the impronta of art. 53 DPR 445/2000) so the clerk can check what was taken.
 */
export function DocumentsField(props: {
  label: string;
  multiple: boolean;
  value: DocumentRef[];
  onChange: (docs: DocumentRef[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const role: DocumentRef['role'] = props.multiple ? 'allegato' : 'primario';

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setUploadError(null);
    const added: DocumentRef[] = [];
    for (const f of Array.from(files)) {
      setBusy(f.name);
      try {
        const ref = await uploadFile(f, f.name);
        added.push({ ...ref, role });
      } catch (err) {
        setUploadError(`${f.name}: ${errorMessage(err)}`);
      }
    }
    setBusy(null);
    if (added.length) props.onChange(props.multiple ? [...props.value, ...added] : added.slice(0, 1));
  };

  const error = uploadError ?? props.error;
  return (
    <div className="g-field">
      <label htmlFor={id} className="g-label">
        {props.label}
      </label>
      <input
        id={id}
        type="file"
        className="form-control"
        multiple={props.multiple}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => {
          void onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      {busy && (
        <p role="status" className="small">
          Caricamento di {busy}…
        </p>
      )}
      {props.value.length > 0 && (
        <ul className="g-docs" aria-label={`${props.label}: file caricati`}>
          {props.value.map((d) => (
            <li key={d.sha256}>
              <strong>{d.fileName}</strong> <span>{fileSizeLabel(d.size)}</span>
              <div className="g-sha">
                SHA-256: <code>{fingerprintLabel(d.sha256)}</code>
              </div>
              <button type="button" className="btn btn-link btn-sm" aria-label={`Rimuovi ${d.fileName}`} onClick={() => props.onChange(props.value.filter((x) => x.sha256 !== d.sha256))}>
                Rimuovi
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div id={`${id}-err`} className="g-field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
