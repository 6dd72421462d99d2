import { Role } from '../../../shared/context/principal';
import { ConflictError } from '../../../shared/domain/domain-error';

/** An organization always keeps at least one owner: the last one can be neither demoted nor removed. */
export function assertOwnerRemains(currentRole: Role, nextRole: Role | null, ownerCount: number): void {
  if (currentRole === 'owner' && nextRole !== 'owner' && ownerCount <= 1) {
    throw new ConflictError(
      'last_owner',
      'An organization needs at least one owner: add another owner before this change',
    );
  }
}
