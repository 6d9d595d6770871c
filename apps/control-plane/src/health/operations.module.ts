import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { IncidentsModule } from '../incidents/incidents.module';
import { MetricsController } from '../metrics/metrics.controller';
import { OperationsService } from '../metrics/operations.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { HealthController } from './health.controller';

/** /metrics and /health/*, served outside the /api/v1 prefix. */
@Module({
  imports: [TerminusModule, IncidentsModule, RegionsModule, NotificationsModule],
  controllers: [HealthController, MetricsController],
  providers: [OperationsService],
})
export class OperationsModule {}
