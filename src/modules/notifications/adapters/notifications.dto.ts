import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  NOTIFICATION_EVENTS,
  NotificationEvent,
  RECIPIENT_ROLES,
  RecipientRole,
} from '../domain/notification';

export class NotificationSettingsDto {
  @ApiProperty({ enum: NOTIFICATION_EVENTS, isArray: true, example: [...NOTIFICATION_EVENTS] })
  enabledEvents!: NotificationEvent[];
  @ApiProperty({
    enum: RECIPIENT_ROLES,
    isArray: true,
    example: ['owner', 'admin'],
    description: "Members with these roles receive the organization's mails",
  })
  recipientRoles!: RecipientRole[];
  @ApiProperty({ type: [String], example: ['finance@acme.test'] })
  extraRecipients!: string[];
  @ApiProperty({
    example: false,
    description: 'Also mail the billed customer (its email) about its invoices, credits, trial and cap',
  })
  notifyCustomer!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '25.00',
    description:
      "This organization's credits-low threshold (decimal, wallet currency): a debit taking a wallet from at least this balance to below it emits credits.low. Null: the server's default (CREDITS_LOW_THRESHOLD)",
  })
  creditsLowThreshold!: string | null;
}

/** A non-negative decimal: up to 18 digits before the point and 12 after. */
const THRESHOLD = /^\d{1,18}(\.\d{1,12})?$/;

export class UpdateNotificationSettingsDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_EVENTS, isArray: true, example: ['invoice.finalized'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_EVENTS.length)
  @IsIn(NOTIFICATION_EVENTS, { each: true })
  enabledEvents?: NotificationEvent[];

  @ApiPropertyOptional({ enum: RECIPIENT_ROLES, isArray: true, example: ['owner'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RECIPIENT_ROLES.length)
  @IsIn(RECIPIENT_ROLES, { each: true })
  recipientRoles?: RecipientRole[];

  @ApiPropertyOptional({ type: [String], example: ['finance@acme.test'], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  @MaxLength(320, { each: true })
  extraRecipients?: string[];

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  notifyCustomer?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '25.00',
    pattern: THRESHOLD.source,
    description: "A non-negative decimal string; null goes back to the server's default",
  })
  // IsOptional lets null through: null is the reset, a string must be a decimal.
  @IsOptional()
  @IsString()
  @Matches(THRESHOLD, { message: 'creditsLowThreshold must be a non-negative decimal string, e.g. "25.00"' })
  creditsLowThreshold?: string | null;
}
