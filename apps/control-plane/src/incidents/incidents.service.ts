import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, FieldError, notFound, validationFailed } from '../common/errors';
import { newId } from '../common/ids';
import type { Principal } from '../common/principal';
import { Tx, TransactionRunner } from '../database/transaction';
import { MonitorsRepository } from '../monitors/monitors.repository';
import type { TimelineEvent } from '../notifications/extensions';
import { NotificationsService } from '../notifications/notifications.service';
import { CreateIncidentDto, CreateIncidentUpdateDto, UpdateIncidentDto } from './dto/incident-write.dto';
import { IncidentEntity, IncidentImpact, IncidentUpdateEntity, ManualStatus } from './incident.entity';
import { affectedMonitorIds, incidentTitle, toIncidentResponse } from './incident.mapper';
import { cleanUserText, isResolved, LABEL_MAX, MAX_UPDATES, statusLabel, TEXT_MAX, TITLE_MAX } from './incident-rules';
import { IncidentFilter, IncidentsRepository } from './incidents.repository';
import type { AccountId } from '../common/account-id';

type Brief = { id: string; name: string; url: string; monitorType: string };

/**
 * Incidents (SPEC 3.4, 3.7a): automatic ones are opened and resolved by the decisions;
 * manual ones are created and moved through investigating → identified → monitoring →
 * resolved by their owner. Both carry a timeline of updates. Every change that page
 * subscribers hear of is written to the outbox in the change's own transaction.
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly monitors: MonitorsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async list(p: Principal, f: IncidentFilter) {
    const { items, total } = await this.incidents.list(p.accountId, f);
    const updates = await this.incidents.updatesOf(items.map((i) => i.id));
    return { items: items.map((i) => toIncidentResponse(i, updates.get(i.id))), total };
  }

  async get(p: Principal, id: string) {
    const i = typeof id === 'string' && id.length <= 64 ? await this.incidents.findOne(p.accountId, id) : null;
    if (!i) throw notFound('incident', String(id).slice(0, 64));
    const updates = await this.incidents.updatesOf([i.id], MAX_UPDATES);
    return toIncidentResponse(i, updates.get(i.id));
  }

  countOpen(): Promise<number> {
    return this.incidents.countOpen();
  }

  async create(p: Principal, dto: CreateIncidentDto) {
    const errors: FieldError[] = [];
    const title = cleanUserText(dto.title ?? '', TITLE_MAX);
    if (!title) errors.push({ field: 'title', message: 'title must not be empty' });
    const description = dto.description === undefined ? null : cleanUserText(dto.description, TEXT_MAX) || null;
    const refs = [
      ...(dto.monitor_ids ?? []).map((id, i) => ({ id, field: `monitor_ids[${i}]` })),
      ...(dto.monitor_id !== undefined ? [{ id: dto.monitor_id, field: 'monitor_id' }] : []),
    ];
    const briefs = await this.checkMonitors(p.accountId, refs, errors);
    if (errors.length) throw validationFailed(errors);
    const ids = [...new Set(refs.map((r) => r.id))];
    const status = (dto.status ?? 'investigating') as ManualStatus;
    const now = this.clock.now();
    const first = briefs.get(ids[0] ?? '');
    const incident = Object.assign(new IncidentEntity(), {
      id: newId('inc'),
      accountId: p.accountId,
      monitorId: null,
      monitorName: first?.name ?? '',
      monitorUrl: first?.url ?? '',
      monitorType: first?.monitorType ?? '',
      status,
      statusCode: null,
      responseMs: null,
      startedAt: now,
      resolvedAt: isResolved(status) ? now : null,
      durationSeconds: isResolved(status) ? 0 : null,
      failureErrorMessage: null,
      failureResponseHeaders: null,
      failureResponseBody: null,
      regionsChecked: null,
      regionsUp: null,
      regionResults: null,
      affectedRegions: [],
      openedByRound: null,
      causedByIncidentId: null,
      resolvedByRound: null,
      type: 'manual' as const,
      title,
      description,
      impact: (dto.impact ?? 'minor') as IncidentImpact,
      monitorIds: ids,
      updatedAt: now,
    });
    const update = this.newUpdate(incident, statusLabel(status), description ?? title, status, now);
    await this.tx.run(async (tx) => {
      await this.incidents.insertManual(tx, incident);
      await this.incidents.addUpdate(tx, update);
      await this.notify(tx, incident, 'incident.created', update.content, now);
    });
    return toIncidentResponse(incident, [update]);
  }

  async patch(p: Principal, id: string, dto: UpdateIncidentDto) {
    const errors: FieldError[] = [];
    const title = dto.title === undefined ? undefined : cleanUserText(dto.title, TITLE_MAX);
    if (title === '') errors.push({ field: 'title', message: 'title must not be empty' });
    const briefs = dto.monitor_ids
      ? await this.checkMonitors(
          p.accountId,
          dto.monitor_ids.map((m, i) => ({ id: m, field: `monitor_ids[${i}]` })),
          errors,
        )
      : null;
    if (errors.length) throw validationFailed(errors);
    const now = this.clock.now();
    return this.tx.run(async (tx) => {
      const i = await this.owned(tx, p, id);
      if (i.type !== 'manual')
        throw new DomainError(
          'conflict',
          'an automatic incident follows its monitor: post an update (POST /incidents/{id}/updates) to add to its timeline',
        );
      if (title !== undefined) i.title = title;
      if (dto.description !== undefined) i.description = cleanUserText(dto.description, TEXT_MAX) || null;
      if (dto.impact !== undefined) i.impact = dto.impact as IncidentImpact;
      if (briefs && dto.monitor_ids) {
        i.monitorIds = [...new Set(dto.monitor_ids)];
        const first = briefs.get(i.monitorIds[0] ?? '');
        Object.assign(i, {
          monitorName: first?.name ?? '',
          monitorUrl: first?.url ?? '',
          monitorType: first?.monitorType ?? '',
        });
      }
      let update: IncidentUpdateEntity | null = null;
      if (dto.status !== undefined && dto.status !== i.status) {
        update = this.newUpdate(
          i,
          statusLabel(dto.status),
          `Status changed to ${statusLabel(dto.status)}.`,
          dto.status as ManualStatus,
          now,
        );
        this.moveTo(i, dto.status as ManualStatus, now);
        await this.incidents.addUpdate(tx, update);
      }
      i.updatedAt = now;
      await this.incidents.save(tx, i);
      if (update)
        await this.notify(tx, i, isResolved(i.status) ? 'incident.resolved' : 'incident.updated', update.content, now);
      const updates = await this.incidents.updatesOf([i.id], MAX_UPDATES, tx);
      return toIncidentResponse(i, updates.get(i.id));
    });
  }

  async addUpdate(p: Principal, id: string, dto: CreateIncidentUpdateDto) {
    const errors: FieldError[] = [];
    const label = cleanUserText(dto.label ?? '', LABEL_MAX);
    const content = cleanUserText(dto.content ?? '', TEXT_MAX);
    if (!label) errors.push({ field: 'label', message: 'label must not be empty' });
    if (!content) errors.push({ field: 'content', message: 'content must not be empty' });
    if (errors.length) throw validationFailed(errors);
    const now = this.clock.now();
    return this.tx.run(async (tx) => {
      const i = await this.owned(tx, p, id);
      if (dto.status !== undefined && i.type !== 'manual') {
        throw validationFailed([
          { field: 'status', message: 'an automatic incident is resolved by its monitor recovering: omit status' },
        ]);
      }
      if ((await this.incidents.countUpdates(tx, i.id)) >= MAX_UPDATES)
        throw new DomainError('plan_limit', `at most ${MAX_UPDATES} updates per incident`);
      const moved = dto.status !== undefined && dto.status !== i.status;
      const update = this.newUpdate(i, label, content, dto.status ?? null, now);
      if (moved) this.moveTo(i, dto.status as ManualStatus, now);
      i.updatedAt = now;
      await this.incidents.addUpdate(tx, update);
      await this.incidents.save(tx, i);
      await this.notify(tx, i, moved && isResolved(i.status) ? 'incident.resolved' : 'incident.updated', content, now);
      const updates = await this.incidents.updatesOf([i.id], MAX_UPDATES, tx);
      return toIncidentResponse(i, updates.get(i.id));
    });
  }

  private moveTo(i: IncidentEntity, status: ManualStatus, now: Date): void {
    i.status = status;
    if (isResolved(status)) {
      i.resolvedAt = now;
      i.durationSeconds = Math.max(0, Math.round((now.getTime() - i.startedAt.getTime()) / 1000));
    } else {
      i.resolvedAt = null;
      i.durationSeconds = null;
    }
  }

  private newUpdate(
    i: IncidentEntity,
    label: string,
    content: string,
    status: string | null,
    at: Date,
  ): IncidentUpdateEntity {
    return Object.assign(new IncidentUpdateEntity(), {
      id: newId('upd'),
      incidentId: i.id,
      accountId: i.accountId,
      label,
      content,
      status,
      createdAt: at,
    });
  }

  private async owned(tx: Tx, p: Principal, id: string): Promise<IncidentEntity> {
    const i = typeof id === 'string' && id.length <= 64 ? await this.incidents.lockOwned(tx, p.accountId, id) : null;
    if (!i) throw notFound('incident', String(id).slice(0, 64));
    return i;
  }

  private async checkMonitors(
    accountId: AccountId,
    refs: { id: string; field: string }[],
    errors: FieldError[],
  ): Promise<Map<string, Brief>> {
    const briefs = await this.monitors.briefs(
      accountId,
      refs.map((r) => r.id),
    );
    for (const r of refs)
      if (!briefs.has(r.id)) errors.push({ field: r.field, message: `monitor ${cleanUserText(r.id, 100)} not found` });
    return briefs;
  }

  private notify(tx: Tx, i: IncidentEntity, event: TimelineEvent['event'], update: string, at: Date): Promise<number> {
    return this.notifications.enqueueTimeline(tx, [
      {
        event,
        accountId: i.accountId,
        kind: 'incident',
        id: i.id,
        title: incidentTitle(i),
        status: i.status,
        monitorIds: affectedMonitorIds(i),
        update,
        at,
      },
    ]);
  }
}
