import type { ProtocolEntry } from '../../../shared/contract';
import { formatYearNumber } from '../../../shared/domain/protocol-number';
import { dateTimeLabel } from '../../lib/format';

/** In the detail: the permanent link emergency ↔ ordinary number and the legal date (art. 63). */
export function EmergencyLinkInfo(props: { entry: ProtocolEntry }) {
  const link = props.entry.emergency;
  if (!link) return null;
  return (
    <section className="alert alert-info" aria-label="Registro di emergenza">
      <p>
        Registrata nel registro di emergenza con n. <strong>{link.emergencyNumber}</strong> il {dateTimeLabel(link.legalDate)} (data giuridica per i termini).
      </p>
      <p data-testid="emergency-ordinary">
        {link.ordinaryNumber !== null && link.ordinaryYear !== null
          ? `Numero di protocollo ordinario: ${formatYearNumber(link.ordinaryYear, link.ordinaryNumber)}`
          : 'Numero di protocollo ordinario: in attesa del ritorno del server.'}
      </p>
    </section>
  );
}
