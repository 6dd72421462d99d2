"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.withApiKey = exports.TEST_PASSWORD = void 0;
exports.signUp = signUp;
exports.addMember = addMember;
exports.createApiKey = createApiKey;
exports.isolatedEnv = isolatedEnv;
const node_crypto_1 = require("node:crypto");
const unique = () => `${Date.now().toString(36)}${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
exports.TEST_PASSWORD = 'correct-horse-battery-staple';
const bearer = (token, tenantId) => (req) => {
    req.set('Authorization', `Bearer ${token}`);
    return tenantId ? req.set('X-Organization-Id', tenantId) : req;
};
async function signUp(t, opts = {}) {
    const email = opts.email ?? `user-${unique()}@example.test`;
    const password = exports.TEST_PASSWORD;
    const res = await t.http
        .post('/api/v1/auth/register')
        .send({ email, password, name: 'Test User', organizationName: opts.orgName ?? `Org ${unique()}` });
    if (res.status !== 201)
        throw new Error(`signUp failed: ${res.status} ${JSON.stringify(res.body)}`);
    const tenantId = res.body.organization.id;
    return {
        accessToken: res.body.accessToken,
        refreshToken: res.body.refreshToken,
        userId: res.body.user.id,
        tenantId,
        email,
        password,
        auth: bearer(res.body.accessToken, tenantId),
    };
}
async function addMember(t, owner, role) {
    const email = `member-${unique()}@example.test`;
    const reg = await t.http
        .post('/api/v1/auth/register')
        .send({ email, password: exports.TEST_PASSWORD, name: `A ${role}` });
    if (reg.status !== 201)
        throw new Error(`addMember register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
    const add = await t.http
        .post(`/api/v1/organizations/${owner.tenantId}/members`)
        .set('Authorization', `Bearer ${owner.accessToken}`)
        .send({ email, role });
    if (add.status !== 201)
        throw new Error(`addMember failed: ${add.status} ${JSON.stringify(add.body)}`);
    return {
        accessToken: reg.body.accessToken,
        userId: reg.body.user.id,
        email,
        auth: bearer(reg.body.accessToken, owner.tenantId),
    };
}
async function createApiKey(t, owner, scopes, opts = {}) {
    const req = t.http
        .post('/api/v1/api-keys')
        .set('Authorization', `Bearer ${owner.accessToken}`)
        .send({
        name: opts.name ?? 'test key',
        scopes,
        ...(opts.expiresAt ? { expiresAt: opts.expiresAt } : {}),
    });
    if (owner.tenantId)
        req.set('X-Organization-Id', owner.tenantId);
    const res = await req;
    if (res.status !== 201)
        throw new Error(`createApiKey failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, key: res.body.key, prefix: res.body.prefix };
}
const withApiKey = (key) => (req) => req.set('X-API-Key', key);
exports.withApiKey = withApiKey;
async function isolatedEnv(label) {
    const { databaseUrl, withAdmin } = await Promise.resolve().then(() => __importStar(require('../setup/test-database')));
    const name = `${process.env.TEST_DATABASE_NAME ?? 'tollgate_test'}_${label}_${(0, node_crypto_1.randomBytes)(3).toString('hex')}`;
    await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
    return {
        env: {
            DATABASE_URL: databaseUrl(name),
            MIGRATIONS_RUN: 'true',
            REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX ?? 'tgtest'}_${label}`,
        },
        drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
}
//# sourceMappingURL=auth.js.map