import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { guardAddress, resolveAndGuard, TargetRefusedError } from '@parallax/checks';
import { DomainError, FieldError, notFound, validationFailed } from '../common/errors';
import { encodeCursor } from '../common/paging';
import { newId } from '../common/ids';
import type { Principal } from '../common/principal';
import { APP_CONFIG, AppConfig, PlanLimits } from '../config/config';
import { TransactionRunner } from '../database/transaction';
import { defaultQuorum } from '../decisions/quorum';
import { MonitorScheduleEntity } from '../scheduler/monitor-schedule.entity';
import { MonitorSchedules } from '../scheduler/monitor-schedules.service';
import { firstPhasedRound, firstRound, phaseMs } from '../scheduler/schedule';
import { CreateMonitorDto, UpdateMonitorDto } from './dto/monitor.dto';
import { MonitorEntity } from './monitor.entity';
import { issuePingToken, nextExpectedBy, pingUrl } from '../heartbeats/heartbeat-rules';
import { emptyHeartbeatState } from '../heartbeats/heartbeat-state.entity';
import { HeartbeatStateService } from '../heartbeats/heartbeat-state.service';
import { applyChanges, initHeartbeat, keepHeartbeatShape, monitorDefaults } from './monitor-fields';
import { resolveAliases } from './monitor-aliases';
import { alertTargets, canSwitchType, GuardTarget, TYPE_RULES, typeFieldProblems } from './monitor-types';
import { autoSlug, MonitorResponse, toMonitorResponse } from './monitor.mapper';
import { intervalProblem, nextQuorum, planLimitMessage, validateDraft, withinPlanLimit } from './monitor-rules';
import { MonitorFilter, MonitorsRepository } from './monitors.repository';
import { dependsOnProblems } from './dependency-rules';

/** How long the SSRF guard waits for one name at create/update before answering 422. */
const GUARD_LOOKUP_TIMEOUT_MS = 5000;

class LookupTimeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new LookupTimeout()), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const keyOf = (t: GuardTarget) => `${t.field}\u0000${t.host}\u0000${t.lookup}`;
const targetKeys = (m: MonitorEntity) =>
  new Set([...TYPE_RULES[m.monitorType].guardTargets(m), ...alertTargets(m)].map(keyOf));

@Injectable()
export class MonitorsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly monitors: MonitorsRepository,
    private readonly heartbeatState: HeartbeatStateService,
    private readonly schedules: MonitorSchedules,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async create(p: Principal, request: CreateMonitorDto): Promise<MonitorResponse> {
    const plan = this.config.plans[p.plan];
    const { m, pingToken, slugGiven } = this.draft(p, plan, request);
    await this.validate(m, plan, slugGiven);
    const saved = await this.tx.run(async (tx) => {
      await this.monitors.lockAccount(p.accountId, tx);
      if (plan.maxMonitors !== null && !withinPlanLimit(plan, await this.monitors.count(p.accountId, tx))) {
        throw new DomainError('plan_limit', planLimitMessage(p.plan, this.config.plans));
      }
      if (await this.monitors.slugTaken(m.slug, null, tx))
        throw new DomainError('conflict', `slug "${m.slug}" is already taken`);
      if (m.dependsOn.length) {
        const problems = dependsOnProblems(m.id, m.dependsOn, await this.monitors.dependencyGraph(p.accountId, tx));
        if (problems.length) throw validationFailed(problems);
      }
      const inserted = await this.monitors.insert(m, tx);
      await this.schedules.place(tx, [m]);
      await this.heartbeatState.expectPings(tx, [m]);
      return inserted;
    });
    return toMonitorResponse(saved, this.config.publicUrl, pingToken);
  }

  /**
   * `POST /monitors/bulk`: every item is checked as `POST /monitors` would check it (and
   * slugs against each other); any problem answers 422 listing each item's problems as
   * `monitors[i].field`, and nothing is created. Otherwise all are created in one transaction.
   */
  async bulkCreate(p: Principal, requests: CreateMonitorDto[]): Promise<MonitorResponse[]> {
    const plan = this.config.plans[p.plan];
    const drafts: ({ m: MonitorEntity; pingToken: string | null; slugGiven: string | undefined } | null)[] = [];
    const errors: FieldError[] = [];
    const itemErrors = (i: number, e: unknown): FieldError[] => {
      if (!(e instanceof DomainError)) throw e;
      if (e.details?.length) return e.details.map((d) => ({ field: `monitors[${i}].${d.field}`, message: d.message }));
      return [{ field: `monitors[${i}]${e.code === 'forbidden' ? '.check_interval' : ''}`, message: e.message }];
    };
    requests.forEach((request, i) => {
      try {
        const d = this.draft(p, plan, request);
        // Created together, they start at their phase slots within the first interval (no burst).
        const s = d.m.schedule!;
        const f = firstPhasedRound(this.clock.nowMs(), d.m.checkInterval, s.phaseMs);
        Object.assign(s, { nextRound: f.nextRound, nextDueAt: new Date(f.nextDueAt) });
        drafts.push(d);
      } catch (e) {
        drafts.push(null);
        errors.push(...itemErrors(i, e));
      }
    });
    // Target checks (DNS for the SSRF guard) a few at a time.
    for (let start = 0; start < drafts.length; start += 32) {
      const chunk = drafts.slice(start, start + 32);
      const found = await Promise.all(
        chunk.map((d, j) =>
          d
            ? this.validate(d.m, plan, d.slugGiven).then(
                () => [],
                (e: unknown) => itemErrors(start + j, e),
              )
            : [],
        ),
      );
      errors.push(...found.flat());
    }
    const firstBySlug = new Map<string, number>();
    drafts.forEach((d, i) => {
      if (!d) return;
      const first = firstBySlug.get(d.m.slug);
      if (first !== undefined)
        errors.push({
          field: `monitors[${i}].slug`,
          message: `slug "${d.m.slug}" is also given to monitors[${first}]`,
        });
      else firstBySlug.set(d.m.slug, i);
    });
    if (errors.length) throw validationFailed(errors);
    const ms = drafts.map((d) => d!.m);
    const saved = await this.tx.run(async (tx) => {
      await this.monitors.lockAccount(p.accountId, tx);
      if (plan.maxMonitors !== null && !withinPlanLimit(plan, await this.monitors.count(p.accountId, tx), ms.length)) {
        throw new DomainError('plan_limit', planLimitMessage(p.plan, this.config.plans));
      }
      const taken = await this.monitors.slugsTaken(
        ms.map((m) => m.slug),
        tx,
      );
      const conflicts = ms.flatMap((m, i) =>
        taken.has(m.slug) ? [{ field: `monitors[${i}].slug`, message: `slug "${m.slug}" is already taken` }] : [],
      );
      if (conflicts.length) throw validationFailed(conflicts);
      if (ms.some((m) => m.dependsOn.length)) {
        // Existing monitors only (a new one's id is not known to the others): no cycle can form.
        const graph = await this.monitors.dependencyGraph(p.accountId, tx);
        const problems = ms.flatMap((m, i) =>
          dependsOnProblems(m.id, m.dependsOn, graph).map((e) => ({
            field: `monitors[${i}].${e.field}`,
            message: e.message,
          })),
        );
        if (problems.length) throw validationFailed(problems);
      }
      const inserted = await this.monitors.insertMany(p.accountId, ms, tx);
      await this.schedules.place(tx, ms);
      await this.heartbeatState.expectPings(tx, ms);
      inserted.forEach((m, i) => Object.assign(m, { heartbeat: ms[i].heartbeat, schedule: ms[i].schedule }));
      return inserted;
    });
    return saved.map((m, i) => toMonitorResponse(m, this.config.publicUrl, drafts[i]!.pingToken));
  }

  /** A new monitor from a create request (defaults, aliases, schedule); throws DomainError on a field problem. */
  private draft(
    p: Principal,
    plan: PlanLimits,
    request: CreateMonitorDto,
  ): { m: MonitorEntity; pingToken: string | null; slugGiven: string | undefined } {
    const aliased = resolveAliases(request, null, this.config.regions);
    if (aliased.errors.length) throw validationFailed(aliased.errors);
    const dto: CreateMonitorDto = aliased.dto;
    const type = dto.monitor_type ?? 'http';
    const heartbeat = type === 'heartbeat';
    const id = newId(heartbeat ? 'hb' : 'mon');
    const fieldErrors = typeFieldProblems(type, dto, null);
    if (fieldErrors.length) throw validationFailed(fieldErrors);
    const m = monitorDefaults(id, p.accountId, [...this.config.regions], plan.defaultIntervalSeconds, type);
    applyChanges(m, dto);
    m.quorum = dto.quorum ?? defaultQuorum(m.regions.length);
    const pingToken = heartbeat ? initHeartbeat(m, this.config.publicUrl, this.clock.nowMs()) : null;
    if (dto.slug === undefined) m.slug = autoSlug(m.name, id);
    this.reschedule(m, this.clock.nowMs(), false);
    return { m, pingToken, slugGiven: dto.slug };
  }

  async get(p: Principal, id: string): Promise<MonitorResponse> {
    const m = await this.require(p, id);
    const flapping = await this.monitors.flappingSince(p.accountId, [m.id]);
    return toMonitorResponse(m, this.config.publicUrl, null, flapping.get(m.id) ?? null);
  }

  async list(p: Principal, f: MonitorFilter) {
    const { items, total, next } = await this.monitors.list(p.accountId, f);
    const flapping = await this.monitors.flappingSince(
      p.accountId,
      items.map((m) => m.id),
    );
    return {
      items: items.map((m) => toMonitorResponse(m, this.config.publicUrl, null, flapping.get(m.id) ?? null)),
      total,
      nextCursor: next ? encodeCursor(next) : null,
    };
  }

  async update(p: Principal, id: string, request: UpdateMonitorDto): Promise<MonitorResponse> {
    const plan = this.config.plans[p.plan];
    // DNS before any row lock, and only for targets the edit changes (issue 13 item 6): a pause,
    // a rename or a public toggle never depends on a name still resolving.
    const guarded = await this.preGuard(p, id, request, plan);
    const saved = await this.tx.run(async (tx) => {
      const m = await this.monitors.lockOne(p.accountId, id, tx);
      if (!m) throw notFound('monitor', id);
      const locked = targetKeys(m);
      const aliased = resolveAliases(request, m.monitorType, this.config.regions);
      if (aliased.errors.length) throw validationFailed(aliased.errors);
      const dto: UpdateMonitorDto = aliased.dto;
      if (dto.monitor_type !== undefined && dto.monitor_type !== m.monitorType) {
        if (!canSwitchType(m.monitorType, dto.monitor_type)) {
          throw validationFailed([
            {
              field: 'monitor_type',
              message: `monitor_type cannot be changed (this is a ${m.monitorType} monitor); create a new monitor instead`,
            },
          ]);
        }
        m.monitorType = dto.monitor_type;
      }
      const fieldErrors = typeFieldProblems(m.monitorType, dto, null);
      if (fieldErrors.length) throw validationFailed(fieldErrors);
      const before = {
        interval: m.checkInterval,
        paused: m.paused,
        regions: m.regions.length,
        quorum: m.quorum,
        heartbeatInterval: m.heartbeatInterval,
      };
      let expectAgain: Date | null = null;
      applyChanges(m, dto);
      if (m.monitorType === 'heartbeat') {
        keepHeartbeatShape(m, this.config.publicUrl);
        const now = this.clock.nowMs();
        // A new interval counts from the last ping; a resumed monitor starts afresh (stored by the heartbeats context, below).
        const hb = (m.heartbeat ??= emptyHeartbeatState(m.id));
        if (before.paused && !m.paused) expectAgain = new Date(nextExpectedBy(now, m.heartbeatInterval!));
        else if (m.heartbeatInterval !== before.heartbeatInterval)
          expectAgain = new Date(nextExpectedBy(hb.lastPingAt?.getTime() ?? now, m.heartbeatInterval!));
        if (expectAgain) hb.heartbeatExpectedBy = expectAgain;
      } else {
        m.quorum = nextQuorum(before.regions, before.quorum, m.regions.length, dto.quorum);
      }
      await this.validate(m, plan, dto.slug, dto.check_interval !== undefined, false);
      // A target the pre-check did not see (the row changed in between): never resolve under the lock.
      if (!this.config.allowPrivateTargets && [...targetKeys(m)].some((k) => !locked.has(k) && !guarded.has(k))) {
        throw new DomainError('conflict', 'the monitor changed while this edit was being checked; retry');
      }
      if (dto.slug !== undefined && (await this.monitors.slugTaken(m.slug, m.id, tx))) {
        throw new DomainError('conflict', `slug "${m.slug}" is already taken`);
      }
      if (dto.depends_on !== undefined && m.dependsOn.length) {
        // Serialised per account (as creates are), so two edits cannot close a cycle together.
        await this.monitors.lockAccount(p.accountId, tx);
        const problems = dependsOnProblems(m.id, m.dependsOn, await this.monitors.dependencyGraph(p.accountId, tx));
        if (problems.length) throw validationFailed(problems);
      }
      const retimed = m.checkInterval !== before.interval || (before.paused && !m.paused);
      if (retimed) this.reschedule(m, this.clock.nowMs(), m.checkInterval === before.interval);
      const stored = await this.monitors.save(m, tx);
      // Placed (or, paused, taken off the due index) by the scheduler context.
      if (retimed || m.paused !== before.paused) await this.schedules.place(tx, [m]);
      if (expectAgain) await this.heartbeatState.expectPings(tx, [m]);
      const flapping = await this.monitors.flappingSince(p.accountId, [m.id], tx);
      return { saved: stored, flappingSince: flapping.get(m.id) ?? null };
    });
    return toMonitorResponse(saved.saved, this.config.publicUrl, null, saved.flappingSince);
  }

  /** `POST /monitors/{id}/ping-token`: a new token for a heartbeat monitor (shown once); the old ping URL stops working. */
  async rotatePingToken(p: Principal, id: string): Promise<{ monitor_id: string; ping_url: string }> {
    return this.tx.run(async (tx) => {
      const m = await this.monitors.lockOne(p.accountId, id, tx);
      if (!m || m.monitorType !== 'heartbeat') throw notFound('heartbeat monitor', id);
      const t = issuePingToken();
      await this.monitors.setPingToken(p.accountId, id, t.hash, t.hint, tx);
      return { monitor_id: id, ping_url: pingUrl(this.config.publicUrl, id, t.token, null) };
    });
  }

  async remove(p: Principal, id: string): Promise<{ deleted: true; monitor_id: string }> {
    if (!(await this.monitors.delete(p.accountId, id))) throw notFound('monitor', id);
    return { deleted: true, monitor_id: id };
  }

  /** `PATCH /monitors/{id}/toggle`: `is_active` true resumes, false pauses, omitted flips. */
  async toggle(p: Principal, id: string, isActive: boolean | undefined): Promise<MonitorResponse> {
    const current = await this.require(p, id);
    return this.update(p, id, { paused: isActive === undefined ? !current.paused : !isActive });
  }

  async setPublic(p: Principal, id: string, isPublic: boolean): Promise<MonitorResponse> {
    return this.update(p, id, { public: isPublic });
  }

  private async require(p: Principal, id: string): Promise<MonitorEntity> {
    const m = await this.monitors.findOne(p.accountId, id);
    if (!m) throw notFound('monitor', id);
    return m;
  }

  /** A new, resumed or re-timed monitor: new phase, and its current slot runs at once (unless, same interval, it already ran). */
  private reschedule(m: MonitorEntity, nowMs: number, sameInterval: boolean): void {
    const phase = phaseMs(m.id, m.checkInterval);
    const f = firstRound(nowMs, m.checkInterval, phase, sameInterval ? m.schedule?.nextRound : undefined);
    m.schedule = Object.assign(m.schedule ?? new MonitorScheduleEntity(), {
      monitorId: m.id,
      phaseMs: phase,
      nextRound: f.nextRound,
      nextDueAt: new Date(f.nextDueAt),
    });
  }

  /**
   * The edit applied to an unlocked copy: its changed targets are resolved and guarded now,
   * outside any transaction. Answers the keys it guarded. An edit that fails validation is
   * left to the locked pass, which answers the same 422 it always did.
   */
  private async preGuard(p: Principal, id: string, request: UpdateMonitorDto, plan: PlanLimits): Promise<Set<string>> {
    if (this.config.allowPrivateTargets) return new Set();
    const current = await this.require(p, id);
    const before = targetKeys(current);
    const draft = Object.assign(Object.create(Object.getPrototypeOf(current) as object) as MonitorEntity, current);
    const aliased = resolveAliases(request, draft.monitorType, this.config.regions);
    if (aliased.errors.length) return new Set();
    const dto = aliased.dto;
    if (dto.monitor_type !== undefined && dto.monitor_type !== draft.monitorType) {
      if (!canSwitchType(draft.monitorType, dto.monitor_type)) return new Set();
      draft.monitorType = dto.monitor_type;
    }
    if (typeFieldProblems(draft.monitorType, dto, null).length) return new Set();
    applyChanges(draft, dto);
    if (draft.monitorType === 'heartbeat') keepHeartbeatShape(draft, this.config.publicUrl);
    if (
      [
        ...typeFieldProblems(draft.monitorType, {}, draft),
        ...validateDraft(draft, { regions: this.config.regions, minIntervalSeconds: plan.minIntervalSeconds }),
      ].length
    )
      return new Set();
    const changed = this.targets(draft).filter((t) => !before.has(keyOf(t)));
    await this.guardList(changed);
    return new Set(changed.map(keyOf));
  }

  private targets(m: MonitorEntity): GuardTarget[] {
    return [...TYPE_RULES[m.monitorType].guardTargets(m), ...alertTargets(m)];
  }

  private async validate(
    m: MonitorEntity,
    plan: PlanLimits,
    slugGiven: string | undefined,
    intervalGiven = true,
    guard = true,
  ): Promise<void> {
    const errors = [
      ...typeFieldProblems(m.monitorType, {}, m),
      ...validateDraft(m, { regions: this.config.regions, minIntervalSeconds: plan.minIntervalSeconds }),
    ];
    if (slugGiven !== undefined && !m.slug)
      errors.push({ field: 'slug', message: 'slug must contain letters or digits' });
    if (errors.length) throw validationFailed(errors);
    if (intervalGiven) {
      const problem = intervalProblem(m.checkInterval, plan);
      if (problem?.code === 'forbidden') throw new DomainError('forbidden', problem.message);
      if (problem) throw validationFailed([{ field: 'check_interval', message: problem.message }]);
    }
    if (guard && !this.config.allowPrivateTargets) await this.guardList(this.targets(m));
  }

  /**
   * SSRF guard at create/update (SPEC 7): every host the monitor's probes will connect to
   * (or, for dns, the resolver they will query), and the alert endpoints the control plane
   * will call, must resolve to public addresses only.
   * The probe guards again after its own lookup and on every redirect.
   */
  private async guardList(targets: GuardTarget[]): Promise<void> {
    const errors = [];
    for (const t of targets) {
      try {
        if (t.lookup) await withTimeout(resolveAndGuard(t.host, false), GUARD_LOOKUP_TIMEOUT_MS);
        else guardAddress(t.host, t.host, false);
      } catch (e) {
        const message =
          e instanceof TargetRefusedError
            ? e.message
            : e instanceof LookupTimeout
              ? `${t.field} host "${t.host}" did not resolve within ${GUARD_LOOKUP_TIMEOUT_MS / 1000} s`
              : `${t.field} host "${t.host}" could not be resolved`;
        errors.push({ field: t.field, message });
      }
    }
    if (errors.length) throw validationFailed(errors);
  }
}
