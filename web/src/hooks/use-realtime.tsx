import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { ServerMessage } from '@genonaut/contracts';
import type { RealtimeClient } from '@/lib/realtime-client';

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** Provides the app's one realtime client; null while nobody is signed in. */
export function RealtimeProvider({
  client,
  children,
}: {
  client: RealtimeClient | null;
  children: ReactNode;
}) {
  return <RealtimeContext value={client}>{children}</RealtimeContext>;
}

/** Calls `listener` with every server message while mounted (and while a socket exists). */
export function useRealtimeMessages(listener: (message: ServerMessage) => void): void {
  const client = useContext(RealtimeContext);
  // The latest listener is read through a ref so callers need not memoise it.
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client?.onMessage((message) => latest.current(message)), [client]);
}

/** Follows the given jobs while mounted; their events arrive through useRealtimeMessages. */
export function useJobSubscription(jobIds: number[]): void {
  const client = useContext(RealtimeContext);
  const key = [...jobIds].sort((a, b) => a - b).join(',');
  useEffect(() => {
    if (!client || key === '') return;
    return client.subscribe(key.split(',').map(Number));
  }, [client, key]);
}
