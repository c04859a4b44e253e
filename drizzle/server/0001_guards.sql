-- DPR 445/2000 art. 53: number, date, correspondents, subject and fingerprints of a registration
-- are recorded once and never modified; art. 54: an entry is annulled, never deleted.
-- This guard holds even for SQL that bypasses the register server's services.
CREATE OR REPLACE FUNCTION protocol_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'IMMUTABLE_FIELD: una registrazione di protocollo non si cancella (DPR 445/2000, art. 54)' USING ERRCODE = 'GN001';
  END IF;
  IF NEW.number IS DISTINCT FROM OLD.number
     OR NEW.year IS DISTINCT FROM OLD.year
     OR NEW.aoo_code IS DISTINCT FROM OLD.aoo_code
     OR NEW.register_code IS DISTINCT FROM OLD.register_code
     OR NEW.registered_at IS DISTINCT FROM OLD.registered_at
     OR NEW.direction IS DISTINCT FROM OLD.direction
     OR NEW.oggetto IS DISTINCT FROM OLD.oggetto
     OR NEW.correspondents IS DISTINCT FROM OLD.correspondents
     OR NEW.documents IS DISTINCT FROM OLD.documents THEN
    RAISE EXCEPTION 'IMMUTABLE_FIELD: numero, data, corrispondenti, oggetto e impronte non sono modificabili (DPR 445/2000, art. 53)' USING ERRCODE = 'GN001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER protocol_entries_guard BEFORE UPDATE OR DELETE ON protocol_entries
  FOR EACH ROW EXECUTE FUNCTION protocol_entries_guard();
--> statement-breakpoint
-- The history of an entry is the audit trail (Linee guida AgID): append-only.
CREATE OR REPLACE FUNCTION append_only_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'IMMUTABLE_FIELD: la tabella % è in sola aggiunta', TG_TABLE_NAME USING ERRCODE = 'GN001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER protocol_history_guard BEFORE UPDATE OR DELETE ON protocol_history
  FOR EACH ROW EXECUTE FUNCTION append_only_guard();
--> statement-breakpoint
CREATE TRIGGER change_log_guard BEFORE UPDATE OR DELETE ON change_log
  FOR EACH ROW EXECUTE FUNCTION append_only_guard();
--> statement-breakpoint
CREATE TRIGGER daily_registers_guard BEFORE UPDATE OR DELETE ON daily_registers
  FOR EACH ROW EXECUTE FUNCTION append_only_guard();
--> statement-breakpoint
INSERT INTO change_log_head (id, last) VALUES (1, 0);
