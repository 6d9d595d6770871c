import { AccountEntity, ApiKeyEntity, UserEntity } from '../accounts/account.entity';
import { HeartbeatStateEntity } from '../heartbeats/heartbeat-state.entity';
import { MonitorScheduleEntity } from '../scheduler/monitor-schedule.entity';
import { RollupFoldEntity } from '../timeseries/rollup-fold.entity';
import { IncidentEntity, IncidentUpdateEntity } from '../incidents/incident.entity';
import { CheckResultEntity } from '../ingestion/check-result.entity';
import { MaintenanceEntity, MaintenanceUpdateEntity } from '../maintenance/maintenance.entity';
import {
  AttemptEntity,
  DeliveryEntity,
  MonitorNotificationStateEntity,
  WebhookEntity,
} from '../notifications/notification.entity';
import { MonitorEntity } from '../monitors/monitor.entity';
import { ProbeEntity } from '../regions/probe.entity';
import { SubscriberEntity, SubscriptionAttemptEntity } from '../subscriptions/subscriber.entity';
import { RoundEntity } from '../scheduler/round.entity';
import { RegionStreakEntity } from '../decisions/region-streak.entity';
import { MonitorStateEntity } from '../decisions/monitor-state.entity';
import { StatusPageEntity, StatusPageGroupEntity, StatusPageMonitorEntity } from '../status-pages/status-page.entity';

export const ENTITIES = [
  AccountEntity,
  UserEntity,
  ApiKeyEntity,
  MonitorEntity,
  RoundEntity,
  CheckResultEntity,
  IncidentEntity,
  IncidentUpdateEntity,
  ProbeEntity,
  WebhookEntity,
  DeliveryEntity,
  AttemptEntity,
  MonitorNotificationStateEntity,
  StatusPageEntity,
  StatusPageGroupEntity,
  StatusPageMonitorEntity,
  SubscriberEntity,
  SubscriptionAttemptEntity,
  MaintenanceEntity,
  MaintenanceUpdateEntity,
  HeartbeatStateEntity,
  RollupFoldEntity,
  MonitorScheduleEntity,
  RegionStreakEntity,
  MonitorStateEntity,
];
