"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invoicingConfig = exports.invoicingConfigSchema = void 0;
const zod_1 = require("zod");
const CRON_OR_OFF = /^(off|\S+(\s+\S+){4,5})$/;
const env_helpers_1 = require("../env-helpers");
exports.invoicingConfigSchema = zod_1.z.object({
    INVOICE_NUMBER_PREFIX: zod_1.z
        .string()
        .regex(/^[A-Z0-9]{1,10}$/, 'must be 1-10 uppercase letters or digits')
        .default('INV'),
    CREDIT_NOTE_NUMBER_PREFIX: zod_1.z
        .string()
        .regex(/^[A-Z0-9]{1,10}$/, 'must be 1-10 uppercase letters or digits')
        .default('CN'),
    INVOICE_GRACE_PERIOD_HOURS: (0, env_helpers_1.envInt)(24, 0, 24 * 31),
    INVOICE_PAYMENT_TERMS_DAYS: (0, env_helpers_1.envInt)(30, 0, 365),
    INVOICE_SELLER_NAME: zod_1.z.string().default('Tollgate'),
    INVOICE_SELLER_ADDRESS: zod_1.z.string().default(''),
    INVOICE_RUN_CRON: zod_1.z
        .string()
        .regex(CRON_OR_OFF, 'must be a 5/6-field cron pattern or "off"')
        .default('0 * * * *'),
    INVOICE_OVERDUE_CRON: zod_1.z
        .string()
        .regex(CRON_OR_OFF, 'must be a 5/6-field cron pattern or "off"')
        .default('30 3 * * *'),
    INVOICE_JOB_ATTEMPTS: (0, env_helpers_1.envInt)(5, 1, 50),
    INVOICE_WORKER_CONCURRENCY: (0, env_helpers_1.envInt)(16, 1, 256),
    INVOICE_JOB_BACKOFF_MS: (0, env_helpers_1.envInt)(5000, 1),
    OUTCOME_VERIFICATION_TIMEOUT_MS: (0, env_helpers_1.envInt)(5000, 100, 60000),
});
const invoicingConfig = (env) => ({
    numberPrefix: env.INVOICE_NUMBER_PREFIX,
    creditNotePrefix: env.CREDIT_NOTE_NUMBER_PREFIX,
    gracePeriodHours: env.INVOICE_GRACE_PERIOD_HOURS,
    paymentTermsDays: env.INVOICE_PAYMENT_TERMS_DAYS,
    sellerName: env.INVOICE_SELLER_NAME,
    sellerAddress: env.INVOICE_SELLER_ADDRESS,
    runCron: env.INVOICE_RUN_CRON,
    overdueCron: env.INVOICE_OVERDUE_CRON,
    jobAttempts: env.INVOICE_JOB_ATTEMPTS,
    workerConcurrency: env.INVOICE_WORKER_CONCURRENCY,
    jobBackoffMs: env.INVOICE_JOB_BACKOFF_MS,
    outcomeTimeoutMs: env.OUTCOME_VERIFICATION_TIMEOUT_MS,
});
exports.invoicingConfig = invoicingConfig;
//# sourceMappingURL=invoicing.config.js.map