import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Role, ROLES } from '../../../shared/context/principal';
import { OrganizationDto } from '../../../shared/contracts/organizations.dto';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Acme Agents' })
  @IsString()
  @Length(1, 100)
  name!: string;
}

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ example: 'Acme Agents Inc.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;
  @ApiPropertyOptional({
    example: 'Europe/Paris',
    description: 'IANA time zone; analytics days and months are counted in it (default UTC)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  timezone?: string;
}

export class OrganizationListDto {
  @ApiProperty({ type: [OrganizationDto] }) items!: OrganizationDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class AddMemberDto {
  @ApiProperty({ example: 'dev@acme.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES, example: 'member' })
  @IsIn(ROLES)
  role!: Role;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES, example: 'admin' })
  @IsIn(ROLES)
  role!: Role;
}

export class MemberDto {
  @ApiProperty({ example: '8f6f7c0e-1f4b-4a53-9f0e-2a7a4ff3c5d2' }) userId!: string;
  @ApiProperty({ example: 'dev@acme.test' }) email!: string;
  @ApiProperty({ example: 'Dana Dev' }) name!: string;
  @ApiProperty({ enum: ROLES, example: 'member' }) role!: Role;
  @ApiProperty({ example: '2026-01-05T10:00:00.000Z' }) joinedAt!: Date;
}

export class InvitationDto {
  @ApiProperty({ example: '3c9d1e2f-0a4b-4c5d-8e6f-7a8b9c0d1e2f' }) id!: string;
  @ApiProperty({ example: 'new@acme.test' }) email!: string;
  @ApiProperty({ enum: ROLES, example: 'viewer' }) role!: Role;
  @ApiProperty({ example: '2026-01-12T10:00:00.000Z' }) expiresAt!: Date;
  @ApiProperty({ example: '2026-01-05T10:00:00.000Z' }) createdAt!: Date;
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto] }) items!: InvitationDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class InvitingOrganizationDto {
  @ApiProperty({ example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11' }) id!: string;
  @ApiProperty({ example: 'Acme Agents' }) name!: string;
}

export class ReceivedInvitationDto {
  @ApiProperty({ example: '3c9d1e2f-0a4b-4c5d-8e6f-7a8b9c0d1e2f' }) id!: string;
  @ApiProperty({ type: InvitingOrganizationDto }) organization!: InvitingOrganizationDto;
  @ApiProperty({ enum: ROLES, example: 'member' }) role!: Role;
  @ApiProperty({ example: '2026-01-12T10:00:00.000Z' }) expiresAt!: Date;
  @ApiProperty({ example: '2026-01-05T10:00:00.000Z' }) createdAt!: Date;
}

export class ReceivedInvitationListDto {
  @ApiProperty({ type: [ReceivedInvitationDto] }) items!: ReceivedInvitationDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class AddMemberResultDto {
  @ApiProperty({
    enum: ['invited'],
    example: 'invited',
    description: 'the address is invited; it becomes a member only by accepting',
  })
  status!: 'invited';
  @ApiProperty({ type: InvitationDto }) invitation!: InvitationDto;
}

export class MemberListDto {
  @ApiProperty({ type: [MemberDto] }) items!: MemberDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class AuditLogQueryDto {
  @ApiPropertyOptional({ example: 'member.role_changed' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'inclusive' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ example: '2026-02-01T00:00:00Z', description: 'exclusive' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({
    example: 'MjAyNi0wMS0wNVQxMDowMDowMC4wMDBafDNjOWQ',
    description: 'nextCursor of the previous page',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class AuditLogDto {
  @ApiProperty({ example: '3c9d1e2f-0a4b-4c5d-8e6f-7a8b9c0d1e2f' }) id!: string;
  @ApiProperty({ example: 'api_key.created' }) action!: string;
  @ApiProperty({ example: 'user', nullable: true, type: String }) actorKind!: string | null;
  @ApiProperty({ example: '8f6f7c0e-1f4b-4a53-9f0e-2a7a4ff3c5d2', nullable: true, type: String }) actorId!:
    string | null;
  @ApiProperty({ example: 'a1b2c3d4-0000-4000-8000-000000000000', nullable: true, type: String }) target!:
    string | null;
  @ApiProperty({ example: '203.0.113.7', nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ example: 'req-123', nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ example: { scopes: ['agents:read'] }, type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
  @ApiProperty({ example: '2026-01-05T10:00:00.000Z' }) createdAt!: Date;
}

export class AuditLogPageDto {
  @ApiProperty({ type: [AuditLogDto] }) items!: AuditLogDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}
