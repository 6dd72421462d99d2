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
const argon2 = __importStar(require("argon2"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
describe('service accounts: YAML catalog and client credentials', () => {
    let t;
    let org;
    let otherOrg;
    const secret = 'sk_test_client_secret_value';
    beforeAll(async () => {
        const setup = await (0, test_app_1.startTestApp)();
        org = await (0, auth_1.signUp)(setup);
        otherOrg = await (0, auth_1.signUp)(setup);
        await setup.close();
        const hash = await argon2.hash(secret, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2 });
        const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'tollgate-sa-'));
        const file = (0, node_path_1.join)(dir, 'service-accounts.yaml');
        (0, node_fs_1.writeFileSync)(file, `serviceAccounts:
  - name: exporter
    clientId: sa_exporter
    clientSecretHash: '${hash}'
    scopes: [api_keys:read, audit:read]
    tenants: ['${org.tenantId}']
  - name: platform
    clientId: sa_platform
    clientSecretHash: '${hash}'
    scopes: [api_keys:read]
    tenants: all
`);
        t = await (0, test_app_1.startTestApp)({ env: { AUTH_SERVICE_ACCOUNTS_FILE: file } });
    });
    afterAll(() => t.close());
    const token = (body) => t.http
        .post('/api/v1/auth/token')
        .send({ grant_type: 'client_credentials', client_secret: secret, ...body });
    it('issues a scoped, tenant-bound token that works on scoped routes', async () => {
        const res = await token({
            client_id: 'sa_exporter',
            tenant_id: org.tenantId,
            scope: 'api_keys:read',
        }).expect(200);
        expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'api_keys:read' });
        const auth = (req) => req.set('Authorization', `Bearer ${res.body.access_token}`);
        const me = await auth(t.http.get('/api/v1/auth/me')).expect(200);
        expect(me.body).toMatchObject({
            kind: 'service_account',
            id: 'exporter',
            tenantId: org.tenantId,
            scopes: ['api_keys:read'],
        });
        await auth(t.http.get('/api/v1/api-keys')).expect(200);
        await auth(t.http.post('/api/v1/api-keys'))
            .send({ name: 'x', scopes: ['agents:read'] })
            .expect(403);
        await auth(t.http.get('/api/v1/api-keys')).set('X-Organization-Id', otherOrg.tenantId).expect(404);
    });
    it('refuses wrong secrets, unknown clients, scopes and tenants it is not allowed', async () => {
        const bad = await token({ client_id: 'sa_exporter', client_secret: 'wrong' }).expect(401);
        expect(bad.body.code).toBe('invalid_client');
        await token({ client_id: 'sa_nobody' }).expect(401);
        const scope = await token({ client_id: 'sa_exporter', scope: 'members:manage' }).expect(400);
        expect(scope.body.code).toBe('invalid_scope');
        await token({ client_id: 'sa_exporter', tenant_id: otherOrg.tenantId }).expect(403);
        await token({ client_id: 'sa_exporter', grant_type: 'password' }).expect(400);
    });
    it('an "all tenants" account picks the organization per request', async () => {
        const res = await token({ client_id: 'sa_platform' }).expect(200);
        const auth = (req) => req.set('Authorization', `Bearer ${res.body.access_token}`);
        await auth(t.http.get('/api/v1/api-keys')).expect(403);
        await auth(t.http.get('/api/v1/api-keys')).set('X-Organization-Id', otherOrg.tenantId).expect(200);
    });
    it('refuses to start with an invalid catalog, naming the problem', async () => {
        const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'tollgate-sa-'));
        const file = (0, node_path_1.join)(dir, 'bad.yaml');
        (0, node_fs_1.writeFileSync)(file, 'serviceAccounts:\n  - name: Bad Name\n    clientId: x\n    scopes: [nope]\n    tenants: all\n');
        await expect((0, test_app_1.startTestApp)({ env: { AUTH_SERVICE_ACCOUNTS_FILE: file } })).rejects.toThrow(/service account catalog/);
    });
});
//# sourceMappingURL=auth-service-accounts.e2e-spec.js.map