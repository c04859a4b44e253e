import { useMutation } from '@tanstack/react-query';
import { send } from '../../api/client';
import { ErrorAlert } from '../../components/Alert';
import { saveGeneratedFile } from '../../lib/generated-file';

/** "Esporta pacchetto diagnostico": a JSON file for support, passwords and tokens removed. */
export function DiagnosticsButton() {
  const m = useMutation({
    mutationFn: async () => {
      const file = await send('system.diagnostics', {});
      await saveGeneratedFile(file);
      return file;
    },
  });
  return (
    <div className="g-diagnostics">
      <button type="button" className="btn btn-outline-primary" onClick={() => m.mutate()} disabled={m.isPending}>
        {m.isPending ? 'Preparazione del pacchetto…' : 'Esporta pacchetto diagnostico'}
      </button>
      <p className="form-text mb-0">Contiene versioni, modifiche in attesa e cronologia della sincronizzazione; password e credenziali sono omesse.</p>
      <ErrorAlert error={m.error} />
      {m.data && (
        <p className="text-success mb-0" role="status">
          Pacchetto esportato: {m.data.fileName}
        </p>
      )}
    </div>
  );
}
