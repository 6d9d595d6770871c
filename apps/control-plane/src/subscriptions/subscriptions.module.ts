import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MonitorsModule } from '../monitors/monitors.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { StatusPagesModule } from '../status-pages/status-pages.module';
import { StatusPageDirectory } from './page-directory';
import { PublicSubscriptionsController } from './public-subscriptions.controller';
import { SubscriberEntity, SubscriptionAttemptEntity } from './subscriber.entity';
import { SubscribersController } from './subscribers.controller';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';
import { SystemSubscriptionsRepository } from './system-subscriptions.repository';

/** Email (double opt-in) and webhook subscribers of status pages, notified through the outbox. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SubscriberEntity, SubscriptionAttemptEntity]),
    NotificationsModule,
    StatusPagesModule,
    MonitorsModule,
  ],
  controllers: [PublicSubscriptionsController, SubscribersController],
  providers: [SubscriptionsService, SubscriptionsRepository, SystemSubscriptionsRepository, StatusPageDirectory],
  exports: [StatusPageDirectory, SubscriptionsService],
})
export class SubscriptionsModule {}
