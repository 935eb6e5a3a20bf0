import type { NotificationType } from '@genonaut/contracts';
import CancelIcon from '@mui/icons-material/CancelOutlined';
import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlined';
import ErrorIcon from '@mui/icons-material/ErrorOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import RecommendIcon from '@mui/icons-material/RecommendOutlined';

export function NotificationTypeIcon({ type }: { type: NotificationType }) {
  switch (type) {
    case 'job_completed':
      return <CheckCircleIcon color="success" />;
    case 'job_failed':
      return <ErrorIcon color="error" />;
    case 'job_cancelled':
      return <CancelIcon color="action" />;
    case 'recommendation':
      return <RecommendIcon color="primary" />;
    case 'system':
      return <InfoIcon color="info" />;
  }
}
