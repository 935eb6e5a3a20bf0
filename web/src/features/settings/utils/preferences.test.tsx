import { describe, expect, it } from 'vitest';
import { hiddenSidebarPaths, sidebarPreferences, themePreference } from './preferences';

describe('preferences', () => {
  it('reads a saved theme and ignores anything else', () => {
    expect(themePreference({ theme: 'dark' })).toBe('dark');
    expect(themePreference({ theme: 'purple' })).toBeNull();
    expect(themePreference({})).toBeNull();
    expect(themePreference(undefined)).toBeNull();
  });

  it('reads sidebar options, defaulting what is missing or malformed', () => {
    expect(sidebarPreferences({})).toEqual({ start: 'remember', hidden: [] });
    expect(sidebarPreferences({ sidebar: 'collapsed' })).toEqual({ start: 'remember', hidden: [] });
    expect(
      sidebarPreferences({ sidebar: { start: 'collapsed', hidden: ['tags', 'dashboard', 3, 'history'] } }),
    ).toEqual({ start: 'collapsed', hidden: ['tags', 'history'] });
  });

  it('maps hidden sections to the links the sidebar leaves out', () => {
    expect(hiddenSidebarPaths({ sidebar: { hidden: ['tags', 'history'] } })).toEqual([
      '/tags',
      '/search-history',
    ]);
  });
});
