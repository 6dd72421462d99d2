import {
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  Injectable,
  Module,
  NestInterceptor,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClsModule, ClsService } from 'nestjs-cls';
import { Principal } from '../context/principal';
import { RequestContextStore } from '../context/request-context';
import { ConflictError } from '../domain/domain-error';
import { asTenantId } from '../domain/tenant-id';
import { currentPrincipal, Scopes } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import { DirectRoute, installDirectRoutes } from './direct-route';
import { PrincipalResolver } from './principal-resolver.port';
import { ProblemDetailsFilter } from './problem-details.filter';

const calls = { intercepted: 0 };

@Injectable()
class CountingInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler) {
    calls.intercepted++;
    return next.handle();
  }
}

/** "Bearer <scope>,<scope>" is an API key holding those scopes; no header, no principal. */
class ScopesFromHeader extends PrincipalResolver {
  resolve(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (!header) return Promise.resolve(null);
    const scopes = header.slice('Bearer '.length).split(',');
    return Promise.resolve({
      kind: 'api_key',
      id: 'key-1',
      tenantId: asTenantId('00000000-0000-4000-8000-000000000001'),
      scopes,
    });
  }
}

@Controller('things')
class ThingsController {
  @Post('direct')
  @Scopes('things:write')
  @DirectRoute()
  async create(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if ((request.body as { clash?: boolean }).clash) throw new ConflictError('clash', 'The thing clashes');
    await reply.status(201).send({ by: currentPrincipal().id });
  }

  @Get('nest')
  @Scopes('things:read')
  read(): { ok: boolean } {
    return { ok: true };
  }
}

@Controller('broken')
class BrokenController {
  // No HTTP method decorator: Nest registers no route, so the direct handler can never be installed.
  @DirectRoute()
  async orphan(@Req() _request: FastifyRequest, @Res() _reply: FastifyReply): Promise<void> {}
}

async function appWith(controllers: Array<new () => unknown>) {
  @Module({
    imports: [DiscoveryModule, ClsModule.forRoot({ global: true })],
    controllers,
    providers: [
      { provide: PrincipalResolver, useClass: ScopesFromHeader },
      AuthGuard,
      { provide: APP_GUARD, useExisting: AuthGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      { provide: APP_INTERCEPTOR, useClass: CountingInterceptor },
    ],
  })
  class TestModule {}
  const app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), {
    logger: false,
  });
  const cls: ClsService<RequestContextStore> = app.get(ClsService);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => cls.runWith({ requestId: String(request.id) }, done));
  const direct = installDirectRoutes(app);
  await app.init();
  return { app, direct };
}

describe('@DirectRoute()', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    ({ app } = await appWith([ThingsController]));
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());
  beforeEach(() => (calls.intercepted = 0));

  const post = (body: object, scopes?: string) =>
    app.inject({
      method: 'POST',
      url: '/things/direct',
      headers: scopes ? { authorization: `Bearer ${scopes}` } : {},
      payload: body,
    });

  it("is served without Nest's pipeline: no interceptor runs, unlike on the other routes", async () => {
    const res = await post({}, 'things:write');
    expect([res.statusCode, res.json()]).toEqual([201, { by: 'key-1' }]);
    expect(calls.intercepted).toBe(0);

    const nest = await app.inject({
      method: 'GET',
      url: '/things/nest',
      headers: { authorization: 'Bearer things:read' },
    });
    expect(nest.statusCode).toBe(200);
    expect(calls.intercepted).toBe(1);
  });

  it('still checks the caller as the guard does: 401 without credentials, 403 without the scope', async () => {
    const anonymous = await post({});
    expect([anonymous.statusCode, anonymous.headers['content-type']]).toEqual([
      401,
      'application/problem+json; charset=utf-8',
    ]);
    const readOnly = await post({}, 'things:read');
    expect([readOnly.statusCode, readOnly.json().detail]).toEqual([
      403,
      'This needs the scope(s): things:write',
    ]);
  });

  it("answers the handler's errors as problem+json", async () => {
    const res = await post({ clash: true }, 'things:write');
    expect([res.statusCode, res.headers['content-type'], res.json().code]).toEqual([
      409,
      'application/problem+json; charset=utf-8',
      'clash',
    ]);
  });

  it('refuses to start when a marked handler was never registered as a route', async () => {
    const { app: broken, direct } = await appWith([BrokenController]);
    try {
      expect(() => direct.verify()).toThrow(
        '@DirectRoute() handlers not registered: BrokenController.orphan',
      );
    } finally {
      await broken.close();
    }
  });
});
