import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles/fonts.css';
import './styles/app.css';
import { App } from './app/App';
import { StartupErrorScreen } from './app/StartupErrorScreen';
import { fetchStartupError } from './app/startup-error';
import { AppError } from '../shared/contract/errors';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A contract error will not fix itself by retrying; a network blip may.
      retry: (count, err) => count < 2 && !(err instanceof AppError && err.code !== 'OFFLINE'),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

async function boot() {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const startupError = await fetchStartupError();
  root.render(
    <StrictMode>
      {startupError !== null ? (
        <StartupErrorScreen message={startupError} />
      ) : (
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      )}
    </StrictMode>,
  );
}

void boot();
