import { Module } from '@nestjs/common';
import { ToolRateLimiter } from './tool-rate-limiter';
import { ToolsController } from './tools.controller';
import { WhoisService } from './whois.service';

/** Tools (issue 19 item 7): whois lookups and MTR from the probes, rate-limited per account. */
@Module({
  controllers: [ToolsController],
  providers: [ToolRateLimiter, WhoisService],
  exports: [ToolRateLimiter],
})
export class ToolsModule {}
