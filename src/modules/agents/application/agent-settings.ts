import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { FieldViolation, InvalidError } from '../../../shared/domain/domain-error';
import { Agent, checkMetadataSize } from '../domain/agent';
import { ToolRegistry } from '../../../shared/contracts/agent-tools';

/** Checks what only this deployment knows: configured providers, priced models, registered tools. */
@Injectable()
export class AgentSettingsPolicy {
  constructor(
    private readonly config: AppConfig,
    private readonly tools: ToolRegistry,
  ) {}

  check(agent: Agent): void {
    const violations: FieldViolation[] = [];
    const { providers, models } = this.config.chat;
    if (!providers[agent.provider])
      violations.push({
        field: 'provider',
        message: `unknown provider "${agent.provider}"; configured: ${Object.keys(providers).join(', ')}`,
      });
    const model = models[agent.model];
    if (!model)
      violations.push({
        field: 'model',
        message: `model "${agent.model}" has no price in CHAT_MODELS; known: ${Object.keys(models).join(', ')}`,
      });
    else if (agent.maxTokens !== null && agent.maxTokens > model.maxOutputTokens)
      violations.push({ field: 'maxTokens', message: `at most ${model.maxOutputTokens} for ${agent.model}` });
    for (const name of agent.tools)
      if (!this.tools.get(name)) violations.push({ field: 'tools', message: `unknown tool "${name}"` });
    if (violations.length)
      throw new InvalidError(
        'invalid_agent_settings',
        violations.map((v) => `${v.field}: ${v.message}`).join('; '),
        violations,
      );
    checkMetadataSize(agent.metadata);
  }
}
