import { Module } from '@nestjs/common';
import { HeartbeatStateService } from './heartbeat-state.service';
import { HeartbeatsRepository } from './heartbeats.repository';

/** The heartbeats context's state table (`heartbeat_state`), for the heartbeats module and the monitors context. */
@Module({
  providers: [HeartbeatsRepository, HeartbeatStateService],
  exports: [HeartbeatsRepository, HeartbeatStateService],
})
export class HeartbeatStateModule {}
