import { useState } from 'react';
import { Link as RouterLink, Outlet, useLocation } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import MenuIcon from '@mui/icons-material/Menu';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { useApplyThemePreference } from '@/features/settings/hooks/use-theme-mode';
import { hiddenSidebarPaths, sidebarPreferences } from '@/features/settings/utils/preferences';
import { useLocalStorage } from '@/hooks/use-local-storage';
import { SearchBox } from './search-box';
import { Sidebar } from './sidebar';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

/** The frame of every page but login and sign-up: app bar, sidebar and the page itself. */
export function Component() {
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const [remembered, setRemembered] = useLocalStorage('genonaut-sidebar-collapsed', false);
  // A toggle holds for this visit; a new page load starts as the user's sidebar setting says.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const [mobileOpen, setMobileOpen] = useState(false);
  const location = useLocation();
  const user = useCurrentUser().data;
  useApplyThemePreference(user);
  const sidebar = sidebarPreferences(user?.preferences);
  const startCollapsed = sidebar.start === 'remember' ? remembered : sidebar.start === 'collapsed';
  const collapsed = toggled ?? startCollapsed;

  const toggleSidebar = () => {
    if (!wide) return setMobileOpen(!mobileOpen);
    setToggled(!collapsed);
    setRemembered(!collapsed);
  };

  return (
    <Box sx={{ display: 'flex', minHeight: '100dvh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: { xs: 0.5, sm: 1 } }}>
          <IconButton
            edge="start"
            color="inherit"
            aria-label={wide ? (collapsed ? 'Expand sidebar' : 'Collapse sidebar') : 'Open navigation'}
            aria-expanded={wide ? !collapsed : mobileOpen}
            data-testid="sidebar-toggle"
            onClick={toggleSidebar}
          >
            <MenuIcon />
          </IconButton>
          <Typography
            variant="h3"
            component={RouterLink}
            to={paths.dashboard.href()}
            sx={{ color: 'inherit', textDecoration: 'none', display: { xs: 'none', sm: 'block' }, mr: 2 }}
          >
            Genonaut
          </Typography>
          <SearchBox />
          <Box sx={{ flexGrow: 1 }} />
          <ThemeToggle />
          {user ? (
            <>
              <NotificationBell />
              <UserMenu user={user} />
            </>
          ) : (
            <Button
              variant="outlined"
              component={RouterLink}
              to={paths.login.href(location.pathname + location.search)}
              data-testid="sign-in-link"
            >
              Sign in
            </Button>
          )}
        </Toolbar>
      </AppBar>
      <Sidebar
        collapsed={collapsed}
        mobileOpen={mobileOpen}
        onMobileClose={() => setMobileOpen(false)}
        hiddenPaths={hiddenSidebarPaths(user?.preferences)}
      />
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: { xs: 1.5, sm: 3 } }}>
        <Toolbar />
        <Outlet />
      </Box>
    </Box>
  );
}
