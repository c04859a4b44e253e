-- DPR 445/2000 art. 57: the number is progressive per AOO, register and year, and gapless.
-- The database itself assigns it in the statement that inserts the entry: the counter row is
-- incremented (row lock held until commit, so a rollback returns the number) and whatever
-- number the caller sent is overwritten. Registration times never go backwards along the
-- numbers: a registration that waited for the lock keeps the later of its own time and the
-- previous entry's (art. 53: date and time are the register's).
CREATE OR REPLACE FUNCTION protocol_entries_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO protocol_counters (aoo_code, register_code, year, last)
    VALUES (NEW.aoo_code, NEW.register_code, NEW.year, 0)
    ON CONFLICT DO NOTHING;
  UPDATE protocol_counters
     SET last = last + 1,
         last_at = GREATEST(COALESCE(last_at, NEW.registered_at), NEW.registered_at)
   WHERE aoo_code = NEW.aoo_code AND register_code = NEW.register_code AND year = NEW.year
   RETURNING last, last_at INTO NEW.number, NEW.registered_at;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER protocol_entries_number BEFORE INSERT ON protocol_entries
  FOR EACH ROW EXECUTE FUNCTION protocol_entries_number();
