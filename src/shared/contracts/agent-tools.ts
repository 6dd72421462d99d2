import { TenantId } from '../domain/tenant-id';

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

export interface ToolContext {
  tenantId: TenantId;
  signal?: AbortSignal;
}

/** A tool the model may call. `execute` returns the text handed back to the model. */
export abstract class AgentTool {
  abstract readonly spec: ToolSpec;
  /** false when the tool cannot run in this deployment (e.g. no API key): listed, never offered to a model. */
  available(): boolean {
    return true;
  }
  abstract execute(args: Record<string, unknown>, ctx: ToolContext): Promise<string>;
}

/** Tools by name (AgentsModule provides it; Chat offers them to the model and runs the calls). */
export abstract class ToolRegistry {
  abstract list(): AgentTool[];
  abstract get(name: string): AgentTool | undefined;
}
