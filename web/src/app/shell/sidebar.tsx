import { NavLink } from 'react-router';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesomeOutlined';
import BookmarksIcon from '@mui/icons-material/BookmarksOutlined';
import DashboardIcon from '@mui/icons-material/DashboardOutlined';
import HistoryIcon from '@mui/icons-material/History';
import LocalOfferIcon from '@mui/icons-material/LocalOfferOutlined';
import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import PhotoLibraryIcon from '@mui/icons-material/PhotoLibraryOutlined';
import { paths } from '@/config/paths';

export const SIDEBAR_WIDTH = 232;
export const SIDEBAR_COLLAPSED_WIDTH = 64;

const NAV = [
  { label: 'Dashboard', to: paths.dashboard.href(), icon: <DashboardIcon />, end: true },
  { label: 'Gallery', to: paths.gallery.href(), icon: <PhotoLibraryIcon />, end: false },
  { label: 'Generate', to: paths.generate.href(), icon: <AutoAwesomeIcon />, end: false },
  { label: 'Tags', to: paths.tags.href(), icon: <LocalOfferIcon />, end: false },
  { label: 'Bookmarks', to: paths.bookmarks.href(), icon: <BookmarksIcon />, end: false },
  { label: 'Notifications', to: paths.notifications.href(), icon: <NotificationsIcon />, end: false },
  { label: 'History', to: paths.searchHistory.href(), icon: <HistoryIcon />, end: false },
];

function NavList({ collapsed, onNavigate }: { collapsed: boolean; onNavigate?: () => void }) {
  return (
    <List component="nav" aria-label="Main">
      {NAV.map((item) => (
        <Tooltip key={item.to} title={collapsed ? item.label : ''} placement="right">
          <ListItemButton
            component={NavLink}
            to={item.to}
            end={item.end}
            onClick={onNavigate}
            data-testid={`nav-${item.label.toLowerCase()}`}
            aria-label={collapsed ? item.label : undefined}
          >
            <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
            {!collapsed && <ListItemText primary={item.label} />}
          </ListItemButton>
        </Tooltip>
      ))}
    </List>
  );
}

/** Permanent (and collapsible to icons) on wide screens; a drawer that slides in on phones. */
export function Sidebar({
  collapsed,
  mobileOpen,
  onMobileClose,
}: {
  collapsed: boolean;
  mobileOpen: boolean;
  onMobileClose: () => void;
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
        <NavList collapsed={false} onNavigate={onMobileClose} />
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
        <NavList collapsed={collapsed} />
      </Drawer>
    </>
  );
}
