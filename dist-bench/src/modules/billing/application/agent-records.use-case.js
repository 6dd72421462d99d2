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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.GetAgentStats = exports.RecordOutcome = exports.RecordAgentCost = exports.RecordAgentActivity = exports.AgentRecordGuards = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const agents_1 = require("../../../shared/contracts/agents");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const money_1 = require("../../../shared/domain/money");
const queue_names_1 = require("../../../shared/queue/queue-names");
const agent_records_1 = require("../domain/agent-records");
const customer_1 = require("../domain/customer");
const metering_1 = require("../domain/metering");
const ingest_usage_events_use_case_1 = require("./ingest-usage-events.use-case");
let AgentRecordGuards = class AgentRecordGuards {
    agents;
    customers;
    constructor(agents, customers) {
        this.agents = agents;
        this.customers = customers;
    }
    async agent(tenantId, agentId) {
        if (!(await this.agents.find(tenantId, agentId)))
            throw new domain_error_1.NotFoundError('Agent', agentId);
    }
    async customerId(tenantId, ref) {
        if (!ref.customerId && !ref.externalCustomerId)
            return null;
        const c = await this.customers.findByRef(tenantId, {
            id: ref.customerId,
            externalId: ref.externalCustomerId,
        });
        if (!c)
            throw new domain_error_1.NotFoundError('Customer', ref.customerId ?? ref.externalCustomerId);
        return c.id;
    }
};
exports.AgentRecordGuards = AgentRecordGuards;
exports.AgentRecordGuards = AgentRecordGuards = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [agents_1.AgentDirectory,
        customer_1.CustomerRepository])
], AgentRecordGuards);
let RecordAgentActivity = class RecordAgentActivity {
    guards;
    metrics;
    ingest;
    clock;
    constructor(guards, metrics, ingest, clock) {
        this.guards = guards;
        this.metrics = metrics;
        this.ingest = ingest;
        this.clock = clock;
    }
    async execute(tenantId, agentId, input) {
        await this.guards.agent(tenantId, agentId);
        const customerId = await this.guards.customerId(tenantId, input);
        await this.metrics.ensure({
            id: (0, ids_1.newId)(),
            tenantId,
            code: input.type,
            name: `Agent activity: ${input.type}`,
            aggregation: 'sum',
            field: 'quantity',
            filters: {},
            createdAt: this.clock.now(),
        });
        const eventId = input.eventId ?? (0, ids_1.newId)();
        const result = await this.ingest.ingestParsed(tenantId, [
            {
                index: 0,
                eventId,
                metricCode: input.type,
                customerId: customerId ?? undefined,
                agentId,
                timestamp: input.timestamp ?? this.clock.now(),
                properties: { ...input.properties, quantity: input.quantity },
            },
        ], [], true);
        if (result.rejected)
            throw new domain_error_1.InvalidError(result.rejections[0].reason, result.rejections[0].message);
        return { eventId, duplicate: result.duplicates > 0, late: result.late > 0 };
    }
};
exports.RecordAgentActivity = RecordAgentActivity;
exports.RecordAgentActivity = RecordAgentActivity = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [AgentRecordGuards,
        metering_1.MetricRepository,
        ingest_usage_events_use_case_1.IngestUsageEvents,
        clock_port_1.Clock])
], RecordAgentActivity);
let RecordAgentCost = class RecordAgentCost {
    guards;
    records;
    clock;
    constructor(guards, records, clock) {
        this.guards = guards;
        this.records = records;
        this.clock = clock;
    }
    async execute(tenantId, agentId, input) {
        await this.guards.agent(tenantId, agentId);
        const customerId = await this.guards.customerId(tenantId, input);
        const now = this.clock.now();
        return this.records.insertCost({
            id: (0, ids_1.newId)(),
            tenantId,
            agentId,
            customerId,
            externalId: input.externalId ?? null,
            costType: input.costType,
            amount: (0, money_1.dec)(input.amount).toString(),
            currency: input.currency.toUpperCase(),
            occurredAt: input.occurredAt ?? now,
            metadata: input.metadata ?? {},
            createdAt: now,
        });
    }
};
exports.RecordAgentCost = RecordAgentCost;
exports.RecordAgentCost = RecordAgentCost = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [AgentRecordGuards,
        agent_records_1.AgentRecordRepository,
        clock_port_1.Clock])
], RecordAgentCost);
let RecordOutcome = class RecordOutcome {
    guards;
    records;
    clock;
    queue;
    constructor(guards, records, clock, queue) {
        this.guards = guards;
        this.records = records;
        this.clock = clock;
        this.queue = queue;
    }
    async execute(tenantId, agentId, input) {
        await this.guards.agent(tenantId, agentId);
        const customerId = await this.guards.customerId(tenantId, input);
        const now = this.clock.now();
        const result = await this.records.insertOutcome({
            id: (0, ids_1.newId)(),
            tenantId,
            agentId,
            customerId,
            externalId: input.externalId ?? null,
            type: input.type,
            value: (0, money_1.dec)(input.value).toString(),
            currency: input.currency.toUpperCase(),
            evidence: input.evidence ?? {},
            status: 'pending',
            statusReason: null,
            verifiedAt: null,
            occurredAt: input.occurredAt ?? now,
            createdAt: now,
        });
        if (result.outcome.agentId !== agentId)
            throw new domain_error_1.DomainError('conflict', 'outcome_external_id_taken', 'externalId is used by an outcome of another agent');
        if (result.outcome.status === 'pending') {
            const job = { tenantId, outcomeId: result.outcome.id };
            await this.queue.add('verify-outcome', job, {
                jobId: result.outcome.id,
                attempts: 5,
                backoff: { type: 'exponential', delay: 1000 },
            });
        }
        return result;
    }
};
exports.RecordOutcome = RecordOutcome;
exports.RecordOutcome = RecordOutcome = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, bullmq_1.InjectQueue)(queue_names_1.QUEUES.outcomeVerification)),
    __metadata("design:paramtypes", [AgentRecordGuards,
        agent_records_1.AgentRecordRepository,
        clock_port_1.Clock,
        bullmq_2.Queue])
], RecordOutcome);
let GetAgentStats = class GetAgentStats {
    guards;
    records;
    usage;
    constructor(guards, records, usage) {
        this.guards = guards;
        this.records = records;
        this.usage = usage;
    }
    async execute(tenantId, agentId) {
        await this.guards.agent(tenantId, agentId);
        const [stats, activities] = await Promise.all([
            this.records.stats(tenantId, agentId),
            this.usage.agentActivity(tenantId, agentId),
        ]);
        const currencies = new Set([
            ...stats.costs.map((c) => c.currency),
            ...stats.revenue.map((r) => r.currency),
        ]);
        const margin = [...currencies].sort().map((currency) => {
            const revenue = stats.revenue.find((r) => r.currency === currency)?.amount ?? '0';
            const cost = stats.costs.find((c) => c.currency === currency)?.amount ?? '0';
            return { currency, amount: (0, money_1.dec)(revenue).minus(cost).toString() };
        });
        return { agentId, activities, ...stats, margin };
    }
};
exports.GetAgentStats = GetAgentStats;
exports.GetAgentStats = GetAgentStats = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [AgentRecordGuards,
        agent_records_1.AgentRecordRepository,
        metering_1.UsageRepository])
], GetAgentStats);
//# sourceMappingURL=agent-records.use-case.js.map