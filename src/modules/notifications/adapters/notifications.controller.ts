import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { TenantId } from '../../../shared/domain/tenant-id';
import { GetNotificationSettings } from '../application/get-notification-settings.use-case';
import { UpdateNotificationSettings } from '../application/update-notification-settings.use-case';
import { NotificationSettingsDto, UpdateNotificationSettingsDto } from './notifications.dto';

@ApiTags('notifications')
@Controller('api/v1/notification-settings')
export class NotificationSettingsController {
  constructor(
    private readonly getSettings: GetNotificationSettings,
    private readonly updateSettings: UpdateNotificationSettings,
  ) {}

  @Get()
  @Scopes('org:read')
  @ApiOperation({
    operationId: 'getNotificationSettings',
    summary: "The organization's email notifications: which events, which recipients (defaults until set)",
  })
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(@CurrentTenant() tenantId: TenantId): Promise<NotificationSettingsDto> {
    return this.getSettings.execute(tenantId);
  }

  @Put()
  @Scopes('org:manage')
  @ApiOperation({
    operationId: 'updateNotificationSettings',
    summary: 'Change the email notifications; fields left out keep their value',
  })
  @ApiOkResponse({ type: NotificationSettingsDto })
  update(
    @CurrentTenant() tenantId: TenantId,
    @Body() body: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsDto> {
    return this.updateSettings.execute(tenantId, body);
  }
}
