import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Agent, AGENT_STATUSES, AgentStatus } from '../domain/agent';

const SLUG_RE = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const nullOrPresent = (_: unknown, v: unknown) => v !== null && v !== undefined;

class AgentFieldsDto {
  @ApiPropertyOptional({ example: 'Support agent for billing questions' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({
    example: 'default',
    description: 'Named provider from config; `default` = OPENAI_BASE_URL',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  provider?: string;

  @ApiPropertyOptional({ example: 'You are a helpful support agent. Answer briefly.' })
  @IsOptional()
  @IsString()
  @MaxLength(32000)
  instructions?: string;

  @ApiPropertyOptional({ type: Number, example: 0.2, nullable: true, minimum: 0, maximum: 2 })
  @ValidateIf(nullOrPresent)
  @IsNumber()
  @Min(0)
  @Max(2)
  temperature?: number | null;

  @ApiPropertyOptional({ type: Number, example: 1, nullable: true, minimum: 0, maximum: 1 })
  @ValidateIf(nullOrPresent)
  @IsNumber()
  @Min(0)
  @Max(1)
  topP?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    example: 512,
    nullable: true,
    description: 'Completion token cap per model call',
  })
  @ValidateIf(nullOrPresent)
  @IsInt()
  @Min(1)
  maxTokens?: number | null;

  @ApiPropertyOptional({ example: ['calculator', 'current_time'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  tools?: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    example: '6f1c2a9e-3b7d-4c1e-9a43-0f3f2f6f7a10',
    nullable: true,
  })
  @ValidateIf(nullOrPresent)
  @IsUUID()
  billingPlanId?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: 'crm-agent-42',
    nullable: true,
    description: "The customer's own id",
  })
  @ValidateIf(nullOrPresent)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId?: string | null;

  @ApiPropertyOptional({ example: { team: 'support' }, description: 'Free JSON, at most 8 KiB' })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}

export class CreateAgentDto extends AgentFieldsDto {
  @ApiProperty({ example: 'Billing helper' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'billing-helper', description: 'Unique in the organization: [a-z0-9_-], up to 63' })
  @Matches(SLUG_RE, { message: 'slug must be 1-63 of a-z, 0-9, _ and -, starting with a letter or digit' })
  slug!: string;

  @ApiProperty({ example: 'gpt-4o-mini', description: 'Provider model id; must be in the price table' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  model!: string;

  @ApiPropertyOptional({ enum: AGENT_STATUSES, example: 'active' })
  @IsOptional()
  @IsIn(AGENT_STATUSES)
  status?: AgentStatus;
}

export class UpdateAgentDto extends AgentFieldsDto {
  @ApiPropertyOptional({ example: 'Billing helper v2' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'billing-helper' })
  @IsOptional()
  @Matches(SLUG_RE, { message: 'slug must be 1-63 of a-z, 0-9, _ and -, starting with a letter or digit' })
  slug?: string;

  @ApiPropertyOptional({ example: 'gpt-4o' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  model?: string;

  @ApiPropertyOptional({ enum: AGENT_STATUSES, example: 'paused' })
  @IsOptional()
  @IsIn(AGENT_STATUSES)
  status?: AgentStatus;
}

export class ListAgentsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: AGENT_STATUSES })
  @IsOptional()
  @IsIn(AGENT_STATUSES)
  status?: AgentStatus;
}

export class AgentDto {
  @ApiProperty({ example: '0b5c9f7e-2f6d-4a8e-9d1c-3e2f1a0b9c8d' }) id!: string;
  @ApiProperty({ example: 'Billing helper' }) name!: string;
  @ApiProperty({ example: 'billing-helper' }) slug!: string;
  @ApiProperty({ example: 'Support agent for billing questions' }) description!: string;
  @ApiProperty({ example: 'default' }) provider!: string;
  @ApiProperty({ example: 'gpt-4o-mini' }) model!: string;
  @ApiProperty({ example: 'You are a helpful support agent.' }) instructions!: string;
  @ApiProperty({ example: 0.2, nullable: true, type: Number }) temperature!: number | null;
  @ApiProperty({ example: null, nullable: true, type: Number }) topP!: number | null;
  @ApiProperty({ example: 512, nullable: true, type: Number }) maxTokens!: number | null;
  @ApiProperty({ example: ['calculator'], type: [String] }) tools!: string[];
  @ApiProperty({ example: null, nullable: true, type: String }) billingPlanId!: string | null;
  @ApiProperty({ example: 'crm-agent-42', nullable: true, type: String }) externalId!: string | null;
  @ApiProperty({ enum: AGENT_STATUSES, example: 'active' }) status!: AgentStatus;
  @ApiProperty({ example: { team: 'support' }, type: Object }) metadata!: Record<string, unknown>;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) updatedAt!: string;

  static of(agent: Agent): AgentDto {
    const { tenantId: _t, createdAt, updatedAt, ...rest } = agent;
    return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
  }
}

export class AgentPageDto {
  @ApiProperty({ type: [AgentDto] }) items!: AgentDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class ToolDto {
  @ApiProperty({ example: 'calculator' }) name!: string;
  @ApiProperty({ example: 'Evaluates an arithmetic expression' }) description!: string;
  @ApiProperty({ example: { type: 'object', properties: { expression: { type: 'string' } } }, type: Object })
  parameters!: Record<string, unknown>;
  @ApiProperty({
    example: true,
    description: 'false when not configured here (e.g. web_search without a key)',
  })
  available!: boolean;
}

export class ToolListDto {
  @ApiProperty({ type: [ToolDto] }) items!: ToolDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}
