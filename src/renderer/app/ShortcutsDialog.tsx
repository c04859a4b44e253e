import { Dialog } from '../components/Dialog';
import { shortcutHelp, shortcutLabel } from '../lib/shortcuts';

/** The list of shortcuts, generated from the same table the key handlers use. */
export function ShortcutsDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={props.open} title="Scorciatoie da tastiera" onClose={props.onClose}>
      <table className="table table-sm">
        <thead>
          <tr>
            <th scope="col">Tasti</th>
            <th scope="col">Azione</th>
            <th scope="col">Dove</th>
          </tr>
        </thead>
        <tbody>
          {shortcutHelp.map((h) => (
            <tr key={h.description}>
              <td>
                {h.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' o '}
                    <kbd>{shortcutLabel(k)}</kbd>
                  </span>
                ))}
              </td>
              <td>{h.description}</td>
              <td>{h.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
