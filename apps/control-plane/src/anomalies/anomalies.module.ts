import { Module } from '@nestjs/common';
import { ResultsModule } from '../ingestion/results.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { TimeseriesModule } from '../timeseries/timeseries.module';
import { InsightsController } from './insights.controller';
import { InsightsService } from './insights.service';
import { MonitorsModule } from '../monitors/monitors.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RollupsModule } from '../timeseries/rollups.module';
import { AnomaliesController } from './anomalies.controller';
import { AnomaliesRepository } from './anomalies.repository';
import { AnomaliesService } from './anomalies.service';

/** Insights (item 6) and anomalies of response time and error rate against each monitor's own baseline (issue 19 item 5). */
@Module({
  imports: [MonitorsModule, RollupsModule, NotificationsModule, TimeseriesModule, ResultsModule, IncidentsModule],
  controllers: [AnomaliesController, InsightsController],
  providers: [AnomaliesService, AnomaliesRepository, InsightsService],
  exports: [AnomaliesService],
})
export class AnomaliesModule {}
