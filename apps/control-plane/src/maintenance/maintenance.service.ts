import { Injectable, Logger } from '@nestjs/common';
import { asAccountId } from '../common/account-id';
import { Clock } from '../common/clock';
import { DomainError, FieldError, notFound, validationFailed } from '../common/errors';
import { newId } from '../common/ids';
import type { Principal } from '../common/principal';
import { Tx, TransactionRunner } from '../database/transaction';
import { cleanUserText, LABEL_MAX, TEXT_MAX, TITLE_MAX } from '../incidents/incident-rules';
import { MetricsService } from '../metrics/metrics.service';
import { MonitorsRepository } from '../monitors/monitors.repository';
import type { TimelineEvent } from '../notifications/extensions';
import { NotificationsService } from '../notifications/notifications.service';
import { CreateMaintenanceDto, CreateMaintenanceUpdateDto, UpdateMaintenanceDto } from './dto';
import { MaintenanceEntity, MaintenanceStatus, MaintenanceUpdateEntity } from './maintenance.entity';
import { toMaintenanceResponse } from './maintenance.mapper';
import {
  isFinal,
  MAX_MAINTENANCE_UPDATES,
  MaintenanceEvent,
  parseInstant,
  statusByClock,
  transitionEvents,
  transitionUpdate,
  windowProblems,
} from './maintenance-rules';
import { MaintenanceFilter, MaintenanceRepository } from './maintenance.repository';

const SWEEP_BATCH = 100;

/**
 * Scheduled maintenance (SPEC 3.7a): CRUD for its owner, statuses moved by the clock
 * (`sweep`, run by every replica: each transition happens once), a timeline of updates.
 * Every event page subscribers hear of (scheduled, started, completed, cancelled, updated)
 * is written to the outbox in the change's own transaction. While a maintenance is
 * `in_progress` the decisions treat its monitors as in maintenance (DecisionService).
 */
@Injectable()
export class MaintenanceService {
  private readonly logger = new Logger(MaintenanceService.name);

  constructor(
    private readonly repo: MaintenanceRepository,
    private readonly monitors: MonitorsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly metrics: MetricsService,
  ) {}

  async list(p: Principal, f: MaintenanceFilter) {
    const { items, total } = await this.repo.list(p.accountId, f);
    const updates = await this.repo.updatesOf(items.map((m) => m.id));
    return { items: items.map((m) => toMaintenanceResponse(m, updates.get(m.id))), total };
  }

  async get(p: Principal, id: string) {
    const m = typeof id === 'string' && id.length <= 64 ? await this.repo.findOne(p.accountId, id) : null;
    if (!m) throw notFound('maintenance', String(id).slice(0, 64));
    const updates = await this.repo.updatesOf([m.id], MAX_MAINTENANCE_UPDATES);
    return toMaintenanceResponse(m, updates.get(m.id));
  }

  async create(p: Principal, dto: CreateMaintenanceDto) {
    const errors: FieldError[] = [];
    const now = this.clock.now();
    const title = cleanUserText(dto.title ?? '', TITLE_MAX);
    if (!title) errors.push({ field: 'title', message: 'title must not be empty' });
    const description = dto.description === undefined ? null : cleanUserText(dto.description, TEXT_MAX) || null;
    const startsAt = parseInstant(dto.starts_at);
    const endsAt = parseInstant(dto.ends_at);
    if (!startsAt)
      errors.push({
        field: 'starts_at',
        message: 'starts_at must be an ISO 8601 date-time with a time zone, e.g. 2026-12-03T22:00:00Z',
      });
    if (!endsAt)
      errors.push({
        field: 'ends_at',
        message: 'ends_at must be an ISO 8601 date-time with a time zone, e.g. 2026-12-03T23:00:00Z',
      });
    if (startsAt && endsAt) errors.push(...windowProblems(startsAt, endsAt, now));
    const ids = [...new Set(dto.monitor_ids ?? [])];
    await this.checkMonitors(p.accountId, dto.monitor_ids ?? [], errors);
    if (errors.length) throw validationFailed(errors);
    // A window created already under way starts with the next sweep, as any other.
    const m = Object.assign(new MaintenanceEntity(), {
      id: newId('mnt'),
      accountId: p.accountId,
      title,
      description,
      monitorIds: ids,
      startsAt: startsAt!,
      endsAt: endsAt!,
      status: 'scheduled' as const,
      createdAt: now,
      updatedAt: now,
    });
    const u = this.newUpdate(m, 'Scheduled', description ?? title, 'scheduled', now);
    await this.tx.run(async (tx) => {
      await this.repo.insert(tx, m);
      await this.repo.addUpdate(tx, u);
      await this.notify(tx, m, 'maintenance.scheduled', u.content, now);
    });
    return toMaintenanceResponse(m, [u]);
  }

  /** Title, description, monitors, window; `status: cancelled` cancels (the only status an owner sets). */
  async patch(p: Principal, id: string, dto: UpdateMaintenanceDto) {
    const errors: FieldError[] = [];
    const now = this.clock.now();
    const title = dto.title === undefined ? undefined : cleanUserText(dto.title, TITLE_MAX);
    if (title === '') errors.push({ field: 'title', message: 'title must not be empty' });
    const startsAt = dto.starts_at === undefined ? undefined : parseInstant(dto.starts_at);
    const endsAt = dto.ends_at === undefined ? undefined : parseInstant(dto.ends_at);
    if (startsAt === null)
      errors.push({ field: 'starts_at', message: 'starts_at must be an ISO 8601 date-time with a time zone' });
    if (endsAt === null)
      errors.push({ field: 'ends_at', message: 'ends_at must be an ISO 8601 date-time with a time zone' });
    if (dto.monitor_ids) await this.checkMonitors(p.accountId, dto.monitor_ids, errors);
    if (errors.length) throw validationFailed(errors);
    return this.tx.run(async (tx) => {
      const m = await this.owned(tx, p, id);
      if (isFinal(m.status))
        throw new DomainError('conflict', `maintenance ${m.id} is ${m.status}: it can no longer change`);
      const window = { startsAt: startsAt ?? m.startsAt, endsAt: endsAt ?? m.endsAt };
      if (m.status === 'in_progress' && startsAt && startsAt.getTime() !== m.startsAt.getTime())
        throw validationFailed([
          { field: 'starts_at', message: 'a maintenance in progress keeps its start; change ends_at, or cancel it' },
        ]);
      const problems = startsAt || endsAt ? windowProblems(window.startsAt, window.endsAt, now) : [];
      if (problems.length) throw validationFailed(problems);
      if (title !== undefined) m.title = title;
      if (dto.description !== undefined) m.description = cleanUserText(dto.description, TEXT_MAX) || null;
      if (dto.monitor_ids) m.monitorIds = [...new Set(dto.monitor_ids)];
      Object.assign(m, window, { updatedAt: now });
      let event: MaintenanceEvent | 'maintenance.updated' | null = null;
      let content = '';
      if (dto.status === 'cancelled') {
        event = 'maintenance.cancelled';
        const t = transitionUpdate(event);
        content = t.content;
        m.status = 'cancelled';
        await this.repo.addUpdate(tx, this.newUpdate(m, t.label, t.content, t.status, now));
      } else if (startsAt || endsAt) {
        event = 'maintenance.updated';
        content = `Rescheduled: ${m.startsAt.toISOString()} to ${m.endsAt.toISOString()}.`;
        await this.repo.addUpdate(tx, this.newUpdate(m, 'Rescheduled', content, null, now));
      }
      await this.repo.save(tx, m);
      if (event) await this.notify(tx, m, event, content, now);
      const updates = await this.repo.updatesOf([m.id], MAX_MAINTENANCE_UPDATES, tx);
      return toMaintenanceResponse(m, updates.get(m.id));
    });
  }

  async addUpdate(p: Principal, id: string, dto: CreateMaintenanceUpdateDto) {
    const label = cleanUserText(dto.label ?? '', LABEL_MAX);
    const content = cleanUserText(dto.content ?? '', TEXT_MAX);
    const errors: FieldError[] = [];
    if (!label) errors.push({ field: 'label', message: 'label must not be empty' });
    if (!content) errors.push({ field: 'content', message: 'content must not be empty' });
    if (errors.length) throw validationFailed(errors);
    const now = this.clock.now();
    return this.tx.run(async (tx) => {
      const m = await this.owned(tx, p, id);
      if ((await this.repo.countUpdates(tx, m.id)) >= MAX_MAINTENANCE_UPDATES)
        throw new DomainError('plan_limit', `at most ${MAX_MAINTENANCE_UPDATES} updates per maintenance`);
      m.updatedAt = now;
      await this.repo.addUpdate(tx, this.newUpdate(m, label, content, null, now));
      await this.repo.save(tx, m);
      await this.notify(tx, m, 'maintenance.updated', content, now);
      const updates = await this.repo.updatesOf([m.id], MAX_MAINTENANCE_UPDATES, tx);
      return toMaintenanceResponse(m, updates.get(m.id));
    });
  }

  async delete(p: Principal, id: string) {
    const ok =
      typeof id === 'string' && id.length <= 64 && (await this.tx.run((tx) => this.repo.delete(tx, p.accountId, id)));
    if (!ok) throw notFound('maintenance', String(id).slice(0, 64));
    return { deleted: true, maintenance_id: id };
  }

  /**
   * One pass of the sweep at the clock's time: every maintenance whose status the clock
   * moved, in batches, each batch in one transaction with its timeline entries and
   * subscriber events. Returns how many moved (tests call it directly after moving the clock).
   */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    let moved = 0;
    for (;;) {
      const n = await this.tx.run(async (tx) => {
        const swept = await this.repo.sweepDue(tx, now, SWEEP_BATCH);
        for (const { maintenance: m, from } of swept) {
          const to = statusByClock(from, m.startsAt, m.endsAt, now);
          for (const event of transitionEvents(from, to)) {
            const t = transitionUpdate(event);
            // Dated by the schedule (never after now): a window that passed unseen still reads in order.
            const at =
              event === 'maintenance.started' ? m.startsAt : event === 'maintenance.completed' ? m.endsAt : now;
            await this.repo.addUpdate(
              tx,
              this.newUpdate(m, t.label, t.content, t.status, at.getTime() > now.getTime() ? now : at),
            );
            await this.notify(tx, m, event, t.content, now);
            this.metrics.maintenanceTransitions.inc({ to: t.status });
          }
          this.logger.log({ maintenance_id: m.id, account_id: m.accountId, from, to: m.status }, 'maintenance moved');
        }
        return swept.length;
      });
      moved += n;
      if (n < SWEEP_BATCH) return moved;
    }
  }

  private newUpdate(
    m: MaintenanceEntity,
    label: string,
    content: string,
    status: MaintenanceStatus | null,
    at: Date,
  ): MaintenanceUpdateEntity {
    return Object.assign(new MaintenanceUpdateEntity(), {
      id: newId('upd'),
      maintenanceId: m.id,
      accountId: m.accountId,
      label,
      content,
      status,
      createdAt: at,
    });
  }

  private async owned(tx: Tx, p: Principal, id: string): Promise<MaintenanceEntity> {
    const m = typeof id === 'string' && id.length <= 64 ? await this.repo.lockOwned(tx, p.accountId, id) : null;
    if (!m) throw notFound('maintenance', String(id).slice(0, 64));
    return m;
  }

  private async checkMonitors(accountId: string, ids: string[], errors: FieldError[]): Promise<void> {
    const briefs = await this.monitors.briefs(asAccountId(accountId), ids);
    ids.forEach((id, i) => {
      if (!briefs.has(id))
        errors.push({ field: `monitor_ids[${i}]`, message: `monitor ${cleanUserText(String(id), 100)} not found` });
    });
  }

  private notify(
    tx: Tx,
    m: MaintenanceEntity,
    event: TimelineEvent['event'],
    update: string,
    at: Date,
  ): Promise<number> {
    return this.notifications.enqueueTimeline(tx, [
      {
        event,
        accountId: m.accountId,
        kind: 'maintenance',
        id: m.id,
        title: m.title,
        status: m.status,
        monitorIds: [...m.monitorIds],
        update,
        at,
      },
    ]);
  }
}
