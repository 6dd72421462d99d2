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
var ChatMetering_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChatMetering = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const metering_1 = require("../../../shared/contracts/metering");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const clock_port_1 = require("../../../shared/domain/clock.port");
const limits_port_1 = require("../domain/limits.port");
const usage_record_1 = require("../domain/usage-record");
const subjectOf = (p) => p.kind === 'api_key' ? `key:${p.id}` : p.kind === 'user' ? `user:${p.id}` : `sa:${p.id}`;
let ChatMetering = ChatMetering_1 = class ChatMetering {
    limiter;
    budgets;
    buffer;
    config;
    clock;
    logger = new common_1.Logger(ChatMetering_1.name);
    constructor(limiter, budgets, buffer, config, clock) {
        this.limiter = limiter;
        this.budgets = budgets;
        this.buffer = buffer;
        this.config = config;
        this.clock = clock;
    }
    tpmKeys(caller) {
        return [`tpm:${caller.tenantId}:${subjectOf(caller.principal)}`, `tpm:${caller.tenantId}`];
    }
    async admit(caller, estimatedTokens) {
        const l = this.config.chat.limits;
        const subject = subjectOf(caller.principal);
        const [tpmSubject, tpmTenant] = this.tpmKeys(caller);
        const rules = [
            {
                label: 'requests per minute for this API key or user',
                key: `rpm:${caller.tenantId}:${subject}`,
                limit: l.rpmPerKey,
                cost: 1,
            },
            {
                label: 'requests per minute for this organization',
                key: `rpm:${caller.tenantId}`,
                limit: l.rpmPerTenant,
                cost: 1,
            },
            {
                label: 'tokens per minute for this API key or user',
                key: tpmSubject,
                limit: l.tpmPerKey,
                cost: estimatedTokens,
            },
            {
                label: 'tokens per minute for this organization',
                key: tpmTenant,
                limit: l.tpmPerTenant,
                cost: estimatedTokens,
            },
        ];
        const decision = await this.limiter.admit(rules);
        if (!decision.allowed)
            throw new domain_error_1.RateLimitedError(`Rate limit reached: ${decision.rule.limit} ${decision.rule.label}`, Math.ceil(decision.retryAfterMs / 1000));
    }
    async settleTokens(caller, estimatedTokens, actualTokens) {
        const delta = actualTokens - estimatedTokens;
        if (delta === 0)
            return;
        await this.limiter
            .add(this.tpmKeys(caller).map((key) => ({ key, amount: delta })))
            .catch((err) => this.logger.warn({ err }, 'TPM adjustment failed'));
    }
    budgetsFor(caller) {
        const scope = {
            tenantId: caller.tenantId,
            ...(caller.principal.kind === 'api_key' ? { apiKeyId: caller.principal.id } : {}),
            ...(caller.customer ? { customer: caller.customer } : {}),
        };
        return this.budgets.budgetsFor(scope);
    }
    async record(caller, call) {
        const { principal } = caller;
        const record = {
            ...call,
            id: (0, ids_1.newId)(),
            tenantId: caller.tenantId,
            apiKeyId: principal.kind === 'api_key' ? principal.id : null,
            userId: principal.kind === 'user' ? principal.id : null,
            customer: caller.customer ?? null,
            cost: call.promptCost.plus(call.completionCost).toFixed(),
            promptCost: call.promptCost.toFixed(),
            completionCost: call.completionCost.toFixed(),
            currency: this.config.chat.currency,
            occurredAt: this.clock.now().toISOString(),
        };
        try {
            await this.buffer.append(record);
        }
        catch (err) {
            this.logger.error({ err, usage: record }, 'usage record could not be buffered');
        }
        return record.id;
    }
};
exports.ChatMetering = ChatMetering;
exports.ChatMetering = ChatMetering = ChatMetering_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [limits_port_1.RateLimiter,
        metering_1.BudgetSource,
        usage_record_1.UsageBuffer,
        app_config_1.AppConfig,
        clock_port_1.Clock])
], ChatMetering);
//# sourceMappingURL=chat-metering.js.map