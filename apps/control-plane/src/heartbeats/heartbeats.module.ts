import { Module } from '@nestjs/common';
import { RateLimitStoreModule } from '../accounts/rate-limit.guard';
import { DecisionsModule } from '../decisions/decisions.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { PingController, PingTokenController } from './heartbeats.controller';
import { MonitorsModule } from '../monitors/monitors.module';
import { HeartbeatStateModule } from './heartbeat-state.module';
import { HeartbeatsService } from './heartbeats.service';

/** Heartbeat (cron) monitors: the ping endpoint and the checks the control plane judges itself. */
@Module({
  imports: [SchedulerModule, DecisionsModule, RateLimitStoreModule, MonitorsModule, HeartbeatStateModule],
  controllers: [PingController, PingTokenController],
  providers: [HeartbeatsService],
})
export class HeartbeatsModule {}
