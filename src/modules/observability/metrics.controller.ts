import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import { Public } from '../../shared/http/auth.decorators';
import { ApiNoStoreDependency } from '../../shared/http/openapi.decorators';

@ApiTags('health')
@Public()
@Controller()
export class MetricsController extends PrometheusController {
  @Get()
  @ApiNoStoreDependency()
  @ApiProduces('text/plain')
  @ApiOperation({
    operationId: 'getMetrics',
    summary: 'Prometheus metrics (process defaults, HTTP histogram, in-flight gauge)',
  })
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  override index(@Res({ passthrough: true }) response: unknown) {
    return super.index(response);
  }
}
