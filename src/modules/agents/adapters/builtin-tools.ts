import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { InvalidError } from '../../../shared/domain/domain-error';
import { OutboundGuard, OutboundRefusedError } from '../../../shared/net/outbound-guard';
import { AgentTool, ToolRegistry } from '../../../shared/contracts/agent-tools';
import { evaluateExpression } from '../domain/calculator';

const str = (args: Record<string, unknown>, key: string): string => {
  const value = args[key];
  if (typeof value !== 'string' || !value.trim())
    throw new InvalidError('invalid_tool_arguments', `"${key}" must be a non-empty string`);
  return value;
};

export class CalculatorTool extends AgentTool {
  readonly spec = {
    name: 'calculator',
    description:
      'Evaluates an arithmetic expression (+ - * / % ^, parentheses, sqrt, min, max, round, pi...).',
    parameters: {
      type: 'object',
      properties: { expression: { type: 'string', description: 'e.g. "(2 + 3) * 4"' } },
      required: ['expression'],
    },
  };
  async execute(args: Record<string, unknown>): Promise<string> {
    return String(evaluateExpression(str(args, 'expression')));
  }
}

export class CurrentTimeTool extends AgentTool {
  readonly spec = {
    name: 'current_time',
    description: 'The current date and time, in UTC or an IANA time zone.',
    parameters: {
      type: 'object',
      properties: {
        timezone: { type: 'string', description: 'IANA zone, e.g. "Europe/Paris"; default UTC' },
      },
    },
  };
  constructor(private readonly clock: Clock) {
    super();
  }
  async execute(args: Record<string, unknown>): Promise<string> {
    const timezone = typeof args.timezone === 'string' && args.timezone ? args.timezone : 'UTC';
    const now = this.clock.now();
    try {
      const local = new Intl.DateTimeFormat('en-CA', {
        timeZone: timezone,
        dateStyle: 'short',
        timeStyle: 'long',
        hourCycle: 'h23',
      }).format(now);
      return JSON.stringify({ iso: now.toISOString(), timezone, local });
    } catch {
      throw new InvalidError('invalid_tool_arguments', `unknown time zone "${timezone}"`);
    }
  }
}

/** Reads a body up to `max` bytes, then stops (the rest is never downloaded). */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<[string, boolean]> {
  if (!body) return ['', false];
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > max) {
      chunks.push(value.subarray(0, max - size));
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return [Buffer.concat(chunks).toString('utf8'), truncated];
}

/**
 * GET on hosts of TOOLS_HTTP_ALLOWLIST only, through the shared outbound guard (an allowed name must
 * still resolve to public addresses, and the connection goes to the address checked), with a timeout and
 * a size cap; redirects are not followed.
 */
export class HttpGetTool extends AgentTool {
  readonly spec = {
    name: 'http_get',
    description:
      'Fetches a URL with HTTP GET (allow-listed hosts only) and returns the status and body text.',
    parameters: {
      type: 'object',
      properties: { url: { type: 'string', description: 'http(s) URL on an allowed host' } },
      required: ['url'],
    },
  };
  constructor(
    private readonly settings: AppConfig['chat']['tools'],
    private readonly guard: OutboundGuard,
  ) {
    super();
  }
  override available(): boolean {
    return this.settings.httpAllowlist.length > 0;
  }
  async execute(args: Record<string, unknown>, ctx: { signal?: AbortSignal }): Promise<string> {
    let url: URL;
    try {
      url = new URL(str(args, 'url'));
    } catch {
      throw new InvalidError('invalid_tool_arguments', '"url" is not a valid URL');
    }
    const host = url.hostname.toLowerCase();
    if (!/^https?:$/.test(url.protocol) || !this.settings.httpAllowlist.includes(host))
      throw new InvalidError('host_not_allowed', `http_get may not fetch ${url.protocol}//${host}`);
    const signals = [AbortSignal.timeout(this.settings.httpTimeoutMs), ...(ctx.signal ? [ctx.signal] : [])];
    try {
      const res = await this.guard.fetch(url.href, { signal: AbortSignal.any(signals) });
      const [body, truncated] = await readCapped(
        res.body as ReadableStream<Uint8Array> | null,
        this.settings.httpMaxBytes,
      );
      return JSON.stringify({ status: res.status, body, truncated });
    } catch (error) {
      if (error instanceof OutboundRefusedError)
        throw new InvalidError('host_not_allowed', `http_get may not fetch ${url.href}: ${error.message}`);
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new InvalidError(
        'tool_failed',
        timedOut ? 'http_get timed out' : `http_get failed: ${String(error)}`,
      );
    }
  }
}

/** Web search on the Tavily HTTP API; unavailable without TAVILY_API_KEY. */
export class WebSearchTool extends AgentTool {
  readonly spec = {
    name: 'web_search',
    description: 'Searches the web (Tavily) and returns the top results with titles, URLs and snippets.',
    parameters: {
      type: 'object',
      properties: {
        query: { type: 'string' },
        max_results: { type: 'integer', minimum: 1, maximum: 10 },
      },
      required: ['query'],
    },
  };
  constructor(private readonly settings: AppConfig['chat']['tools']) {
    super();
  }
  override available(): boolean {
    return !!this.settings.tavilyApiKey;
  }
  async execute(args: Record<string, unknown>, ctx: { signal?: AbortSignal }): Promise<string> {
    if (!this.available()) throw new InvalidError('tool_unavailable', 'web_search is not configured');
    const maxResults = Math.min(10, Math.max(1, Number(args.max_results) || 5));
    const signals = [AbortSignal.timeout(this.settings.httpTimeoutMs), ...(ctx.signal ? [ctx.signal] : [])];
    const res = await fetch(new URL('/search', this.settings.tavilyBaseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.settings.tavilyApiKey}` },
      body: JSON.stringify({ query: str(args, 'query'), max_results: maxResults }),
      signal: AbortSignal.any(signals),
    }).catch((error: unknown) => {
      throw new InvalidError('tool_failed', `web_search failed: ${String(error)}`);
    });
    if (!res.ok) throw new InvalidError('tool_failed', `web_search answered ${res.status}`);
    const [body] = await readCapped(res.body, this.settings.httpMaxBytes);
    const parsed = JSON.parse(body) as {
      results?: Array<{ title?: string; url?: string; content?: string }>;
    };
    return JSON.stringify(
      (parsed.results ?? []).map((r) => ({ title: r.title, url: r.url, snippet: r.content?.slice(0, 500) })),
    );
  }
}

@Injectable()
export class BuiltinToolRegistry extends ToolRegistry {
  private readonly tools: Map<string, AgentTool>;

  constructor(config: AppConfig, clock: Clock, guard: OutboundGuard) {
    super();
    const all = [
      new CalculatorTool(),
      new CurrentTimeTool(clock),
      new HttpGetTool(config.chat.tools, guard),
      new WebSearchTool(config.chat.tools),
    ];
    this.tools = new Map(all.map((t) => [t.spec.name, t]));
  }
  list(): AgentTool[] {
    return [...this.tools.values()];
  }
  get(name: string): AgentTool | undefined {
    return this.tools.get(name);
  }
}
