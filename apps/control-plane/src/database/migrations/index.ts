/* One import and one entry per line: branches adding migrations then merge without conflicts. */
import { Initial1795433151966 } from './1795433151966-Initial';
import { RoundSkippedRegions1795438489241 } from './1795438489241-RoundSkippedRegions';
import { HeartbeatMonitors1795441459599 } from './1795441459599-HeartbeatMonitors';
import { PartitionedResultsRollups1795441483826 } from './1795441483826-PartitionedResultsRollups';
import { MonitorTypes1795441687634 } from './1795441687634-MonitorTypes';
import { Notifications1795445381592 } from './1795445381592-Notifications';
import { RollupFolds1795451009968 } from './1795451009968-RollupFolds';
import { PartitionedRounds1795452000000 } from './1795452000000-PartitionedRounds';
import { DeadLetters1796011000000 } from './1796011000000-DeadLetters';
import { ProbesByRegion1796011000001 } from './1796011000001-ProbesByRegion';
import { ProbeClockSkew1796011000100 } from './1796011000100-ProbeClockSkew';
import { StatusPages1796014000000 } from './1796014000000-StatusPages';
import { ManualIncidents1796014000010 } from './1796014000010-ManualIncidents';
import { ScheduledMaintenance1796014000100 } from './1796014000100-ScheduledMaintenance';
import { MonitorsKeysetIndex1796016000100 } from './1796016000100-MonitorsKeysetIndex';
import { PageSubscribers1796017000000 } from './1796017000000-PageSubscribers';
import { PageSubscribersPageFk1796017000001 } from './1796017000001-PageSubscribersPageFk';
import { PingMonitors1796019000000 } from './1796019000000-PingMonitors';
import { SipMonitors1796019000001 } from './1796019000001-SipMonitors';
import { DomainMonitors1796019000010 } from './1796019000010-DomainMonitors';
import { MonitorAnomalies1796019000100 } from './1796019000100-MonitorAnomalies';
import { RateLimitCounters1796013000150 } from './1796013000150-RateLimitCounters';
import { ConfirmationRounds1796015000100 } from './1796015000100-ConfirmationRounds';
import { ForwardHeadersOnRedirect1796113000000 } from './1796113000000-ForwardHeadersOnRedirect';
import { DegradedThreshold1796015000101 } from './1796015000101-DegradedThreshold';
import { InRegionRetries1796115000000 } from './1796115000000-InRegionRetries';
import { RegionalIncidents1796115000100 } from './1796115000100-RegionalIncidents';
import { AlertDamping1796115500000 } from './1796115500000-AlertDamping';
import { MonitorDependencies1796115500001 } from './1796115500001-MonitorDependencies';
import { MonitorState1796116000000 } from './1796116000000-MonitorState';
import { UserTokenVersion1796013000151 } from './1796013000151-UserTokenVersion';
import { ApiKeyExpiry1796013000152 } from './1796013000152-ApiKeyExpiry';
import { HeartbeatState1796112000000 } from './1796112000000-HeartbeatState';
import { RollupFoldWatermark1796112000001 } from './1796112000001-RollupFoldWatermark';
import { MonitorSchedule1796112000002 } from './1796112000002-MonitorSchedule';

/** Every migration, in order. Run at start by runMigrations (database/migrate.ts). */
export const MIGRATIONS = [
  Initial1795433151966,
  RoundSkippedRegions1795438489241,
  HeartbeatMonitors1795441459599,
  PartitionedResultsRollups1795441483826,
  MonitorTypes1795441687634,
  Notifications1795445381592,
  RollupFolds1795451009968,
  PartitionedRounds1795452000000,
  DeadLetters1796011000000,
  ProbesByRegion1796011000001,
  ProbeClockSkew1796011000100,
  RateLimitCounters1796013000150,
  UserTokenVersion1796013000151,
  ApiKeyExpiry1796013000152,
  StatusPages1796014000000,
  ManualIncidents1796014000010,
  ScheduledMaintenance1796014000100,
  MonitorsKeysetIndex1796016000100,
  PageSubscribers1796017000000,
  PageSubscribersPageFk1796017000001,
  PingMonitors1796019000000,
  SipMonitors1796019000001,
  DomainMonitors1796019000010,
  MonitorAnomalies1796019000100,
  ConfirmationRounds1796015000100,
  DegradedThreshold1796015000101,
  HeartbeatState1796112000000,
  RollupFoldWatermark1796112000001,
  MonitorSchedule1796112000002,
  ForwardHeadersOnRedirect1796113000000,
  InRegionRetries1796115000000,
  RegionalIncidents1796115000100,
  AlertDamping1796115500000,
  MonitorDependencies1796115500001,
  MonitorState1796116000000,
];
