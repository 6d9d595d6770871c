import { Module } from '@nestjs/common';
import { FeedsModule } from '../feeds/feeds.module';
import { MonitorsModule } from '../monitors/monitors.module';
import { StatusPagesModule } from '../status-pages/status-pages.module';
import { TimeseriesModule } from '../timeseries/timeseries.module';
import { BadgesController } from './badges.controller';
import { BadgesService } from './badges.service';
import { PagePublicController } from './page-public.controller';

/** SVG badges and shields.io endpoint JSON of public monitors (and, through the status pages, of pages). */
@Module({
  imports: [MonitorsModule, TimeseriesModule, StatusPagesModule, FeedsModule],
  controllers: [BadgesController, PagePublicController],
  providers: [BadgesService],
  exports: [BadgesService],
})
export class BadgesModule {}
