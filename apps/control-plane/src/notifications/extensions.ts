import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import type { IncidentEntity } from '../incidents/incident.entity';
import type { MonitorEntity } from '../monitors/monitor.entity';
import type { DeliveryEntity } from './notification.entity';

/** A delivery of another context's channel, rendered at send time. */
export type RenderedMessage =
  | { kind: 'email'; to: string; subject: string; text: string; headers: Record<string, string> }
  | { kind: 'webhook'; url: string; body: string; headers: Record<string, string> };

/** Renders one delivery of its channel; null when its destination is gone (the delivery is dropped as disabled). */
export type ChannelRenderer = (d: DeliveryEntity) => Promise<RenderedMessage | null>;

/** An incident event of a monitor, as it is committed (the monitor's event sequence included). */
export interface MonitorIncidentEvent {
  event: 'incident.created' | 'incident.resolved';
  sequence: number;
  monitor: MonitorEntity;
  incident: IncidentEntity;
  at: Date;
}

/**
 * A change of a page-visible timeline (a manual incident, an update posted to any incident,
 * a maintenance): subscribers of the pages showing one of `monitorIds` are told.
 */
export interface TimelineEvent {
  event:
    | 'incident.created'
    | 'incident.updated'
    | 'incident.resolved'
    | 'maintenance.scheduled'
    | 'maintenance.started'
    | 'maintenance.completed'
    | 'maintenance.updated'
    | 'maintenance.cancelled';
  accountId: string;
  kind: 'incident' | 'maintenance';
  /** `inc_…` / `mnt_…` */
  id: string;
  title: string;
  status: string;
  monitorIds: string[];
  /** The text of the update that caused the event (null: none). */
  update: string | null;
  at: Date;
}

export type TimelineListener = (tx: Tx, events: TimelineEvent[]) => Promise<Partial<DeliveryEntity>[]>;

/** Called inside the decision's transaction, after the monitor's own rows: returns the rows to add to the outbox. */
export type IncidentListener = (tx: Tx, events: MonitorIncidentEvent[]) => Promise<Partial<DeliveryEntity>[]>;

/**
 * Extension points of the outbox for the contexts built on it (status page subscribers):
 * they register channel renderers and incident listeners at start, so the notifications
 * context needs no import of theirs (they import it to enqueue). Everything still goes
 * through the one outbox: same transaction as the change, retries, the delivery log.
 */
@Injectable()
export class NotificationExtensions {
  private readonly renderers = new Map<string, ChannelRenderer>();
  private readonly listeners: IncidentListener[] = [];
  private readonly timelineListeners: TimelineListener[] = [];

  registerChannel(channel: DeliveryEntity['channel'], render: ChannelRenderer): void {
    this.renderers.set(channel, render);
  }

  renderer(channel: string): ChannelRenderer | undefined {
    return this.renderers.get(channel);
  }

  onIncident(listener: IncidentListener): void {
    this.listeners.push(listener);
  }

  onTimeline(listener: TimelineListener): void {
    this.timelineListeners.push(listener);
  }

  /** Inside the transaction of the change: the outbox rows of its timeline events. */
  async timelineRows(tx: Tx, events: TimelineEvent[]): Promise<Partial<DeliveryEntity>[]> {
    if (events.length === 0 || this.timelineListeners.length === 0) return [];
    const rows: Partial<DeliveryEntity>[] = [];
    for (const l of this.timelineListeners) rows.push(...(await l(tx, events)));
    return rows;
  }

  async incidentRows(tx: Tx, events: MonitorIncidentEvent[]): Promise<Partial<DeliveryEntity>[]> {
    if (events.length === 0 || this.listeners.length === 0) return [];
    const rows: Partial<DeliveryEntity>[] = [];
    for (const l of this.listeners) rows.push(...(await l(tx, events)));
    return rows;
  }
}
