import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { SyncStatus } from '../../../src/shared/contract';
import { queryKeys } from '../../../src/renderer/api/query-keys';
import { StatusBanners } from '../../../src/renderer/features/review/StatusBanners';

const base: SyncStatus = { online: true, pendingCount: 3, oldestPendingAt: null, lastSyncAt: null, lastError: null, rejectedCount: 0, cursor: 1 };

function render(status: SyncStatus): string {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  qc.setQueryData(queryKeys.syncStatus, status);
  return renderToStaticMarkup(
    <QueryClientProvider client={qc}>
      <StatusBanners />
    </QueryClientProvider>,
  );
}

describe('status banners', () => {
  it('show nothing when clocks agree and the version is accepted', () => {
    expect(render({ ...base, clockSkewMs: 30_000, upgradeRequired: false })).toBe('');
  });
  it('warn (role=status, not an alert) when the desk clock is off by more than two minutes', () => {
    const html = render({ ...base, clockSkewMs: -36 * 3_600_000 });
    expect(html).toContain('Orologio non allineato');
    expect(html).toContain('indietro di 1 giorno');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('role="alert"');
  });
  it('ask to update the program on VERSION_SKEW, saying pending changes are kept', () => {
    const html = render({ ...base, upgradeRequired: true });
    expect(html).toContain('Aggiorna il programma');
    expect(html).toContain('Le modifiche in attesa (3) restano conservate');
  });
});
