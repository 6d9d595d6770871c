import { Module } from '@nestjs/common';
import { MonitorsModule } from '../monitors/monitors.module';
import { BadgesController } from './badges.controller';
import { BadgesService } from './badges.service';

/** SVG badges and shields.io endpoint JSON of public monitors (and, through the status pages, of pages). */
@Module({
  imports: [MonitorsModule],
  controllers: [BadgesController],
  providers: [BadgesService],
  exports: [BadgesService],
})
export class BadgesModule {}
