// Typed readers of the free-form `preferences` the API stores for the web app. Anything missing or
// malformed (an older client, a hand-made API call) reads as the default, never as an error.
import type { CurrentUser } from '@genonaut/contracts';
import { paths } from '@/config/paths';

type Preferences = CurrentUser['preferences'];

export const THEME_MODES = ['light', 'dark', 'system'] as const;
export type ThemeMode = (typeof THEME_MODES)[number];

const isThemeMode = (value: unknown): value is ThemeMode =>
  typeof value === 'string' && (THEME_MODES as readonly string[]).includes(value);

/** The theme saved with the account, or null when none was saved yet. */
export function themePreference(preferences: Preferences | undefined): ThemeMode | null {
  const theme = preferences?.theme;
  return isThemeMode(theme) ? theme : null;
}

export const SIDEBAR_STARTS = ['remember', 'collapsed', 'expanded'] as const;
export type SidebarStart = (typeof SIDEBAR_STARTS)[number];

/** Sidebar entries a user may hide; Dashboard and Gallery always stay. */
export const OPTIONAL_SIDEBAR_SECTIONS = [
  { id: 'generate', label: 'Generate', href: paths.generate.href() },
  { id: 'tags', label: 'Tags', href: paths.tags.href() },
  { id: 'bookmarks', label: 'Bookmarks', href: paths.bookmarks.href() },
  { id: 'notifications', label: 'Notifications', href: paths.notifications.href() },
  { id: 'history', label: 'History', href: paths.searchHistory.href() },
] as const;
export type SidebarSectionId = (typeof OPTIONAL_SIDEBAR_SECTIONS)[number]['id'];

export interface SidebarPreferences {
  /** How the sidebar is on wide screens when a page loads: as last left, or always one way. */
  start: SidebarStart;
  hidden: SidebarSectionId[];
}

const isSectionId = (value: unknown): value is SidebarSectionId =>
  OPTIONAL_SIDEBAR_SECTIONS.some((section) => section.id === value);

export function sidebarPreferences(preferences: Preferences | undefined): SidebarPreferences {
  const raw = preferences?.sidebar;
  const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const start = SIDEBAR_STARTS.find((value) => value === stored.start) ?? 'remember';
  const hidden = Array.isArray(stored.hidden) ? stored.hidden.filter(isSectionId) : [];
  return { start, hidden };
}

/** The links the sidebar leaves out for these preferences. */
export function hiddenSidebarPaths(preferences: Preferences | undefined): string[] {
  const { hidden } = sidebarPreferences(preferences);
  return OPTIONAL_SIDEBAR_SECTIONS.filter((section) => hidden.includes(section.id)).map((s) => s.href);
}
