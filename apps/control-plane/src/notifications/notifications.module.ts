import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { MonitorsModule } from '../monitors/monitors.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { DispatcherService } from './dispatcher.service';
import { NotificationExtensions } from './extensions';
import { AttemptEntity, DeliveryEntity, MonitorNotificationStateEntity, WebhookEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { NotificationTransport } from './transport';
import { WebhooksController } from './webhooks.controller';

/** Account webhooks, the monitor's own channels, the outbox and its dispatcher (SPEC 3.5). */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEntity, DeliveryEntity, AttemptEntity, MonitorNotificationStateEntity]), AccountsModule, MonitorsModule, SchedulerModule],
  controllers: [WebhooksController],
  providers: [NotificationsService, NotificationsRepository, NotificationTransport, DispatcherService, NotificationExtensions],
  exports: [NotificationsService, NotificationExtensions],
})
export class NotificationsModule {}
