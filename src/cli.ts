import './shared/runtime/require-node';
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { loadDotenv } from './config/load-dotenv';
import { ConfigError } from './config/app-config';
import { loadConfigWithSecrets } from './config/vault-secrets';
import { SCOPES } from './shared/context/permissions';
import { DomainError } from './shared/domain/domain-error';
import { asTenantId } from './shared/domain/tenant-id';
import { isUuid } from './shared/domain/ids';

/** The application is imported only by commands that need it, so `help` and usage errors answer at once. */
async function loadApp() {
  const [core, cls, logger, nestLogger, appModule, keys, tokens, catalog, apiKeys, owners, orgs] =
    await Promise.all([
      import('@nestjs/core'),
      import('nestjs-cls'),
      import('./shared/logging/logger'),
      import('./shared/logging/nest-logger'),
      import('./app.module'),
      import('./modules/auth/application/signing-keys'),
      import('./modules/auth/application/issue-service-token.use-case'),
      import('./modules/auth/application/service-account-catalog'),
      import('./modules/auth/application/create-api-key.use-case'),
      import('./modules/auth/application/create-owner.use-case'),
      import('./modules/tenancy/application/get-organization.use-case'),
    ]);
  return {
    NestFactory: core.NestFactory,
    ClsService: cls.ClsService,
    createRootLogger: logger.createRootLogger,
    PinoNestLogger: nestLogger.PinoNestLogger,
    AppModule: appModule.AppModule,
    SigningKeys: keys.SigningKeys,
    IssueServiceToken: tokens.IssueServiceToken,
    ServiceAccountCatalog: catalog.ServiceAccountCatalog,
    CreateApiKey: apiKeys.CreateApiKey,
    CreateOwner: owners.CreateOwner,
    GetOrganization: orgs.GetOrganization,
  };
}
type App = Awaited<ReturnType<typeof loadApp>>;

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

class UsageError extends Error {}

function parseArgs(argv: string[]): {
  command?: string;
  positional: string[];
  flags: Record<string, string>;
} {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('--')) {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      flags[arg.slice(2)] = value;
      i++;
    } else positional.push(arg);
  }
  return { command, positional, flags };
}

const need = (flags: Record<string, string>, name: string): string => {
  const value = flags[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
};

async function withApp<T>(work: (app: INestApplicationContext, m: App) => Promise<T>): Promise<T> {
  const m = await loadApp();
  // The CLI prints its own output; only warnings and errors from the app are logged.
  const config = await loadConfigWithSecrets(undefined, { LOG_LEVEL: 'warn' });
  const app = await m.NestFactory.createApplicationContext(m.AppModule.forRoot({ config, workers: false }), {
    logger: new m.PinoNestLogger(m.createRootLogger(config.logLevel)),
  });
  try {
    // Use cases expect a request context (transactions, audit actor): give them one per command.
    return await app.get(m.ClsService).run(() => work(app, m));
  } finally {
    await app.close();
  }
}

async function run(argv: string[]): Promise<void> {
  const { command, positional, flags } = parseArgs(argv);
  switch (command) {
    case 'keys:list':
      return withApp(async (app, m) => {
        const keys = await app.get(m.SigningKeys).list();
        console.table(
          keys.map((k) => ({
            kid: k.kid,
            status: k.status,
            created: k.createdAt.toISOString(),
            activated: k.activatedAt?.toISOString() ?? '',
            retired: k.retiredAt?.toISOString() ?? '',
          })),
        );
      });
    case 'keys:rotate':
      return withApp(async (app, m) => {
        const r = await app.get(m.SigningKeys).rotate();
        console.log(`active:  ${r.activeKid}\nretired: ${r.retiredKid ?? '-'}\nnext:    ${r.nextKid}`);
        if (r.removed.length) console.log(`removed: ${r.removed.join(', ')}`);
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
        if (!sa) throw new UsageError(`No service account named "${name}" in the catalog`);
        const token = await app
          .get(m.IssueServiceToken)
          .issueFor(sa, flags.scope?.split(/[ ,]/).filter(Boolean), flags.tenant);
        console.log(token.access_token);
        console.error(`scope: ${token.scope}; expires in ${token.expires_in}s`);
      });
    case 'api-key:create': {
      const tenant = need(flags, 'tenant');
      if (!isUuid(tenant)) throw new UsageError('--tenant must be an organization id');
      const name = need(flags, 'name');
      const scopes = need(flags, 'scopes')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
      if (unknown.length) throw new UsageError(`Unknown scope(s): ${unknown.join(', ')}`);
      const expiresAt = flags.expires ? new Date(flags.expires) : undefined;
      if (expiresAt && Number.isNaN(expiresAt.getTime()))
        throw new UsageError('--expires must be an ISO date');
      return withApp(async (app, m) => {
        await app.get(m.GetOrganization).execute(asTenantId(tenant));
        const key = await app
          .get(m.CreateApiKey)
          .execute(asTenantId(tenant), null, { name, scopes, expiresAt });
        console.log(key.key);
        console.error(
          `id: ${key.id}; prefix: ${key.prefix}; scopes: ${key.scopes.join(' ')} (the key is shown only once)`,
        );
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
        const result = await app.get(m.CreateOwner).execute(input);
        console.log(`user:         ${result.user.id} (${result.user.email})`);
        console.log(`organization: ${result.organization.id} (${result.organization.name})`);
      });
    }
    case 'service-account:secret': {
      const secret = `sk_${randomBytes(32).toString('base64url')}`;
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

loadDotenv();
run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof DomainError) console.error(`${error.code}: ${error.message}`);
    else console.error(error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
