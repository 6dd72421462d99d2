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
require("reflect-metadata");
const node_crypto_1 = require("node:crypto");
const argon2 = __importStar(require("argon2"));
const load_dotenv_1 = require("./config/load-dotenv");
const app_config_1 = require("./config/app-config");
const permissions_1 = require("./shared/context/permissions");
const domain_error_1 = require("./shared/domain/domain-error");
const tenant_id_1 = require("./shared/domain/tenant-id");
const ids_1 = require("./shared/domain/ids");
async function loadApp() {
    const [core, cls, logger, nestLogger, appModule, keys, sa, apiKeys, users, orgs] = await Promise.all([
        Promise.resolve().then(() => __importStar(require('@nestjs/core'))),
        Promise.resolve().then(() => __importStar(require('nestjs-cls'))),
        Promise.resolve().then(() => __importStar(require('./shared/logging/logger'))),
        Promise.resolve().then(() => __importStar(require('./shared/logging/nest-logger'))),
        Promise.resolve().then(() => __importStar(require('./app.module'))),
        Promise.resolve().then(() => __importStar(require('./modules/auth/application/signing-keys'))),
        Promise.resolve().then(() => __importStar(require('./modules/auth/application/service-accounts'))),
        Promise.resolve().then(() => __importStar(require('./modules/auth/application/api-keys.use-cases'))),
        Promise.resolve().then(() => __importStar(require('./modules/auth/application/user-sessions.use-cases'))),
        Promise.resolve().then(() => __importStar(require('./modules/tenancy/application/organizations.use-cases'))),
    ]);
    return {
        NestFactory: core.NestFactory,
        ClsService: cls.ClsService,
        createRootLogger: logger.createRootLogger,
        PinoNestLogger: nestLogger.PinoNestLogger,
        AppModule: appModule.AppModule,
        SigningKeys: keys.SigningKeys,
        IssueServiceToken: sa.IssueServiceToken,
        ServiceAccountCatalog: sa.ServiceAccountCatalog,
        CreateApiKey: apiKeys.CreateApiKey,
        RegisterUser: users.RegisterUser,
        GetOrganization: orgs.GetOrganization,
    };
}
const USAGE = `Usage: npm run cli -- <command> [options]

  keys:list                                   list signing keys and their status
  keys:rotate                                 next -> active, active -> retired, new next; prune expired
  keys:prune                                  remove retired keys whose tokens have all expired
  token:service <name> [--tenant <id>] [--scope "a b"]
                                              print an access token for a service account
  api-key:create --tenant <id> --name <name> --scopes a,b [--expires <ISO date>]
                                              create an API key (printed once)
  owner:create --email <e> --password <p> --name <n> --org <organization name>
                                              create a user owning a new organization
  service-account:secret                      make a client secret and its argon2id hash for the YAML catalog
`;
class UsageError extends Error {
}
function parseArgs(argv) {
    const [command, ...rest] = argv;
    const positional = [];
    const flags = {};
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        if (arg.startsWith('--')) {
            const value = rest[i + 1];
            if (value === undefined || value.startsWith('--'))
                throw new UsageError(`${arg} needs a value`);
            flags[arg.slice(2)] = value;
            i++;
        }
        else
            positional.push(arg);
    }
    return { command, positional, flags };
}
const need = (flags, name) => {
    const value = flags[name];
    if (!value)
        throw new UsageError(`--${name} is required`);
    return value;
};
async function withApp(work) {
    const m = await loadApp();
    const config = (0, app_config_1.loadConfig)(undefined, { LOG_LEVEL: 'warn' });
    const app = await m.NestFactory.createApplicationContext(m.AppModule.forRoot({ config, workers: false }), {
        logger: new m.PinoNestLogger(m.createRootLogger(config.logLevel)),
    });
    try {
        return await app.get(m.ClsService).run(() => work(app, m));
    }
    finally {
        await app.close();
    }
}
async function run(argv) {
    const { command, positional, flags } = parseArgs(argv);
    switch (command) {
        case 'keys:list':
            return withApp(async (app, m) => {
                const keys = await app.get(m.SigningKeys).list();
                console.table(keys.map((k) => ({
                    kid: k.kid,
                    status: k.status,
                    created: k.createdAt.toISOString(),
                    activated: k.activatedAt?.toISOString() ?? '',
                    retired: k.retiredAt?.toISOString() ?? '',
                })));
            });
        case 'keys:rotate':
            return withApp(async (app, m) => {
                const r = await app.get(m.SigningKeys).rotate();
                console.log(`active:  ${r.activeKid}\nretired: ${r.retiredKid ?? '-'}\nnext:    ${r.nextKid}`);
                if (r.removed.length)
                    console.log(`removed: ${r.removed.join(', ')}`);
            });
        case 'keys:prune':
            return withApp(async (app, m) => {
                const removed = await app.get(m.SigningKeys).prune();
                console.log(removed.length ? `removed: ${removed.join(', ')}` : 'nothing to remove');
            });
        case 'token:service':
            return withApp(async (app, m) => {
                const name = positional[0] ?? need(flags, 'name');
                const sa = app.get(m.ServiceAccountCatalog).findByName(name);
                if (!sa)
                    throw new UsageError(`No service account named "${name}" in the catalog`);
                const token = await app
                    .get(m.IssueServiceToken)
                    .issueFor(sa, flags.scope?.split(/[ ,]/).filter(Boolean), flags.tenant);
                console.log(token.access_token);
                console.error(`scope: ${token.scope}; expires in ${token.expires_in}s`);
            });
        case 'api-key:create': {
            const tenant = need(flags, 'tenant');
            if (!(0, ids_1.isUuid)(tenant))
                throw new UsageError('--tenant must be an organization id');
            const name = need(flags, 'name');
            const scopes = need(flags, 'scopes')
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
            const unknown = scopes.filter((s) => !permissions_1.SCOPES.includes(s));
            if (unknown.length)
                throw new UsageError(`Unknown scope(s): ${unknown.join(', ')}`);
            const expiresAt = flags.expires ? new Date(flags.expires) : undefined;
            if (expiresAt && Number.isNaN(expiresAt.getTime()))
                throw new UsageError('--expires must be an ISO date');
            return withApp(async (app, m) => {
                await app.get(m.GetOrganization).execute((0, tenant_id_1.asTenantId)(tenant));
                const key = await app
                    .get(m.CreateApiKey)
                    .execute((0, tenant_id_1.asTenantId)(tenant), null, { name, scopes, expiresAt });
                console.log(key.key);
                console.error(`id: ${key.id}; prefix: ${key.prefix}; scopes: ${key.scopes.join(' ')} (the key is shown only once)`);
            });
        }
        case 'owner:create': {
            const input = {
                email: need(flags, 'email'),
                password: need(flags, 'password'),
                name: need(flags, 'name'),
                organizationName: need(flags, 'org'),
            };
            return withApp(async (app, m) => {
                const result = await app.get(m.RegisterUser).execute(input);
                console.log(`user:         ${result.user.id} (${result.user.email})`);
                console.log(`organization: ${result.organization.id} (${result.organization.name})`);
            });
        }
        case 'service-account:secret': {
            const secret = `sk_${(0, node_crypto_1.randomBytes)(32).toString('base64url')}`;
            const hash = await argon2.hash(secret, {
                type: argon2.argon2id,
                memoryCost: 19_456,
                timeCost: 2,
                parallelism: 1,
            });
            console.log(`client secret (give it to the client, store it nowhere else): ${secret}`);
            console.log(`clientSecretHash for the YAML catalog: '${hash}'`);
            return;
        }
        case undefined:
        case 'help':
        case '--help':
            console.log(USAGE);
            return;
        default:
            throw new UsageError(`Unknown command "${command}"`);
    }
}
(0, load_dotenv_1.loadDotenv)();
run(process.argv.slice(2)).then(() => process.exit(0), (error) => {
    if (error instanceof UsageError)
        console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof app_config_1.ConfigError)
        console.error(error.message);
    else if (error instanceof domain_error_1.DomainError)
        console.error(`${error.code}: ${error.message}`);
    else
        console.error(error);
    process.exit(error instanceof UsageError ? 2 : 1);
});
//# sourceMappingURL=cli.js.map