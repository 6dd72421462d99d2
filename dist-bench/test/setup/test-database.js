"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.adminUrl = adminUrl;
exports.databaseUrl = databaseUrl;
exports.withAdmin = withAdmin;
const pg_1 = require("pg");
function adminUrl() {
    const base = process.env.TEST_DATABASE_ADMIN_URL ??
        process.env.DATABASE_URL ??
        'postgres://postgres@127.0.0.1:5432/postgres';
    const url = new URL(base);
    url.pathname = '/postgres';
    return url.toString();
}
function databaseUrl(name) {
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    return url.toString();
}
async function withAdmin(fn) {
    const client = new pg_1.Client({ connectionString: adminUrl() });
    await client.connect();
    try {
        return await fn(client);
    }
    finally {
        await client.end();
    }
}
//# sourceMappingURL=test-database.js.map