import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@ApiSecurity('api_key')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({ summary: 'Configured regions, their online probes and health' })
  async list() {
    const { regions, unknown_region_probes } = await this.regions.list();
    return new Paged(regions, { total: regions.length, unknown_region_probes });
  }
}
