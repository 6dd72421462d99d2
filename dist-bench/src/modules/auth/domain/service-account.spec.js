"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const service_account_1 = require("./service-account");
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';
const account = (over = {}) => ({
    name: 'exporter',
    clientId: 'sa_exporter',
    clientSecretHash: HASH,
    scopes: ['usage:read'],
    tenants: 'all',
    ...over,
});
describe('service account catalog', () => {
    it('accepts a valid catalog', () => {
        const parsed = service_account_1.serviceAccountCatalogSchema.parse({ serviceAccounts: [account()] });
        expect((0, service_account_1.mayUseTenant)(parsed.serviceAccounts[0], '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11')).toBe(true);
    });
    it('refuses unknown scopes, plaintext secrets, bad tenant ids and duplicates', () => {
        const bad = [
            [account({ scopes: ['root'] })],
            [account({ clientSecretHash: 'hunter2' })],
            [account({ tenants: ['acme'] })],
            [account(), account({ clientId: 'other' })],
        ];
        for (const serviceAccounts of bad) {
            expect(service_account_1.serviceAccountCatalogSchema.safeParse({ serviceAccounts }).success).toBe(false);
        }
    });
    it('limits listed tenants', () => {
        const sa = service_account_1.serviceAccountCatalogSchema.parse({
            serviceAccounts: [account({ tenants: ['5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11'] })],
        }).serviceAccounts[0];
        expect((0, service_account_1.mayUseTenant)(sa, '5B0D6A4E-3F7A-4C2B-9A57-0C1E1F5D9A11')).toBe(true);
        expect((0, service_account_1.mayUseTenant)(sa, '00000000-0000-4000-8000-000000000000')).toBe(false);
    });
});
//# sourceMappingURL=service-account.spec.js.map