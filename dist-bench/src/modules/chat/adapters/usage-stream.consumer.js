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
var UsageStreamConsumer_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageStreamConsumer = void 0;
const common_1 = require("@nestjs/common");
const nestjs_cls_1 = require("nestjs-cls");
const node_os_1 = require("node:os");
const node_crypto_1 = require("node:crypto");
const app_config_1 = require("../../../config/app-config");
const redis_module_1 = require("../../../shared/redis/redis.module");
const store_usage_records_use_case_1 = require("../application/store-usage-records.use-case");
const redis_usage_buffer_1 = require("./redis-usage-buffer");
const CLAIM_IDLE_MS = 30_000;
const CLAIM_EVERY_MS = 10_000;
const MAX_ATTEMPTS = 5;
let UsageStreamConsumer = UsageStreamConsumer_1 = class UsageStreamConsumer {
    config;
    storeUsage;
    cls;
    logger = new common_1.Logger(UsageStreamConsumer_1.name);
    key;
    name = `${(0, node_os_1.hostname)()}-${process.pid}-${(0, node_crypto_1.randomBytes)(3).toString('hex')}`;
    redis;
    running = false;
    failures = new Map();
    loop;
    constructor(config, storeUsage, cls) {
        this.config = config;
        this.storeUsage = storeUsage;
        this.cls = cls;
        this.key = (0, redis_usage_buffer_1.usageStreamKey)(config);
    }
    async onApplicationBootstrap() {
        this.redis = (0, redis_module_1.createRedisConnection)(this.config, { maxRetriesPerRequest: null });
        await this.ensureGroup();
        this.running = true;
        this.loop = this.run();
    }
    async onApplicationShutdown() {
        this.running = false;
        this.redis?.disconnect();
        await this.loop;
    }
    async ensureGroup() {
        await this.redis.xgroup('CREATE', this.key, redis_usage_buffer_1.USAGE_GROUP, '0', 'MKSTREAM').catch((e) => e.message.includes('BUSYGROUP') ? undefined : Promise.reject(e));
    }
    async run() {
        let lastClaim = 0;
        const batch = this.config.chat.usageBatchSize;
        while (this.running) {
            try {
                if (Date.now() - lastClaim > CLAIM_EVERY_MS) {
                    lastClaim = Date.now();
                    const claimed = (await this.redis.xautoclaim(this.key, redis_usage_buffer_1.USAGE_GROUP, this.name, CLAIM_IDLE_MS, '0-0', 'COUNT', batch));
                    if (claimed[1].length)
                        await this.process(claimed[1]);
                }
                const result = (await this.redis.xreadgroup('GROUP', redis_usage_buffer_1.USAGE_GROUP, this.name, 'COUNT', batch, 'BLOCK', 1000, 'STREAMS', this.key, '>'));
                const entries = result?.[0]?.[1] ?? [];
                if (entries.length)
                    await this.process(entries);
            }
            catch (error) {
                if (!this.running)
                    return;
                if (String(error).includes('NOGROUP'))
                    await this.ensureGroup().catch(() => undefined);
                else
                    this.logger.error({ err: error }, 'usage batch failed; its entries are retried after a while');
                await new Promise((r) => setTimeout(r, 1000));
            }
        }
    }
    async process(entries) {
        const items = [];
        for (const [entryId, fields] of entries) {
            try {
                items.push({ entryId, record: JSON.parse(fields[fields.indexOf('r') + 1]) });
            }
            catch {
                this.logger.error({ entryId }, 'unreadable usage entry dropped');
            }
        }
        const store = (batch) => this.cls.run(() => this.storeUsage.execute(batch));
        try {
            await store(items.map((i) => i.record));
        }
        catch (error) {
            await this.isolatePoison(items, store, error);
        }
        const ids = entries.map(([id]) => id);
        for (const id of ids)
            this.failures.delete(id);
        await this.redis.multi()
            .xack(this.key, redis_usage_buffer_1.USAGE_GROUP, ...ids)
            .xdel(this.key, ...ids)
            .exec();
    }
    async isolatePoison(items, store, batchError) {
        const failed = [];
        for (const item of items)
            await store([item.record]).catch((error) => failed.push({ ...item, error }));
        if (failed.length === items.length) {
            if (this.failures.size > 10_000)
                this.failures.clear();
            const attempts = failed.map((f) => {
                const n = (this.failures.get(f.entryId) ?? 0) + 1;
                this.failures.set(f.entryId, n);
                return n;
            });
            if (attempts.some((n) => n < MAX_ATTEMPTS))
                throw batchError;
        }
        for (const { record, error } of failed) {
            this.logger.error({ err: error, usageId: record.id }, 'usage record parked in the dead-letter stream');
            await this.redis.xadd(`${this.key}:dead`, '*', 'r', JSON.stringify(record), 'error', String(error));
        }
    }
};
exports.UsageStreamConsumer = UsageStreamConsumer;
exports.UsageStreamConsumer = UsageStreamConsumer = UsageStreamConsumer_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig,
        store_usage_records_use_case_1.StoreUsageRecords,
        nestjs_cls_1.ClsService])
], UsageStreamConsumer);
//# sourceMappingURL=usage-stream.consumer.js.map