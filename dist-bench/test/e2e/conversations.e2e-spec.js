"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const fake_openai_1 = require("../fakes/fake-openai");
const fake_openai_setup_1 = require("../fakes/fake-openai-setup");
const clock_port_1 = require("../../src/shared/domain/clock.port");
const purge_deleted_conversations_use_case_1 = require("../../src/modules/conversations/application/purge-deleted-conversations.use-case");
describe('conversations', () => {
    let fake;
    let t;
    let owner;
    let other;
    const clock = new clock_port_1.FixedClock(new Date('2026-11-01T10:00:00Z'));
    const agents = {};
    const newAgent = async (who, slug) => (await who
        .auth(t.http.post('/api/v1/agents'))
        .send({ name: slug, slug, model: 'gpt-4o-mini' })
        .expect(201)).body.id;
    const chat = async (agentId, body, who = owner) => {
        clock.advance(1000);
        return (await who
            .auth(t.http.post(`/api/v1/agents/${agentId}/chat`))
            .send(body)
            .expect(200)).body;
    };
    beforeAll(async () => {
        fake = await (0, fake_openai_1.startFakeOpenAi)();
        t = await (0, test_app_1.startTestApp)({ clock, env: (0, fake_openai_setup_1.chatEnv)(fake, { CONVERSATION_RETENTION_DAYS: '30' }) });
        [owner, other] = await Promise.all([(0, auth_1.signUp)(t), (0, auth_1.signUp)(t)]);
        agents.a = await newAgent(owner, 'conv-a');
        agents.b = await newAgent(owner, 'conv-b');
    });
    afterAll(async () => {
        await t.close();
        await fake.close();
    });
    it('lists newest first with a stable cursor and filters by agent and external user', async () => {
        const ids = [];
        for (let i = 0; i < 5; i++)
            ids.push((await chat(i % 2 ? agents.b : agents.a, {
                message: `topic ${i}`,
                externalUserId: i < 2 ? 'u1' : 'u2',
            })).conversationId);
        const seen = [];
        let cursor = null;
        do {
            const res = await owner
                .auth(t.http.get('/api/v1/conversations').query({ limit: 2, ...(cursor ? { cursor } : {}) }))
                .expect(200);
            seen.push(...res.body.items.map((c) => c.id));
            cursor = res.body.nextCursor;
        } while (cursor);
        expect(seen).toEqual([...ids].reverse());
        const byAgent = await owner
            .auth(t.http.get('/api/v1/conversations').query({ agentId: agents.b }))
            .expect(200);
        expect(byAgent.body.items.map((c) => c.id)).toEqual([ids[3], ids[1]]);
        const byUser = await owner
            .auth(t.http.get('/api/v1/conversations').query({ externalUserId: 'u1' }))
            .expect(200);
        expect(byUser.body.items.map((c) => c.id)).toEqual([ids[1], ids[0]]);
        await owner.auth(t.http.get('/api/v1/conversations').query({ agentId: 'x' })).expect(400);
    });
    it('titles by the first user message, keeps summary counters, and pages messages', async () => {
        const long = `   Please   help me ${'with a very long question '.repeat(10)}`;
        const first = await chat(agents.a, { message: long });
        await chat(agents.a, { message: 'second', conversationId: first.conversationId });
        await chat(agents.a, { message: 'third', conversationId: first.conversationId });
        const res = await owner
            .auth(t.http.get(`/api/v1/conversations/${first.conversationId}`).query({ limit: 4 }))
            .expect(200);
        expect(res.body.title.startsWith('Please help me with a very long question')).toBe(true);
        expect(res.body.title.length).toBeLessThanOrEqual(80);
        expect(res.body.messageCount).toBe(6);
        expect(res.body.promptTokens).toBeGreaterThan(0);
        expect(res.body.lastMessageAt).toBe(clock.now().toISOString());
        expect(res.body.messages.items).toHaveLength(4);
        const next = await owner
            .auth(t.http
            .get(`/api/v1/conversations/${first.conversationId}`)
            .query({ limit: 4, cursor: res.body.messages.nextCursor }))
            .expect(200);
        expect(next.body.messages.items.map((m) => m.content)).toEqual(['third', 'Echo: third']);
        expect(next.body.messages.nextCursor).toBeNull();
    });
    it('renames, soft-deletes, and purges after the retention period', async () => {
        const { conversationId } = await chat(agents.a, { message: 'to be deleted' });
        const renamed = await owner
            .auth(t.http.patch(`/api/v1/conversations/${conversationId}`))
            .send({ title: '  New   name ' })
            .expect(200);
        expect(renamed.body.title).toBe('New name');
        await owner
            .auth(t.http.patch(`/api/v1/conversations/${conversationId}`))
            .send({ title: '' })
            .expect(400);
        await owner.auth(t.http.delete(`/api/v1/conversations/${conversationId}`)).expect(204);
        await owner.auth(t.http.get(`/api/v1/conversations/${conversationId}`)).expect(404);
        await owner.auth(t.http.delete(`/api/v1/conversations/${conversationId}`)).expect(404);
        await owner
            .auth(t.http.post(`/api/v1/agents/${agents.a}/chat`))
            .send({ message: 'x', conversationId })
            .expect(404);
        const list = await owner.auth(t.http.get('/api/v1/conversations')).expect(200);
        expect(list.body.items.map((c) => c.id)).not.toContain(conversationId);
        expect(await (0, fake_openai_setup_1.sql)(t, 'SELECT 1 FROM conversations WHERE id = $1', [conversationId])).toHaveLength(1);
        const purge = t.app.get(purge_deleted_conversations_use_case_1.PurgeDeletedConversations);
        clock.advance(29 * 24 * 3600 * 1000);
        await purge.execute();
        expect(await (0, fake_openai_setup_1.sql)(t, 'SELECT 1 FROM conversations WHERE id = $1', [conversationId])).toHaveLength(1);
        clock.advance(2 * 24 * 3600 * 1000);
        expect(await purge.execute()).toBeGreaterThanOrEqual(1);
        expect(await (0, fake_openai_setup_1.sql)(t, 'SELECT 1 FROM conversations WHERE id = $1', [conversationId])).toHaveLength(0);
        expect(await (0, fake_openai_setup_1.sql)(t, 'SELECT 1 FROM messages WHERE conversation_id = $1', [conversationId])).toHaveLength(0);
        clock.advance(-31 * 24 * 3600 * 1000);
    });
    it("answers another organization's conversation with 404 on every route", async () => {
        const { conversationId } = await chat(agents.a, { message: 'secret' });
        await other.auth(t.http.get(`/api/v1/conversations/${conversationId}`)).expect(404);
        await other
            .auth(t.http.patch(`/api/v1/conversations/${conversationId}`))
            .send({ title: 'mine' })
            .expect(404);
        await other.auth(t.http.delete(`/api/v1/conversations/${conversationId}`)).expect(404);
        const theirs = await other.auth(t.http.get('/api/v1/conversations')).expect(200);
        expect(theirs.body.items).toEqual([]);
        const filtered = await other
            .auth(t.http.get('/api/v1/conversations').query({ agentId: agents.a }))
            .expect(200);
        expect(filtered.body.items).toEqual([]);
        await owner.auth(t.http.get(`/api/v1/conversations/${conversationId}`)).expect(200);
        await owner.auth(t.http.get('/api/v1/conversations/not-a-uuid')).expect(404);
    });
});
//# sourceMappingURL=conversations.e2e-spec.js.map