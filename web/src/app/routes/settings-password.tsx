import { PasswordSection } from '@/features/settings/components/password-section';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Password · Settings');
  return <PasswordSection />;
}
