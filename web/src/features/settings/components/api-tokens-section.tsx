import { useState } from 'react';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import type { ApiToken } from '@genonaut/contracts';
import { QueryStates } from '@/components/query-states';
import { useApiTokens } from '../api/get-api-tokens';
import { CreateTokenDialog } from './create-token-dialog';
import { RevokeTokenDialog } from './revoke-token-dialog';
import { SettingsSection } from './settings-section';

const dateLabel = (iso: string) => new Date(iso).toLocaleString();

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: () => void }) {
  const label = `Revoke ${token.name}`;
  return (
    <ListItem
      divider
      data-testid={`token-row-${token.id}`}
      secondaryAction={
        <Tooltip title={label}>
          <IconButton
            edge="end"
            aria-label={label}
            onClick={onRevoke}
            data-testid={`token-revoke-${token.id}`}
          >
            <DeleteOutlinedIcon />
          </IconButton>
        </Tooltip>
      }
    >
      <ListItemText
        primary={token.name}
        secondary={
          <>
            Created {dateLabel(token.createdAt)} ·{' '}
            {token.lastUsedAt ? `last used ${dateLabel(token.lastUsedAt)}` : 'never used'}
          </>
        }
        sx={{ pr: 4, overflowWrap: 'anywhere' }}
      />
    </ListItem>
  );
}

/** Personal API tokens: the list, a new one (secret shown once), and revoking. */
export function ApiTokensSection() {
  const tokens = useApiTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <SettingsSection
      id="api-tokens"
      title="API tokens"
      description="Tokens let scripts and tools use the API as you, without your password."
    >
      <Stack direction="row">
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setCreating(true)}
          data-testid="token-create"
        >
          Create token
        </Button>
      </Stack>
      <QueryStates
        query={tokens}
        errorTestId="tokens-error"
        loading={
          <Stack spacing={1} role="status" aria-label="Loading tokens" data-testid="tokens-loading">
            <Skeleton variant="rounded" height={56} />
            <Skeleton variant="rounded" height={56} />
          </Stack>
        }
        isEmpty={(data) => data.items.length === 0}
        empty={
          <Typography color="text.secondary" data-testid="tokens-empty">
            You have no API tokens.
          </Typography>
        }
      >
        {(data) => (
          <List disablePadding aria-label="Your API tokens" data-testid="tokens-list">
            {data.items.map((token) => (
              <TokenRow key={token.id} token={token} onRevoke={() => setRevoking(token)} />
            ))}
          </List>
        )}
      </QueryStates>
      {creating && <CreateTokenDialog onClose={() => setCreating(false)} />}
      {revoking && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />}
    </SettingsSection>
  );
}
