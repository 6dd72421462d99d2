"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const permissions_1 = require("../../src/shared/context/permissions");
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
describe('cross-tenant matrix (auth and tenancy routes)', () => {
    let t;
    let a;
    let b;
    let aMember;
    let aKey;
    let bKey;
    beforeAll(async () => {
        t = await (0, test_app_1.startTestApp)();
        a = await (0, auth_1.signUp)(t, { orgName: 'Tenant A' });
        b = await (0, auth_1.signUp)(t, { orgName: 'Tenant B' });
        aMember = await (0, auth_1.addMember)(t, a, 'member');
        aKey = await (0, auth_1.createApiKey)(t, a, ['agents:read']);
        bKey = await (0, auth_1.createApiKey)(t, b, [...permissions_1.SCOPES]);
    });
    afterAll(() => t.close());
    const routes = () => [
        {
            name: 'GET organization',
            call: (auth) => auth(t.http.get(`/api/v1/organizations/${a.tenantId}`)),
        },
        {
            name: 'PATCH organization',
            call: (auth) => auth(t.http.patch(`/api/v1/organizations/${a.tenantId}`)).send({ name: 'pwned' }),
        },
        {
            name: 'GET members',
            call: (auth) => auth(t.http.get(`/api/v1/organizations/${a.tenantId}/members`)),
        },
        {
            name: 'POST member',
            call: (auth) => auth(t.http.post(`/api/v1/organizations/${a.tenantId}/members`)).send({
                email: b.email,
                role: 'owner',
            }),
        },
        {
            name: 'PATCH member role (A org)',
            call: (auth) => auth(t.http.patch(`/api/v1/organizations/${a.tenantId}/members/${aMember.userId}`)).send({
                role: 'owner',
            }),
        },
        {
            name: 'DELETE member (A org)',
            call: (auth) => auth(t.http.delete(`/api/v1/organizations/${a.tenantId}/members/${a.userId}`)),
        },
        {
            name: 'PATCH A member through own org',
            call: (auth) => auth(t.http.patch(`/api/v1/organizations/${b.tenantId}/members/${aMember.userId}`)).send({
                role: 'viewer',
            }),
        },
        {
            name: 'DELETE A member through own org',
            call: (auth) => auth(t.http.delete(`/api/v1/organizations/${b.tenantId}/members/${aMember.userId}`)),
        },
        { name: 'DELETE A api key', call: (auth) => auth(t.http.delete(`/api/v1/api-keys/${aKey.id}`)) },
        {
            name: 'GET api keys as A',
            call: (auth) => auth(t.http.get('/api/v1/api-keys')).set('X-Organization-Id', a.tenantId),
        },
        {
            name: 'GET audit logs as A',
            call: (auth) => auth(t.http.get('/api/v1/audit-logs')).set('X-Organization-Id', a.tenantId),
        },
    ];
    const callers = () => [
        { name: 'owner of B (JWT)', auth: (req) => req.set('Authorization', `Bearer ${b.accessToken}`) },
        { name: 'API key of B', auth: (0, auth_1.withApiKey)(bKey.key) },
    ];
    it('answers 404 for every route and caller', async () => {
        const results = [];
        for (const caller of callers()) {
            for (const route of routes()) {
                const res = await route.call(caller.auth);
                if (res.status !== 404)
                    results.push(`${caller.name} / ${route.name}: ${res.status}`);
            }
        }
        expect(results).toEqual([]);
    });
    it("left A's data untouched", async () => {
        const org = await a.auth(t.http.get(`/api/v1/organizations/${a.tenantId}`)).expect(200);
        expect(org.body.name).toBe('Tenant A');
        const members = await a.auth(t.http.get(`/api/v1/organizations/${a.tenantId}/members`)).expect(200);
        expect(members.body.members.map((m) => [m.userId, m.role]).sort()).toEqual([
            [a.userId, 'owner'],
            [aMember.userId, 'member'],
        ].sort());
        const keys = await a.auth(t.http.get('/api/v1/api-keys')).expect(200);
        expect(keys.body.items.find((k) => k.id === aKey.id).revokedAt).toBeNull();
        const bKeys = await b.auth(t.http.get('/api/v1/api-keys')).expect(200);
        expect(bKeys.body.items.map((k) => k.id)).not.toContain(aKey.id);
    });
});
//# sourceMappingURL=cross-tenant.e2e-spec.js.map