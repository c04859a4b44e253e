import { useEffect, useState } from 'react';

/** The value after it stopped changing for `ms`: autocomplete asks once per pause, not per key. */
export function useDebounced<T>(value: T, ms = 150): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
