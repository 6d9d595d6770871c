import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope, ApiErrors } from '../common/openapi';
import { CurrentPrincipal, Principal } from '../common/principal';
import { MtrView } from './dto/mtr.view';
import { WhoisView } from './dto/whois.view';
import { MtrService } from './mtr.service';
import { WhoisService } from './whois.service';

@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors')
export class ToolsController {
  constructor(
    private readonly whois: WhoisService,
    private readonly mtr: MtrService,
  ) {}

  @Get('tools/whois/:target')
  @ApiOperation({
    summary:
      'RDAP/WHOIS registration of a domain or an IP address, normalised, with the raw answer (rate-limited per account)',
  })
  @ApiParam({ name: 'target', example: 'example.com' })
  @ApiEnvelope(WhoisView)
  @ApiErrors(401, 404, 422, 429, 502)
  lookup(@CurrentPrincipal() p: Principal, @Param('target') target: string) {
    return this.whois.lookup(p, target);
  }

  @Get(':id/mtr')
  @ApiOperation({
    summary:
      "MTR from each region's probes to the monitor's target host: hops with address, loss, sent, best/avg/worst (rate-limited per account)",
  })
  @ApiParam({ name: 'id', example: 'mon_3k9x0q2m7d1v8b4n' })
  @ApiQuery({
    name: 'regions',
    required: false,
    description: "comma-separated; default: the monitor's regions",
    example: 'eu-west,us-east',
  })
  @ApiEnvelope(MtrView)
  @ApiErrors(401, 404, 422, 429)
  trace(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query('regions') regions?: string) {
    return this.mtr.run(p, id, regions);
  }
}
