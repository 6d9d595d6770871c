import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope, ApiErrors } from '../common/openapi';
import { CurrentPrincipal, Principal } from '../common/principal';
import { WhoisView } from './dto/whois.view';
import { WhoisService } from './whois.service';

@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors/tools')
export class ToolsController {
  constructor(private readonly whois: WhoisService) {}

  @Get('whois/:target')
  @ApiOperation({ summary: 'RDAP/WHOIS registration of a domain or an IP address, normalised, with the raw answer (rate-limited per account)' })
  @ApiParam({ name: 'target', example: 'example.com' })
  @ApiEnvelope(WhoisView)
  @ApiErrors(401, 404, 422, 429, 502)
  lookup(@CurrentPrincipal() p: Principal, @Param('target') target: string) {
    return this.whois.lookup(p, target);
  }
}
