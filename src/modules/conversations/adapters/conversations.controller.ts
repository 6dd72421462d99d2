import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { TenantId } from '../../../shared/domain/tenant-id';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { uuidOr404 } from '../../../shared/http/uuid-or-404.pipe';
import { ConversationRepository } from '../domain/conversation.repository.port';
import { RenameConversation } from '../application/rename-conversation.use-case';
import { DeleteConversation } from '../application/delete-conversation.use-case';
import {
  ConversationDto,
  ConversationPageDto,
  ConversationWithMessagesDto,
  ListConversationsQuery,
  MessageDto,
  MessagesQuery,
  RenameConversationDto,
} from './conversations.dto';

const conversationId = (id: string): string => uuidOr404('Conversation', id);

@ApiTags('conversations')
@Controller('api/v1/conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly renameConversation: RenameConversation,
    private readonly deleteConversation: DeleteConversation,
  ) {}

  @Get()
  @Scopes('conversations:read')
  @ApiOperation({
    operationId: 'listConversations',
    summary: 'List conversations, newest first (filter by agent or external user)',
  })
  @ApiOkResponse({ type: ConversationPageDto })
  async list(
    @CurrentTenant() tenantId: TenantId,
    @Query() query: ListConversationsQuery,
  ): Promise<ConversationPageDto> {
    const page = await this.conversations.list(tenantId, { ...query, limit: query.limit ?? 20 });
    return { items: page.items.map(ConversationDto.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Scopes('conversations:read')
  @ApiOperation({
    operationId: 'getConversation',
    summary: 'Get a conversation with a page of its messages (oldest first)',
  })
  @ApiOkResponse({ type: ConversationWithMessagesDto })
  async get(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Query() query: MessagesQuery,
  ): Promise<ConversationWithMessagesDto> {
    const conversation = await this.conversations.find(tenantId, conversationId(id));
    if (!conversation) throw new NotFoundError('Conversation', id);
    const page = await this.conversations.messages(tenantId, id, {
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
    return {
      ...ConversationDto.of(conversation),
      messages: { items: page.items.map(MessageDto.of), nextCursor: page.nextCursor },
    };
  }

  @Patch(':id')
  @Scopes('conversations:write')
  @ApiOperation({ operationId: 'renameConversation', summary: 'Rename a conversation' })
  @ApiOkResponse({ type: ConversationDto })
  async rename(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Body() body: RenameConversationDto,
  ): Promise<ConversationDto> {
    return ConversationDto.of(
      await this.renameConversation.execute(tenantId, conversationId(id), body.title),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @Scopes('conversations:write')
  @ApiOperation({
    operationId: 'deleteConversation',
    summary: 'Delete a conversation (hidden now, purged after the retention period)',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<void> {
    await this.deleteConversation.execute(tenantId, conversationId(id));
  }
}
