import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Alert, ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { printGeneratedFile, saveGeneratedFile } from '../../lib/generated-file';
import type { AgendaPersonDto } from '../../../shared/contract';
import { addDays, longDayLabel } from './agenda-time';

type Open = 'foglio' | 'ics' | 'cerimonie' | null;

/**
 * The agenda's documents: the day sheet (Foglio di servizio, full or public, printed through the
 * same path as the protocol label), the public agenda as ICS, and the year's ceremonies.
 */
export function AgendaActions(props: { day: string; agendaOf: string | null; people: AgendaPersonDto[]; canEdit: boolean }) {
  const [open, setOpen] = useState<Open>(null);
  return (
    <>
      <button type="button" className="btn btn-outline-primary" onClick={() => setOpen('foglio')}>
        Foglio di servizio
      </button>
      <button type="button" className="btn btn-outline-primary" onClick={() => setOpen('ics')}>
        Esporta ICS
      </button>
      {props.canEdit && (
        <button type="button" className="btn btn-outline-primary" onClick={() => setOpen('cerimonie')}>
          Cerimonie dell'anno
        </button>
      )}
      <Dialog open={open === 'foglio'} title="Foglio di servizio" onClose={() => setOpen(null)}>
        <DaySheetForm day={props.day} agendaOf={props.agendaOf} people={props.people} />
      </Dialog>
      <Dialog open={open === 'ics'} title="Esporta l'agenda pubblica (ICS)" onClose={() => setOpen(null)}>
        <IcsForm day={props.day} />
      </Dialog>
      <Dialog open={open === 'cerimonie'} title="Cerimonie dell'anno" onClose={() => setOpen(null)}>
        <CeremoniesForm year={Number(props.day.slice(0, 4))} agendaOf={props.agendaOf} people={props.people} />
      </Dialog>
    </>
  );
}

function PersonSelect(props: { id: string; value: string; onChange: (v: string) => void; people: AgendaPersonDto[]; none: string }) {
  return (
    <select id={props.id} className="form-select" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">{props.none}</option>
      {props.people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}

function DaySheetForm(props: { day: string; agendaOf: string | null; people: AgendaPersonDto[] }) {
  const [day, setDay] = useState(props.day);
  const [variant, setVariant] = useState<'completo' | 'pubblico'>('completo');
  const [agendaOf, setAgendaOf] = useState(props.agendaOf ?? '');
  const sheet = useMutation({ mutationFn: () => send('agenda.daySheet', { day, variant, agendaOf: agendaOf || null }) });
  const fe = fieldErrorsOf(sheet.error);
  const run = async (how: 'print' | 'save') => {
    const file = await sheet.mutateAsync();
    await (how === 'print' ? printGeneratedFile(file) : saveGeneratedFile(file));
  };
  return (
    <div>
      <div className="g-grid-3">
        <Field label="Giorno" error={fe.day}>
          {(ids) => <input id={ids.id} type="date" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={day} onChange={(e) => setDay(e.target.value)} />}
        </Field>
        <div className="g-field">
          <label htmlFor="g-sheet-person">Agenda di</label>
          <PersonSelect id="g-sheet-person" value={agendaOf} onChange={setAgendaOf} people={props.people} none="Tutte le agende" />
        </div>
        <fieldset className="g-field">
          <legend className="g-label">Versione</legend>
          <div className="g-radios">
            <label className="g-radio">
              <input type="radio" name="g-sheet-variant" checked={variant === 'completo'} onChange={() => setVariant('completo')} />
              Completa (uso interno)
            </label>
            <label className="g-radio">
              <input type="radio" name="g-sheet-variant" checked={variant === 'pubblico'} onChange={() => setVariant('pubblico')} />
              Pubblica
            </label>
          </div>
        </fieldset>
      </div>
      {/^\d{4}-\d{2}-\d{2}$/.test(day) && <p>Foglio di {longDayLabel(day)}.</p>}
      <div className="g-actions">
        <button type="button" className="btn btn-primary" disabled={sheet.isPending} onClick={() => void run('print').catch(() => undefined)}>
          {sheet.isPending ? 'Preparazione…' : 'Stampa foglio'}
        </button>
        <button type="button" className="btn btn-outline-primary" disabled={sheet.isPending} onClick={() => void run('save').catch(() => undefined)}>
          Scarica PDF
        </button>
      </div>
      {sheet.isSuccess && <Alert kind="success">Foglio di servizio pronto: {sheet.data.fileName}</Alert>}
      <ErrorAlert error={sheet.error} />
    </div>
  );
}

function IcsForm(props: { day: string }) {
  const [from, setFrom] = useState(props.day);
  const [to, setTo] = useState(addDays(props.day, 90));
  const ics = useMutation({ mutationFn: async () => saveGeneratedFile(await send('agenda.exportIcs', { from, to })) });
  const fe = fieldErrorsOf(ics.error);
  return (
    <div>
      <p>Il file contiene solo gli impegni pubblici (titolo, luogo, controparte): mai note, partecipanti o impegni privati.</p>
      <div className="g-grid-2">
        <Field label="Dal" error={fe.from}>
          {(ids) => <input id={ids.id} type="date" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label="Al" error={fe.to}>
          {(ids) => <input id={ids.id} type="date" className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
      </div>
      <button type="button" className="btn btn-primary" disabled={ics.isPending} onClick={() => ics.mutate()}>
        Scarica ICS
      </button>
      {ics.isSuccess && <Alert kind="success">File ICS scaricato.</Alert>}
      <ErrorAlert error={ics.error} />
    </div>
  );
}

function CeremoniesForm(props: { year: number; agendaOf: string | null; people: AgendaPersonDto[] }) {
  const qc = useQueryClient();
  const [year, setYear] = useState(String(props.year));
  const [agendaOf, setAgendaOf] = useState(props.agendaOf ?? props.people.find((p) => p.role === 'sindaco')?.id ?? '');
  const m = useMutation({
    mutationFn: () => send('agenda.instantiateTemplates', { year: Number(year), agendaOf: agendaOf || null }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['agenda'] }),
  });
  const fe = fieldErrorsOf(m.error);
  return (
    <div>
      <p>Crea nell'agenda le cerimonie ricorrenti dell'anno (25 aprile, 2 giugno, 4 novembre…) dai modelli attivi. Quelle già presenti non sono duplicate.</p>
      <div className="g-grid-2">
        <Field label="Anno" error={fe.year}>
          {(ids) => <input id={ids.id} type="number" min={2000} max={2999} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={year} onChange={(e) => setYear(e.target.value)} />}
        </Field>
        <div className="g-field">
          <label htmlFor="g-cer-person">Agenda di</label>
          <PersonSelect id="g-cer-person" value={agendaOf} onChange={setAgendaOf} people={props.people} none="Nessuna agenda" />
        </div>
      </div>
      <button type="button" className="btn btn-primary" disabled={m.isPending} onClick={() => m.mutate()}>
        Crea cerimonie
      </button>
      {m.data && (
        <Alert kind="success">
          Cerimonie create: {m.data.created}; già presenti: {m.data.skipped}.
        </Alert>
      )}
      <ErrorAlert error={m.error} />
    </div>
  );
}
