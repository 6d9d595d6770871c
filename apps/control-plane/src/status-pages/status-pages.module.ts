import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MonitorsModule } from '../monitors/monitors.module';
import { StatusPageEntity, StatusPageGroupEntity, StatusPageMonitorEntity } from './status-page.entity';
import { StatusPagesController } from './status-pages.controller';
import { StatusPagesRepository } from './status-pages.repository';
import { StatusPagesService } from './status-pages.service';
import { StatusPageListing } from './page-listing.service';
import { SystemStatusPagesRepository } from './system-status-pages.repository';

/** Status pages: the owner API (`/api/v1/status-pages`), the page lookups public routes start with, and the pages showing a monitor for background work (`StatusPageListing`). */
@Module({
  imports: [
    TypeOrmModule.forFeature([StatusPageEntity, StatusPageGroupEntity, StatusPageMonitorEntity]),
    MonitorsModule,
  ],
  controllers: [StatusPagesController],
  providers: [StatusPagesService, StatusPagesRepository, SystemStatusPagesRepository, StatusPageListing],
  exports: [StatusPagesService, StatusPageListing],
})
export class StatusPagesModule {}
