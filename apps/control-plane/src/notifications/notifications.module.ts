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
import { SystemOutboxRepository } from './system-outbox.repository';
import { SlaEvaluator } from './sla-evaluator.service';
import { NotificationTransport } from './transport';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Account webhooks (WebhooksService), the monitor's own channels, the outbox writer (NotificationsService), the SLA (SlaEvaluator) and the dispatcher (SPEC 3.5). */
@Module({
  imports: [
    TypeOrmModule.forFeature([WebhookEntity, DeliveryEntity, AttemptEntity, MonitorNotificationStateEntity]),
    AccountsModule,
    MonitorsModule,
    SchedulerModule,
  ],
  controllers: [WebhooksController],
  providers: [
    NotificationsService,
    SlaEvaluator,
    WebhooksService,
    NotificationsRepository,
    SystemOutboxRepository,
    NotificationTransport,
    DispatcherService,
    NotificationExtensions,
  ],
  exports: [NotificationsService, NotificationExtensions],
})
export class NotificationsModule {}
