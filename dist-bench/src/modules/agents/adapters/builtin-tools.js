"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.BuiltinToolRegistry = exports.WebSearchTool = exports.HttpGetTool = exports.CurrentTimeTool = exports.CalculatorTool = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const tool_port_1 = require("../domain/tool.port");
const calculator_1 = require("../domain/calculator");
const str = (args, key) => {
    const value = args[key];
    if (typeof value !== 'string' || !value.trim())
        throw new domain_error_1.InvalidError('invalid_tool_arguments', `"${key}" must be a non-empty string`);
    return value;
};
class CalculatorTool extends tool_port_1.AgentTool {
    spec = {
        name: 'calculator',
        description: 'Evaluates an arithmetic expression (+ - * / % ^, parentheses, sqrt, min, max, round, pi...).',
        parameters: {
            type: 'object',
            properties: { expression: { type: 'string', description: 'e.g. "(2 + 3) * 4"' } },
            required: ['expression'],
        },
    };
    async execute(args) {
        return String((0, calculator_1.evaluateExpression)(str(args, 'expression')));
    }
}
exports.CalculatorTool = CalculatorTool;
class CurrentTimeTool extends tool_port_1.AgentTool {
    clock;
    spec = {
        name: 'current_time',
        description: 'The current date and time, in UTC or an IANA time zone.',
        parameters: {
            type: 'object',
            properties: {
                timezone: { type: 'string', description: 'IANA zone, e.g. "Europe/Paris"; default UTC' },
            },
        },
    };
    constructor(clock) {
        super();
        this.clock = clock;
    }
    async execute(args) {
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
        }
        catch {
            throw new domain_error_1.InvalidError('invalid_tool_arguments', `unknown time zone "${timezone}"`);
        }
    }
}
exports.CurrentTimeTool = CurrentTimeTool;
async function readCapped(body, max) {
    if (!body)
        return ['', false];
    const reader = body.getReader();
    const chunks = [];
    let size = 0;
    let truncated = false;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
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
class HttpGetTool extends tool_port_1.AgentTool {
    settings;
    spec = {
        name: 'http_get',
        description: 'Fetches a URL with HTTP GET (allow-listed hosts only) and returns the status and body text.',
        parameters: {
            type: 'object',
            properties: { url: { type: 'string', description: 'http(s) URL on an allowed host' } },
            required: ['url'],
        },
    };
    constructor(settings) {
        super();
        this.settings = settings;
    }
    available() {
        return this.settings.httpAllowlist.length > 0;
    }
    async execute(args, ctx) {
        let url;
        try {
            url = new URL(str(args, 'url'));
        }
        catch {
            throw new domain_error_1.InvalidError('invalid_tool_arguments', '"url" is not a valid URL');
        }
        const host = url.hostname.toLowerCase();
        if (!/^https?:$/.test(url.protocol) || !this.settings.httpAllowlist.includes(host))
            throw new domain_error_1.InvalidError('host_not_allowed', `http_get may not fetch ${url.protocol}//${host}`);
        const signals = [AbortSignal.timeout(this.settings.httpTimeoutMs), ...(ctx.signal ? [ctx.signal] : [])];
        try {
            const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.any(signals) });
            const [body, truncated] = await readCapped(res.body, this.settings.httpMaxBytes);
            return JSON.stringify({ status: res.status, body, truncated });
        }
        catch (error) {
            const timedOut = error.name === 'TimeoutError';
            throw new domain_error_1.InvalidError('tool_failed', timedOut ? 'http_get timed out' : `http_get failed: ${String(error)}`);
        }
    }
}
exports.HttpGetTool = HttpGetTool;
class WebSearchTool extends tool_port_1.AgentTool {
    settings;
    spec = {
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
    constructor(settings) {
        super();
        this.settings = settings;
    }
    available() {
        return !!this.settings.tavilyApiKey;
    }
    async execute(args, ctx) {
        if (!this.available())
            throw new domain_error_1.InvalidError('tool_unavailable', 'web_search is not configured');
        const maxResults = Math.min(10, Math.max(1, Number(args.max_results) || 5));
        const signals = [AbortSignal.timeout(this.settings.httpTimeoutMs), ...(ctx.signal ? [ctx.signal] : [])];
        const res = await fetch(new URL('/search', this.settings.tavilyBaseUrl), {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${this.settings.tavilyApiKey}` },
            body: JSON.stringify({ query: str(args, 'query'), max_results: maxResults }),
            signal: AbortSignal.any(signals),
        }).catch((error) => {
            throw new domain_error_1.InvalidError('tool_failed', `web_search failed: ${String(error)}`);
        });
        if (!res.ok)
            throw new domain_error_1.InvalidError('tool_failed', `web_search answered ${res.status}`);
        const [body] = await readCapped(res.body, this.settings.httpMaxBytes);
        const parsed = JSON.parse(body);
        return JSON.stringify((parsed.results ?? []).map((r) => ({ title: r.title, url: r.url, snippet: r.content?.slice(0, 500) })));
    }
}
exports.WebSearchTool = WebSearchTool;
let BuiltinToolRegistry = class BuiltinToolRegistry extends tool_port_1.ToolRegistry {
    tools;
    constructor(config, clock) {
        super();
        const all = [
            new CalculatorTool(),
            new CurrentTimeTool(clock),
            new HttpGetTool(config.chat.tools),
            new WebSearchTool(config.chat.tools),
        ];
        this.tools = new Map(all.map((t) => [t.spec.name, t]));
    }
    list() {
        return [...this.tools.values()];
    }
    get(name) {
        return this.tools.get(name);
    }
};
exports.BuiltinToolRegistry = BuiltinToolRegistry;
exports.BuiltinToolRegistry = BuiltinToolRegistry = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig, clock_port_1.Clock])
], BuiltinToolRegistry);
//# sourceMappingURL=builtin-tools.js.map