import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import ListSubheader from '@mui/material/ListSubheader';
import Tooltip from '@mui/material/Tooltip';
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesomeOutlined';
import BookmarksIcon from '@mui/icons-material/BookmarksOutlined';
import DashboardIcon from '@mui/icons-material/DashboardOutlined';
import FlagIcon from '@mui/icons-material/FlagOutlined';
import HistoryIcon from '@mui/icons-material/History';
import LocalOfferIcon from '@mui/icons-material/LocalOfferOutlined';
import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import PhotoLibraryIcon from '@mui/icons-material/PhotoLibraryOutlined';
import QueueIcon from '@mui/icons-material/ViewListOutlined';
import InsightsIcon from '@mui/icons-material/InsightsOutlined';
import RecommendIcon from '@mui/icons-material/RecommendOutlined';
import PeopleIcon from '@mui/icons-material/PeopleOutlined';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth/api/get-current-user';

export const SIDEBAR_WIDTH = 232;
export const SIDEBAR_COLLAPSED_WIDTH = 64;

interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  end: boolean;
  testId: string;
  /** Served by the API outside the app's router: a full page load. */
  external?: boolean;
}

const NAV: NavItem[] = [
  {
    label: 'Dashboard',
    to: paths.dashboard.href(),
    icon: <DashboardIcon />,
    end: true,
    testId: 'nav-dashboard',
  },
  {
    label: 'Gallery',
    to: paths.gallery.href(),
    icon: <PhotoLibraryIcon />,
    end: false,
    testId: 'nav-gallery',
  },
  {
    label: 'Generate',
    to: paths.generate.href(),
    icon: <AutoAwesomeIcon />,
    end: false,
    testId: 'nav-generate',
  },
  { label: 'Tags', to: paths.tags.href(), icon: <LocalOfferIcon />, end: false, testId: 'nav-tags' },
  {
    label: 'Bookmarks',
    to: paths.bookmarks.href(),
    icon: <BookmarksIcon />,
    end: false,
    testId: 'nav-bookmarks',
  },
  {
    label: 'Notifications',
    to: paths.notifications.href(),
    icon: <NotificationsIcon />,
    end: false,
    testId: 'nav-notifications',
  },
  {
    label: 'History',
    to: paths.searchHistory.href(),
    icon: <HistoryIcon />,
    end: false,
    testId: 'nav-history',
  },
  {
    label: 'Recommended',
    to: paths.recommendations.href(),
    icon: <RecommendIcon />,
    end: false,
    testId: 'nav-recommendations',
  },
];

/** Shown to administrators only. */
const ADMIN_NAV: NavItem[] = [
  {
    label: 'Flagged content',
    to: paths.adminFlaggedContent.href(),
    icon: <FlagIcon />,
    end: false,
    testId: 'nav-admin-flagged',
  },
  {
    label: 'Queues',
    to: paths.queueDashboard.href(),
    icon: <QueueIcon />,
    end: false,
    testId: 'nav-admin-queues',
    external: true,
  },
  {
    label: 'Users',
    to: paths.adminUsers.href(),
    icon: <PeopleIcon />,
    end: false,
    testId: 'nav-admin-users',
  },
  {
    label: 'Analytics',
    to: paths.adminAnalytics.href(),
    icon: <InsightsIcon />,
    end: false,
    testId: 'nav-admin-analytics',
  },
];

function NavEntry({
  item,
  collapsed,
  onNavigate,
}: {
  item: NavItem;
  collapsed: boolean;
  onNavigate?: () => void;
}) {
  const common = {
    onClick: onNavigate,
    'data-testid': item.testId,
    'aria-label': collapsed ? item.label : undefined,
  };
  return (
    <Tooltip title={collapsed ? item.label : ''} placement="right">
      {item.external ? (
        <ListItemButton component="a" href={item.to} {...common}>
          <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
          {!collapsed && <ListItemText primary={item.label} />}
        </ListItemButton>
      ) : (
        <ListItemButton component={NavLink} to={item.to} end={item.end} {...common}>
          <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
          {!collapsed && <ListItemText primary={item.label} />}
        </ListItemButton>
      )}
    </Tooltip>
  );
}

function NavList({
  collapsed,
  onNavigate,
  hiddenPaths = [],
}: {
  collapsed: boolean;
  onNavigate?: () => void;
  /** Entries the user chose not to see (settings → sidebar). */
  hiddenPaths?: readonly string[];
}) {
  const isAdmin = useCurrentUser().data?.role === 'admin';
  return (
    <>
      <List component="nav" aria-label="Main">
        {NAV.filter((item) => !hiddenPaths.includes(item.to)).map((item) => (
          <NavEntry key={item.to} item={item} collapsed={collapsed} onNavigate={onNavigate} />
        ))}
      </List>
      {isAdmin && (
        <>
          <Divider />
          <List
            component="nav"
            aria-label="Administration"
            data-testid="nav-admin"
            subheader={collapsed ? undefined : <ListSubheader disableSticky>Administration</ListSubheader>}
          >
            {ADMIN_NAV.map((item) => (
              <NavEntry key={item.to} item={item} collapsed={collapsed} onNavigate={onNavigate} />
            ))}
          </List>
        </>
      )}
    </>
  );
}

/** Permanent (and collapsible to icons) on wide screens; a drawer that slides in on phones. */
export function Sidebar({
  collapsed,
  mobileOpen,
  onMobileClose,
  hiddenPaths,
}: {
  collapsed: boolean;
  mobileOpen: boolean;
  onMobileClose: () => void;
  hiddenPaths?: readonly string[];
}) {
  const width = collapsed ? SIDEBAR_COLLAPSED_WIDTH : SIDEBAR_WIDTH;
  return (
    <>
      <Drawer
        variant="temporary"
        open={mobileOpen}
        onClose={onMobileClose}
        sx={{ display: { xs: 'block', md: 'none' }, '& .MuiDrawer-paper': { width: SIDEBAR_WIDTH } }}
        data-testid="sidebar-mobile"
      >
        <NavList collapsed={false} onNavigate={onMobileClose} hiddenPaths={hiddenPaths} />
      </Drawer>
      <Drawer
        variant="permanent"
        sx={{
          display: { xs: 'none', md: 'block' },
          width,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width, overflowX: 'hidden', boxSizing: 'border-box' },
        }}
        data-testid="sidebar"
        data-collapsed={collapsed}
      >
        <Toolbar />
        <NavList collapsed={collapsed} hiddenPaths={hiddenPaths} />
      </Drawer>
    </>
  );
}
