import { Role } from '../../../shared/context/principal';
import { Principal } from '../../../shared/context/principal';
import { ConflictError, ForbiddenError } from '../../../shared/domain/domain-error';

/** An organization always keeps at least one owner: the last one can be neither demoted nor removed. */
export function assertOwnerRemains(currentRole: Role, nextRole: Role | null, ownerCount: number): void {
  if (currentRole === 'owner' && nextRole !== 'owner' && ownerCount <= 1) {
    throw new ConflictError(
      'last_owner',
      'An organization needs at least one owner: add another owner before this change',
    );
  }
}

/** Only owners hand out or take away ownership; admins manage everyone else. */
export function assertMayManage(actor: Principal, targetRoles: Role[]): void {
  if (targetRoles.includes('owner') && actor.role !== 'owner') {
    throw new ForbiddenError('Only an owner can grant, change or remove the owner role', 'owner_required');
  }
}
