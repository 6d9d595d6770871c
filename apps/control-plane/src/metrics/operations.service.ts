import { Injectable } from '@nestjs/common';
import { IncidentsService } from '../incidents/incidents.service';
import { RegionsService } from '../regions/regions.service';
import { MetricsService } from './metrics.service';

/** Gauges read from the database when Prometheus scrapes. */
@Injectable()
export class OperationsService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly incidents: IncidentsService,
    private readonly regions: RegionsService,
  ) {}

  async refreshGauges(): Promise<void> {
    this.metrics.openIncidents.set(await this.incidents.countOpen());
    await this.regions.refreshGauge();
  }
}
