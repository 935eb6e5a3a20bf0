// Every route path of the app, in one place: the router declares `path`, links call `href(...)`.
// Query strings of the gallery are built by the gallery itself; these only carry what a link needs.

/** Only same-app paths are followed after login, never another origin (open redirect). */
export function safeRedirect(target: string | null | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return paths.dashboard.href();
  return target;
}

export const paths = {
  dashboard: { path: '/', href: () => '/' },
  gallery: {
    path: '/gallery',
    href: (search?: URLSearchParams | string) => {
      const query = search?.toString() ?? '';
      return query ? `/gallery?${query}` : '/gallery';
    },
  },
  contentItem: { path: '/content/:id', href: (id: number) => `/content/${id}` },
  generate: { path: '/generate', href: () => '/generate' },
  tags: { path: '/tags', href: () => '/tags' },
  searchHistory: { path: '/search-history', href: () => '/search-history' },
  tag: { path: '/tags/:idOrSlug', href: (idOrSlug: string) => `/tags/${encodeURIComponent(idOrSlug)}` },
  bookmarks: { path: '/bookmarks', href: () => '/bookmarks' },
  bookmarkCategory: {
    path: '/bookmarks/:categoryId',
    href: (categoryId: string, search?: URLSearchParams | string) => {
      const query = search?.toString() ?? '';
      return `/bookmarks/${encodeURIComponent(categoryId)}${query ? `?${query}` : ''}`;
    },
  },
  sharedCategory: {
    path: '/shared/:shareToken',
    href: (shareToken: string) => `/shared/${encodeURIComponent(shareToken)}`,
  },
  notifications: {
    path: '/notifications',
    href: (unreadOnly?: boolean) => (unreadOnly ? '/notifications?unread=true' : '/notifications'),
  },
  notification: { path: '/notifications/:id', href: (id: number) => `/notifications/${id}` },
  notificationSettings: { path: '/settings/notifications', href: () => '/settings/notifications' },
  settings: { path: '/settings', href: () => '/settings' },
  settingsProfile: { path: '/settings/profile', href: () => '/settings/profile' },
  settingsPassword: { path: '/settings/password', href: () => '/settings/password' },
  settingsTokens: { path: '/settings/tokens', href: () => '/settings/tokens' },
  settingsAppearance: { path: '/settings/appearance', href: () => '/settings/appearance' },
  settingsSidebar: { path: '/settings/sidebar', href: () => '/settings/sidebar' },
  recommendations: { path: '/recommendations', href: () => '/recommendations' },
  adminFlaggedContent: { path: '/admin/flagged-content', href: () => '/admin/flagged-content' },
  adminFlaggedItem: {
    path: '/admin/flagged-content/:id',
    href: (id: number) => `/admin/flagged-content/${id}`,
  },
  adminUsers: { path: '/admin/users', href: () => '/admin/users' },
  adminAnalytics: { path: '/admin/analytics', href: () => '/admin/analytics' },
  /** The queue dashboard is served by the API itself, outside the app's router. */
  queueDashboard: { path: '/admin/queues', href: () => '/admin/queues' },
  login: {
    path: '/login',
    href: (redirectTo?: string) =>
      redirectTo && redirectTo !== '/' ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login',
  },
  register: {
    path: '/register',
    href: (redirectTo?: string) =>
      redirectTo && redirectTo !== '/'
        ? `/register?redirectTo=${encodeURIComponent(redirectTo)}`
        : '/register',
  },
} as const;
