import { Module } from '@nestjs/common';
import { MonitorsModule } from '../monitors/monitors.module';
import { MtrService } from './mtr.service';
import { ToolRateLimiter } from './tool-rate-limiter';
import { ToolsController } from './tools.controller';
import { WhoisService } from './whois.service';

/** Tools (issue 19 item 7): whois lookups and MTR from the probes, rate-limited per account. */
@Module({
  imports: [MonitorsModule],
  controllers: [ToolsController],
  providers: [ToolRateLimiter, WhoisService, MtrService],
  exports: [ToolRateLimiter],
})
export class ToolsModule {}
