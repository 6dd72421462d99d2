import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '../context/principal';

/** An organization as Tenancy's routes and Auth's /me answer it. */
export class OrganizationDto {
  @ApiProperty({ example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11' }) id!: string;
  @ApiProperty({ example: 'Acme Agents' }) name!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone!: string;
  @ApiProperty({ example: '2026-01-05T10:00:00.000Z' }) createdAt!: Date;
  @ApiPropertyOptional({ enum: ROLES, example: 'owner', description: "the caller's role in it" }) role?: Role;
}
