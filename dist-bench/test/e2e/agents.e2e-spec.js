"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const agents_1 = require("../../src/shared/contracts/agents");
const tenant_id_1 = require("../../src/shared/domain/tenant-id");
const PROBLEM = /application\/problem\+json/;
describe('agents catalog and tools', () => {
    let t;
    let owner;
    let other;
    beforeAll(async () => {
        t = await (0, test_app_1.startTestApp)({ env: { TOOLS_HTTP_ALLOWLIST: 'example.com' } });
        [owner, other] = await Promise.all([(0, auth_1.signUp)(t), (0, auth_1.signUp)(t)]);
    });
    afterAll(() => t.close());
    const create = (who, body) => who.auth(t.http.post('/api/v1/agents')).send({ name: 'Helper', model: 'gpt-4o-mini', ...body });
    it('creates, reads, lists, updates and archives an agent', async () => {
        const res = await create(owner, {
            slug: 'crud-agent',
            description: 'Answers billing questions',
            instructions: 'Be brief.',
            temperature: 0.2,
            maxTokens: 256,
            tools: ['calculator', 'current_time'],
            externalId: 'crm-1',
            metadata: { team: 'support' },
        }).expect(201);
        expect(res.body).toMatchObject({
            slug: 'crud-agent',
            status: 'active',
            provider: 'default',
            tools: ['calculator', 'current_time'],
            temperature: 0.2,
            maxTokens: 256,
            externalId: 'crm-1',
            metadata: { team: 'support' },
        });
        const id = res.body.id;
        await owner.auth(t.http.get(`/api/v1/agents/${id}`)).expect(200);
        const patched = await owner
            .auth(t.http.patch(`/api/v1/agents/${id}`))
            .send({ name: 'Helper 2', status: 'paused', externalId: null })
            .expect(200);
        expect(patched.body).toMatchObject({
            name: 'Helper 2',
            status: 'paused',
            externalId: null,
            slug: 'crud-agent',
        });
        const list = await owner.auth(t.http.get('/api/v1/agents?status=paused')).expect(200);
        expect(list.body.items.map((a) => a.id)).toContain(id);
        await owner.auth(t.http.delete(`/api/v1/agents/${id}`)).expect(204);
        const archived = await owner.auth(t.http.get(`/api/v1/agents/${id}`)).expect(200);
        expect(archived.body.status).toBe('archived');
    });
    it('paginates with a stable cursor, newest first', async () => {
        const who = await (0, auth_1.signUp)(t);
        for (let i = 0; i < 5; i++)
            await create(who, { slug: `page-${i}` }).expect(201);
        const seen = [];
        let cursor = null;
        do {
            const res = await who
                .auth(t.http.get('/api/v1/agents').query({ limit: 2, ...(cursor ? { cursor } : {}) }))
                .expect(200);
            seen.push(...res.body.items.map((a) => a.slug));
            cursor = res.body.nextCursor;
        } while (cursor);
        expect(seen).toEqual(['page-4', 'page-3', 'page-2', 'page-1', 'page-0']);
    });
    it('rejects unknown tools, unpriced models, unknown providers, bad input and big metadata with 400', async () => {
        const tool = await create(owner, { slug: 'bad-tool', tools: ['calculator', 'rm_rf'] }).expect(400);
        expect(tool.headers['content-type']).toMatch(PROBLEM);
        expect(tool.body.errors).toEqual([{ field: 'tools', message: 'unknown tool "rm_rf"' }]);
        const model = await create(owner, { slug: 'bad-model', model: 'gpt-nope' }).expect(400);
        expect(model.body.errors[0].field).toBe('model');
        await create(owner, { slug: 'bad-provider', provider: 'nowhere' }).expect(400);
        await create(owner, { slug: 'Bad Slug!' }).expect(400);
        await create(owner, { slug: 'bad-temp', temperature: 7 }).expect(400);
        await create(owner, { slug: 'bad-extra', surprise: true }).expect(400);
        const big = await create(owner, { slug: 'big-meta', metadata: { blob: 'x'.repeat(9000) } }).expect(400);
        expect(big.body.code).toBe('metadata_too_large');
        await owner.auth(t.http.get('/api/v1/agents?limit=1000')).expect(400);
        await owner.auth(t.http.get('/api/v1/agents?cursor=garbage')).expect(400);
    });
    it('answers a taken slug with 409', async () => {
        await create(owner, { slug: 'dup-slug' }).expect(201);
        const res = await create(owner, { slug: 'dup-slug' }).expect(409);
        expect(res.body.code).toBe('agent_slug_taken');
        await create(other, { slug: 'dup-slug' }).expect(201);
    });
    it("answers another organization's agent with 404 on every id route", async () => {
        const mine = (await create(owner, { slug: 'private-agent' }).expect(201)).body.id;
        await other.auth(t.http.get(`/api/v1/agents/${mine}`)).expect(404);
        await other
            .auth(t.http.patch(`/api/v1/agents/${mine}`))
            .send({ name: 'x' })
            .expect(404);
        await other.auth(t.http.delete(`/api/v1/agents/${mine}`)).expect(404);
        await other.auth(t.http.get(`/api/v1/agents/${mine}/status`)).expect(404);
        await other
            .auth(t.http.post(`/api/v1/agents/${mine}/chat`))
            .send({ message: 'hi' })
            .expect(404);
        await owner.auth(t.http.get('/api/v1/agents/not-a-uuid')).expect(404);
        const directory = t.app.get(agents_1.AgentDirectory);
        expect(await directory.find((0, tenant_id_1.asTenantId)(other.tenantId), mine)).toBeNull();
        expect(await directory.find((0, tenant_id_1.asTenantId)(owner.tenantId), mine)).toMatchObject({
            id: mine,
            slug: 'private-agent',
        });
    });
    it('needs agents scopes: an API key without them gets 403', async () => {
        const key = await (0, auth_1.createApiKey)(t, owner, ['chat:invoke']);
        await (0, auth_1.withApiKey)(key.key)(t.http.post('/api/v1/agents'))
            .send({ name: 'x', slug: 'x', model: 'gpt-4o-mini' })
            .expect(403);
    });
    it('lists the tools; web_search is unavailable without a Tavily key', async () => {
        const res = await owner.auth(t.http.get('/api/v1/tools')).expect(200);
        const byName = Object.fromEntries(res.body.items.map((x) => [x.name, x]));
        expect(Object.keys(byName).sort()).toEqual(['calculator', 'current_time', 'http_get', 'web_search']);
        expect(byName.web_search.available).toBe(false);
        expect(byName.http_get.available).toBe(true);
        expect(byName.calculator.parameters).toMatchObject({ type: 'object', required: ['expression'] });
    });
    it('reports status with zero activity for a new agent', async () => {
        const id = (await create(owner, { slug: 'status-agent' }).expect(201)).body.id;
        const res = await owner.auth(t.http.get(`/api/v1/agents/${id}/status`)).expect(200);
        expect(res.body).toEqual({
            agentId: id,
            status: 'active',
            lastActiveAt: null,
            conversations24h: 0,
            messages24h: 0,
            promptTokens24h: 0,
            completionTokens24h: 0,
            requests24h: 0,
        });
    });
});
//# sourceMappingURL=agents.e2e-spec.js.map