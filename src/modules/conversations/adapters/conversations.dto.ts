import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Conversation, Message } from '../domain/conversation';

export class ListConversationsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ example: '0b5c9f7e-2f6d-4a8e-9d1c-3e2f1a0b9c8d' })
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional({ example: 'end-user-42', description: "The end user's id in the tenant's product" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalUserId?: string;
}

export class MessagesQuery {
  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'messages.nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  cursor?: string;
}

export class RenameConversationDto {
  @ApiProperty({ example: 'Refund for order 1042' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;
}

export class ConversationDto {
  @ApiProperty({ example: '6a2d3c1e-5b4f-4e8d-9c7b-1a0f2e3d4c5b' }) id!: string;
  @ApiProperty({ example: '0b5c9f7e-2f6d-4a8e-9d1c-3e2f1a0b9c8d' }) agentId!: string;
  @ApiProperty({ example: 'end-user-42', nullable: true, type: String }) externalUserId!: string | null;
  @ApiProperty({ example: 'How do I get a refund?' }) title!: string;
  @ApiProperty({ example: 4 }) messageCount!: number;
  @ApiProperty({ example: 812 }) promptTokens!: number;
  @ApiProperty({ example: 120 }) completionTokens!: number;
  @ApiProperty({ example: '2026-11-22T10:00:05.000Z', nullable: true, type: String }) lastMessageAt!:
    string | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-22T10:00:05.000Z' }) updatedAt!: string;

  static of(c: Conversation): ConversationDto {
    const { tenantId: _t, lastMessageAt, createdAt, updatedAt, ...rest } = c;
    return {
      ...rest,
      lastMessageAt: lastMessageAt?.toISOString() ?? null,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  }
}

export class ConversationPageDto {
  @ApiProperty({ type: [ConversationDto] }) items!: ConversationDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class ToolCallDto {
  @ApiProperty({ example: 'call_1' }) id!: string;
  @ApiProperty({ example: 'calculator' }) name!: string;
  @ApiProperty({ example: '{"expression":"2+2"}' }) arguments!: string;
}

export class MessageDto {
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }) id!: string;
  @ApiProperty({ enum: ['user', 'assistant', 'tool'], example: 'user' }) role!: string;
  @ApiProperty({ example: 'How do I get a refund?' }) content!: string;
  @ApiProperty({ type: [ToolCallDto], nullable: true }) toolCalls!: ToolCallDto[] | null;
  @ApiProperty({ example: null, nullable: true, type: String }) toolCallId!: string | null;
  @ApiProperty({ example: 0 }) promptTokens!: number;
  @ApiProperty({ example: 0 }) completionTokens!: number;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: string;

  static of(m: Message): MessageDto {
    const { seq: _s, createdAt, ...rest } = m;
    return { ...rest, createdAt: createdAt.toISOString() };
  }
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageDto] }) items!: MessageDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class ConversationWithMessagesDto extends ConversationDto {
  @ApiProperty({ type: MessagePageDto }) messages!: MessagePageDto;
}
