import { InvalidError } from '../../../shared/domain/domain-error';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Length 10..256, and not the email (or its local part) in any letter case. */
export function assertPasswordAllowed(password: string, email: string): void {
  const fail = (message: string) =>
    new InvalidError('weak_password', message, [{ field: 'password', message }]);
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw fail(`password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw fail(`password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  }
  const lowered = password.trim().toLowerCase();
  const mail = email.trim().toLowerCase();
  if (lowered === mail || lowered === mail.split('@')[0])
    throw fail('password must not be your email address');
}
