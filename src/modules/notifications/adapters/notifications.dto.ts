import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
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
}

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
}
