"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const root = (0, node_path_1.join)(__dirname, '../..');
function cli(args) {
    return new Promise((resolve) => {
        (0, node_child_process_1.execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, timeout: 150_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });
}
jest.setTimeout(180_000);
describe('CLI', () => {
    let t;
    beforeAll(async () => {
        t = await (0, test_app_1.startTestApp)();
    });
    afterAll(() => t.close());
    it('creates an API key for a tenant that then authenticates', async () => {
        const owner = await (0, auth_1.signUp)(t);
        const key = await cli([
            'api-key:create',
            '--tenant',
            owner.tenantId,
            '--name',
            'ci',
            '--scopes',
            'agents:read,usage:read',
        ]);
        expect(key.stderr).toMatch(/shown only once/);
        expect(key.code).toBe(0);
        const secret = key.stdout.trim();
        expect(secret).toMatch(/^tg_live_/);
        const me = await (0, auth_1.withApiKey)(secret)(t.http.get('/api/v1/auth/me')).expect(200);
        expect(me.body).toMatchObject({
            kind: 'api_key',
            tenantId: owner.tenantId,
            scopes: ['agents:read', 'usage:read'],
        });
        const audit = await owner.auth(t.http.get('/api/v1/audit-logs?action=api_key.created')).expect(200);
        expect(audit.body.items[0]).toMatchObject({ actorKind: 'cli' });
    });
    it('exits 2 with the usage on bad input, before starting the app', async () => {
        const unknown = await cli(['no-such-command']);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toMatch(/Unknown command[\s\S]*Usage: npm run cli/);
        const missing = await cli([
            'api-key:create',
            '--tenant',
            'not-a-uuid',
            '--name',
            'x',
            '--scopes',
            'agents:read',
        ]);
        expect(missing.code).toBe(2);
    });
});
//# sourceMappingURL=auth-cli.int-spec.js.map