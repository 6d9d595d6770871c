import { Module } from '@nestjs/common';
import { MonitorsModule } from '../monitors/monitors.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RollupsModule } from '../timeseries/rollups.module';
import { AnomaliesController } from './anomalies.controller';
import { AnomaliesRepository } from './anomalies.repository';
import { AnomaliesService } from './anomalies.service';

/** Anomalies of response time and error rate against each monitor's own baseline (issue 19 item 5). */
@Module({
  imports: [MonitorsModule, RollupsModule, NotificationsModule],
  controllers: [AnomaliesController],
  providers: [AnomaliesService, AnomaliesRepository],
  exports: [AnomaliesService],
})
export class AnomaliesModule {}
