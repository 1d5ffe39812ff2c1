import type { ReactNode } from 'react';
import type { UserError } from '@/lib/messaging/errors';

/** One error, in the place it belongs, with what the seller can do about it. */
export function ErrorBox({
  error,
  testId,
  children,
}: {
  error: UserError;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div className="error-box" role="alert" data-testid={testId} data-code={error.code}>
      <p>{error.message}</p>
      {error.action && <p className="muted">{error.action}</p>}
      {children}
    </div>
  );
}
