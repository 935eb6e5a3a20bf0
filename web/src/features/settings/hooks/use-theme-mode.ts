import { useEffect, useRef } from 'react';
import { useColorScheme } from '@mui/material/styles';
import type { CurrentUser } from '@genonaut/contracts';
import { useUpdateMe } from '../api/update-me';
import { themePreference, type ThemeMode } from '../utils/preferences';

/**
 * The theme has one source of truth in this browser: MUI's colour scheme (kept in localStorage
 * 'genonaut-mode' and applied before paint). A signed-in user's choice is also saved in their
 * preferences, so it follows them to other browsers (see useApplyThemePreference).
 */
export function useThemeMode({
  user,
  onUserChange,
}: {
  user: CurrentUser | null;
  onUserChange: (user: CurrentUser) => void;
}) {
  const { mode, systemMode, setMode } = useColorScheme();
  const save = useUpdateMe(onUserChange);
  const current: ThemeMode = mode ?? 'system';
  const resolved: 'light' | 'dark' = (current === 'system' ? systemMode : current) ?? 'light';
  const choose = (next: ThemeMode) => {
    setMode(next);
    if (user && themePreference(user.preferences) !== next) save.mutate({ preferences: { theme: next } });
  };
  return { mode: current, resolved, choose, saving: save.isPending, error: save.error };
}

/**
 * Applies the theme saved with the account when it differs from this browser's, once per value the
 * server reports: signing in elsewhere picks up the choice, and a later local change is not undone.
 */
export function useApplyThemePreference(user: CurrentUser | null | undefined) {
  const { mode, setMode } = useColorScheme();
  const saved = themePreference(user?.preferences);
  const applied = useRef<string | null>(null);
  useEffect(() => {
    // `mode` is undefined until MUI has read storage; comparing before that would apply needlessly.
    if (!user || !saved || mode === undefined) return;
    const key = `${user.id}:${saved}`;
    if (applied.current === key) return;
    applied.current = key;
    if (mode !== saved) setMode(saved);
  }, [user, saved, mode, setMode]);
}
