// Every page is its own chunk (dynamic import), so the first load carries only the shell and the
// page it opens. Paths come from config/paths.ts.
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import { RouteError } from './routes/route-error';

/** React Router's lazy() wants `{ Component }`; route modules export their page as `Component`. */
type RouteModule = { Component: ComponentType };
const lazy = (load: () => Promise<RouteModule>) => async () => ({ Component: (await load()).Component });

export const routes: RouteObject[] = [
  {
    HydrateFallback: PageLoader,
    ErrorBoundary: RouteError,
    children: [
      { path: paths.login.path, lazy: lazy(() => import('./routes/login')) },
      { path: paths.register.path, lazy: lazy(() => import('./routes/register')) },
      {
        lazy: lazy(() => import('./shell/app-shell')),
        children: [
          { path: paths.gallery.path, lazy: lazy(() => import('./routes/gallery')) },
          { path: paths.contentItem.path, lazy: lazy(() => import('./routes/content-item')) },
          { path: paths.tags.path, lazy: lazy(() => import('./routes/tags')) },
          { path: paths.tag.path, lazy: lazy(() => import('./routes/tag')) },
          { path: paths.sharedCategory.path, lazy: lazy(() => import('./routes/shared-category')) },
          {
            lazy: lazy(() => import('./routes/protected')),
            children: [
              { path: paths.dashboard.path, lazy: lazy(() => import('./routes/dashboard')) },
              { path: paths.generate.path, lazy: lazy(() => import('./routes/generate')) },
              { path: paths.bookmarks.path, lazy: lazy(() => import('./routes/bookmarks')) },
              { path: paths.bookmarkCategory.path, lazy: lazy(() => import('./routes/bookmark-category')) },
              { path: paths.notifications.path, lazy: lazy(() => import('./routes/notifications')) },
              { path: paths.notification.path, lazy: lazy(() => import('./routes/notification')) },
              {
                path: paths.settings.path,
                lazy: lazy(() => import('./routes/settings')),
                children: [
                  { index: true, lazy: lazy(() => import('./routes/settings-index')) },
                  { path: paths.settingsProfile.path, lazy: lazy(() => import('./routes/settings-profile')) },
                  {
                    path: paths.settingsPassword.path,
                    lazy: lazy(() => import('./routes/settings-password')),
                  },
                  { path: paths.settingsTokens.path, lazy: lazy(() => import('./routes/settings-tokens')) },
                  {
                    path: paths.settingsAppearance.path,
                    lazy: lazy(() => import('./routes/settings-appearance')),
                  },
                  {
                    path: paths.notificationSettings.path,
                    lazy: lazy(() => import('./routes/notification-settings')),
                  },
                  { path: paths.settingsSidebar.path, lazy: lazy(() => import('./routes/settings-sidebar')) },
                ],
              },
              { path: paths.searchHistory.path, lazy: lazy(() => import('./routes/search-history')) },
              { path: paths.recommendations.path, lazy: lazy(() => import('./routes/recommendations')) },
            ],
          },
          {
            lazy: lazy(() => import('./routes/admin-only')),
            children: [
              {
                path: paths.adminFlaggedContent.path,
                lazy: lazy(() => import('./routes/admin-flagged-content')),
              },
              { path: paths.adminFlaggedItem.path, lazy: lazy(() => import('./routes/admin-flagged-item')) },
              { path: paths.adminAnalytics.path, lazy: lazy(() => import('./routes/admin-analytics')) },
              { path: paths.adminUsers.path, lazy: lazy(() => import('./routes/admin-users')) },
            ],
          },
          { path: '*', lazy: lazy(() => import('./routes/not-found')) },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
