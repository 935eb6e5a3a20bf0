import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { RealtimeProvider } from '@/hooks/use-realtime';
import { createQueryClient } from '@/lib/query-client';
import { RealtimeClient } from '@/lib/realtime-client';
import { AppTheme } from '@/theme/app-theme';

/** One socket while someone is signed in, none otherwise (the API refuses anonymous upgrades). */
function RealtimeConnection({ children }: { children: ReactNode }) {
  const userId = useCurrentUser().data?.id;
  const [client, setClient] = useState<RealtimeClient | null>(null);
  useEffect(() => {
    if (!userId) return;
    const next = new RealtimeClient();
    next.connect();
    setClient(next);
    return () => {
      next.close();
      setClient(null);
    };
  }, [userId]);
  return <RealtimeProvider client={client}>{children}</RealtimeProvider>;
}

export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <AppTheme>
        <RealtimeConnection>{children}</RealtimeConnection>
      </AppTheme>
    </QueryClientProvider>
  );
}
