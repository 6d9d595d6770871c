import { Module } from '@nestjs/common';
import { RateLimitStoreModule } from '../accounts/rate-limit.guard';
import { MonitorsModule } from '../monitors/monitors.module';
import { MtrService } from './mtr.service';
import { ToolRateLimiter } from './tool-rate-limiter';
import { ToolsController } from './tools.controller';
import { WhoisService } from './whois.service';

/** Tools (issue 19 item 7): whois lookups and MTR from the probes, rate-limited per account (a budget in PostgreSQL shared by every replica). */
@Module({
  imports: [MonitorsModule, RateLimitStoreModule],
  controllers: [ToolsController],
  providers: [ToolRateLimiter, WhoisService, MtrService],
  exports: [ToolRateLimiter],
})
export class ToolsModule {}
