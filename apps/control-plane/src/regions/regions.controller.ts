import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { RegionsService } from './regions.service';
import { ApiEnvelopeList, ApiErrors } from '../common/openapi';
import { RegionView, RegionsMetaView } from './dto/region.view';

@ApiTags('regions')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({ summary: 'Configured regions: health, probes online (count, versions, load; no probe ids)' })
  @ApiEnvelopeList(RegionView, { meta: RegionsMetaView })
  @ApiErrors(401, 429)
  async list() {
    const { regions, unknown_region_probes } = await this.regions.list();
    return new Paged(regions, { total: regions.length, unknown_region_probes });
  }
}
