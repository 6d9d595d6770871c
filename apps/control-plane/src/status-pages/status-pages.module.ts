import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MonitorsModule } from '../monitors/monitors.module';
import { StatusPageEntity, StatusPageGroupEntity, StatusPageMonitorEntity } from './status-page.entity';
import { StatusPagesController } from './status-pages.controller';
import { StatusPagesRepository } from './status-pages.repository';
import { StatusPagesService } from './status-pages.service';

/** Status pages: the owner API (`/api/v1/status-pages`) and the page lookups public routes start with. */
@Module({
  imports: [TypeOrmModule.forFeature([StatusPageEntity, StatusPageGroupEntity, StatusPageMonitorEntity]), MonitorsModule],
  controllers: [StatusPagesController],
  providers: [StatusPagesService, StatusPagesRepository],
  exports: [StatusPagesService],
})
export class StatusPagesModule {}
