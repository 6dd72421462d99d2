import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
} from 'class-validator';
import { WEBHOOK_EVENT_TYPES } from '../../../shared/contracts/webhook-events';
import { DeliveryAttempt, WebhookDelivery, WebhookEndpoint } from '../domain/webhook.repository.port';

const URL_OPTS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateWebhookEndpointDto {
  @ApiProperty({ example: 'https://example.com/hooks/tollgate' })
  @IsUrl(URL_OPTS)
  @MaxLength(2000)
  url!: string;

  @ApiProperty({
    example: ['invoice.finalized', 'invoice.paid'],
    enum: [...WEBHOOK_EVENT_TYPES, '*'],
    isArray: true,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  eventTypes!: string[];

  @ApiPropertyOptional({ example: 'ERP sync' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ example: 'whsec_my_own_secret_value', description: 'Generated when omitted' })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional({ example: 'https://example.com/hooks/tollgate' })
  @IsOptional()
  @IsUrl(URL_OPTS)
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: ['*'], enum: [...WEBHOOK_EVENT_TYPES, '*'], isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ example: 'ERP sync' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookEndpointDto {
  @ApiProperty({ example: '0b6f3c1e-7f3a-4a8b-9a43-0f3f2f6f7a10' }) id!: string;
  @ApiProperty({ example: 'https://example.com/hooks/tollgate' }) url!: string;
  @ApiProperty({ example: 'ERP sync', nullable: true, type: String }) description!: string | null;
  @ApiProperty({ example: ['invoice.finalized'], type: [String] }) eventTypes!: string[];
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: string;

  static of(e: WebhookEndpoint): WebhookEndpointDto {
    return {
      id: e.id,
      url: e.url,
      description: e.description,
      eventTypes: e.eventTypes,
      enabled: e.enabled,
      createdAt: e.createdAt.toISOString(),
    };
  }
}

export class CreatedWebhookEndpointDto extends WebhookEndpointDto {
  @ApiProperty({
    example: 'whsec_kq2...',
    description: 'Signing secret; shown only when the endpoint is created',
  })
  secret!: string;
}

export class WebhookEndpointListDto {
  @ApiProperty({ type: [WebhookEndpointDto] }) items!: WebhookEndpointDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class DeliveryAttemptDto {
  @ApiProperty({ example: 1 }) attempt!: number;
  @ApiProperty({ example: 500, nullable: true, type: Number }) statusCode!: number | null;
  @ApiProperty({ example: null, nullable: true, type: String }) error!: string | null;
  @ApiProperty({ example: 'internal error', nullable: true, type: String }) responseBody!: string | null;
  @ApiProperty({ example: 42 }) durationMs!: number;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: string;

  static of(a: DeliveryAttempt): DeliveryAttemptDto {
    return { ...a, createdAt: a.createdAt.toISOString() };
  }
}

export class WebhookDeliveryDto {
  @ApiProperty({ example: '4f7c...' }) id!: string;
  @ApiProperty({ example: '1c2d...', description: 'Same for every endpoint and every retry of the event' })
  eventId!: string;
  @ApiProperty({ example: 'invoice.finalized' }) eventType!: string;
  @ApiProperty({ example: { invoiceId: '...' } }) payload!: Record<string, unknown>;
  @ApiProperty({ example: 'delivered', enum: ['pending', 'delivered', 'failed'] }) status!: string;
  @ApiProperty({ example: 2 }) attempts!: number;
  @ApiProperty({ example: 200, nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ example: null, nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ example: '2026-11-22T10:00:01.000Z', nullable: true, type: String }) deliveredAt!:
    string | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: string;
  @ApiPropertyOptional({ type: [DeliveryAttemptDto], description: 'The attempt log (single delivery only)' })
  attemptLog?: DeliveryAttemptDto[];

  static of(d: WebhookDelivery, attempts?: DeliveryAttempt[]): WebhookDeliveryDto {
    return {
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      payload: d.payload,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      ...(attempts ? { attemptLog: attempts.map(DeliveryAttemptDto.of) } : {}),
    };
  }
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items!: WebhookDeliveryDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}
