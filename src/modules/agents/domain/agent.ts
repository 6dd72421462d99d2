import { TenantId } from '../../../shared/domain/tenant-id';
import { InvalidError } from '../../../shared/domain/domain-error';

export const AGENT_STATUSES = ['active', 'paused', 'archived'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** Generation settings sent to the model on every call. null = the provider's default. */
export interface GenerationSettings {
  temperature: number | null;
  topP: number | null;
  maxTokens: number | null;
}

export interface Agent extends GenerationSettings {
  id: string;
  tenantId: TenantId;
  name: string;
  slug: string;
  description: string;
  /** Named provider from config (`default` = OPENAI_BASE_URL). */
  provider: string;
  /** The provider's model id; must be in the model price table. */
  model: string;
  /** System prompt. */
  instructions: string;
  tools: string[];
  billingPlanId: string | null;
  externalId: string | null;
  status: AgentStatus;
  metadata: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export const METADATA_MAX_BYTES = 8 * 1024;

export function checkMetadataSize(metadata: Record<string, unknown>): void {
  const size = Buffer.byteLength(JSON.stringify(metadata), 'utf8');
  if (size > METADATA_MAX_BYTES)
    throw new InvalidError(
      'metadata_too_large',
      `metadata is ${size} bytes; the limit is ${METADATA_MAX_BYTES}`,
      [{ field: 'metadata', message: `at most ${METADATA_MAX_BYTES} bytes of JSON` }],
    );
}
