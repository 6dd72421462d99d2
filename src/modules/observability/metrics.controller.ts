import { Controller, Get, Headers, Res } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { UnauthenticatedError } from '../../shared/domain/domain-error';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import { Public } from '../../shared/http/auth.decorators';
import { ApiNoStoreDependency, ApiProblems } from '../../shared/http/openapi.decorators';

@ApiTags('health')
@Public()
@Controller()
export class MetricsController extends PrometheusController {
  constructor(private readonly config: AppConfig) {
    super();
  }

  @Get()
  @ApiNoStoreDependency()
  @ApiProblems(401)
  @ApiProduces('text/plain')
  @ApiOperation({
    operationId: 'getMetrics',
    summary: 'Prometheus metrics (process defaults, HTTP histogram, in-flight gauge)',
    description:
      'When the service sets METRICS_TOKEN, send it as `Authorization: Bearer <METRICS_TOKEN>` ' +
      '(not a user token or API key); without it the answer is 401 `metrics_token_required`.',
  })
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  override index(
    @Res({ passthrough: true }) response: unknown,
    @Headers('authorization') authorization?: string,
  ) {
    const token = this.config.metricsToken;
    if (token && !sameSecret(authorization ?? '', `Bearer ${token}`))
      throw new UnauthenticatedError(
        'GET /metrics needs the METRICS_TOKEN bearer token',
        'metrics_token_required',
      );
    return super.index(response);
  }
}

/** Constant-time comparison of two strings of any length (hashes first, so lengths do not leak). */
const sameSecret = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
