import { Injectable } from '@nestjs/common';
import { OrganizationRepository, OrganizationWithRole } from '../domain/organization.repository.port';

@Injectable()
export class ListMyOrganizations {
  constructor(private readonly organizations: OrganizationRepository) {}

  execute(userId: string): Promise<OrganizationWithRole[]> {
    return this.organizations.findForUser(userId);
  }
}
