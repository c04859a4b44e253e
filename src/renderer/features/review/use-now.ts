import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` (ages like "in attesa da 12 min" must move on their own). */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
