import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { navigate } from '../../app/use-route';
import { OpenCaseForm } from './OpenCaseForm';

/** "Nuova pratica": a case that starts from no protocol entry (e.g. opened by the office itself). */
export function NewCaseButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setOpen(true)}>
        Nuova pratica
      </button>
      <Dialog open={open} title="Nuova pratica" onClose={() => setOpen(false)}>
        <OpenCaseForm
          onOpened={(c) => {
            setOpen(false);
            navigate({ screen: 'pratica', id: c.id });
          }}
        />
      </Dialog>
    </>
  );
}
