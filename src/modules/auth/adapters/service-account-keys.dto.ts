import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class RegisterServiceAccountKeyDto {
  @ApiPropertyOptional({
    example: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
    description: 'Ed25519 public key as a JWK (or send publicKeyPem)',
  })
  @IsOptional()
  @IsObject()
  publicKeyJwk?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Ed25519 public key as SPKI PEM (or send publicKeyJwk)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  publicKeyPem?: string;

  @ApiPropertyOptional({
    example: 'billing-exporter-2026',
    description: 'The keyid signatures name; default generated',
  })
  @IsOptional()
  @IsString()
  keyId?: string;
}

export class ServiceAccountKeyDto {
  @ApiProperty({ example: 'billing-exporter-2026' }) keyId!: string;
  @ApiProperty({ example: 'exporter' }) serviceAccount!: string;
  @ApiProperty({ example: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } })
  publicKeyJwk!: { kty: string; crv: string; x: string };
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
}

export class ServiceAccountKeyListDto {
  @ApiProperty({ type: [ServiceAccountKeyDto] }) items!: ServiceAccountKeyDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}
