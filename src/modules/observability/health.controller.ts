import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import Redis from 'ioredis';
import { Public } from '../../shared/http/auth.decorators';
import { ApiNoStoreDependency } from '../../shared/http/openapi.decorators';
import { RedisClient } from '../../shared/redis/redis.module';

const CHECK_TIMEOUT_MS = 1000;

const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer in ${ms} ms`)), ms).unref(),
    ),
  ]);

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(RedisClient) private readonly redis: Redis,
  ) {}

  @Get()
  @ApiNoStoreDependency()
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process is up and serving HTTP' })
  @ApiOkResponse({ description: 'Alive', schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  // Terminus documents its own 503 body, but a failed check is answered as problem+json (derived 503).
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ operationId: 'getReadiness', summary: 'Readiness: Postgres and Redis answer' })
  @ApiOkResponse({
    description: 'Ready; details per dependency',
    schema: {
      type: 'object',
      required: ['status'],
      properties: {
        status: { type: 'string', example: 'ok' },
        info: { type: 'object', additionalProperties: true, example: { postgres: { status: 'up' } } },
        error: { type: 'object', additionalProperties: true, example: {} },
        details: { type: 'object', additionalProperties: true, example: { postgres: { status: 'up' } } },
      },
    },
  })
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: CHECK_TIMEOUT_MS }),
      async () => {
        const indicator = this.indicators.check('redis');
        try {
          await withTimeout(this.redis.ping(), CHECK_TIMEOUT_MS, 'Redis');
          return indicator.up();
        } catch (e) {
          return indicator.down({ message: (e as Error).message });
        }
      },
    ]);
  }
}
