"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.serviceAccountCatalogSchema = exports.serviceAccountSchema = void 0;
exports.mayUseTenant = mayUseTenant;
const zod_1 = require("zod");
const permissions_1 = require("../../../shared/context/permissions");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
exports.serviceAccountSchema = zod_1.z.object({
    name: zod_1.z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes'),
    clientId: zod_1.z.string().regex(/^[A-Za-z0-9_.-]{3,128}$/),
    clientSecretHash: zod_1.z.string().startsWith('$argon2id$', 'must be an argon2id hash'),
    scopes: zod_1.z.array(zod_1.z.enum(permissions_1.SCOPES)).min(1),
    tenants: zod_1.z.union([
        zod_1.z.literal('all'),
        zod_1.z
            .array(zod_1.z
            .string()
            .regex(UUID, 'must be an organization id')
            .transform((v) => v.toLowerCase()))
            .min(1),
    ]),
});
exports.serviceAccountCatalogSchema = zod_1.z
    .object({ serviceAccounts: zod_1.z.array(exports.serviceAccountSchema).default([]) })
    .superRefine((catalog, ctx) => {
    const seen = new Set();
    for (const sa of catalog.serviceAccounts) {
        for (const key of [`name:${sa.name}`, `clientId:${sa.clientId}`]) {
            if (seen.has(key))
                ctx.addIssue({ code: 'custom', message: `duplicate ${key}` });
            seen.add(key);
        }
    }
});
function mayUseTenant(sa, tenantId) {
    return sa.tenants === 'all' || sa.tenants.includes(tenantId.toLowerCase());
}
//# sourceMappingURL=service-account.js.map