import { Inject, Injectable } from '@nestjs/common';
import { DomainError, FieldError, notFound, validationFailed } from '../common/errors';
import { newId } from '../common/ids';
import type { Principal } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { TransactionRunner, Tx } from '../database/transaction';
import type { MonitorEntity } from '../monitors/monitor.entity';
import { MonitorsRepository } from '../monitors/monitors.repository';
import { CreateStatusPageDto, StatusPageView, UpdateStatusPageDto } from './dto/status-page.dto';
import type { PageSummary, PublicMonitorView, PublicPageInfo, PublicPageView } from './public-page';
import { normaliseCustomDomain, planLayout } from './status-page-rules';
import { StatusPageEntity } from './status-page.entity';
import { PageLayout, StatusPagesRepository } from './status-pages.repository';
import { AccountId, asAccountId } from '../common/account-id';

/** `/s/{slug}` or the custom domain's root. */
export function pageUrl(page: Pick<StatusPageEntity, 'slug' | 'customDomain'>, publicUrl: string): string {
  return page.customDomain ? `https://${page.customDomain}` : `${publicUrl}/s/${page.slug}`;
}

/** A page named and linked, for other contexts. */
export function pageSummary(page: StatusPageEntity, publicUrl: string): PageSummary {
  return { id: page.id, accountId: page.accountId, slug: page.slug, title: page.title, url: pageUrl(page, publicUrl) };
}

/** The monitor as a page may show it (see PublicMonitorView: nothing private). */
export function toPublicMonitor(
  m: MonitorEntity,
  groupSlug: string | null,
  showTargetUrls: boolean,
  flapping = false,
): PublicMonitorView {
  return {
    id: m.id,
    slug: m.slug,
    name: m.name,
    type: m.monitorType,
    status: m.status,
    flapping,
    paused: m.paused,
    regions: [...m.regions],
    quorum: m.quorum,
    intervalSeconds: m.monitorType === 'heartbeat' ? (m.heartbeatInterval ?? m.checkInterval) : m.checkInterval,
    locationStatus: { ...(m.locationStatus ?? {}) },
    lastResponseMs: m.lastResponseMs,
    lastStatusCode: m.lastStatusCode,
    lastResponseByRegion: { ...(m.lastResponseByRegion ?? {}) },
    lastChecked: m.lastChecked,
    statusChangedAt: m.statusChangedAt,
    groupSlug,
    targetUrl: showTargetUrls && m.monitorType !== 'heartbeat' ? m.url : null,
    createdAt: m.createdAt,
    maintenanceWindows: m.maintenanceWindows ?? [],
  };
}

/**
 * Status pages (SPEC 3.7): the owner API and the lookups every public route starts with
 * (`loadBySlug`, `loadByDomain`: the page and its public monitors in four queries).
 */
@Injectable()
export class StatusPagesService {
  private readonly ownHost: string | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pages: StatusPagesRepository,
    private readonly monitors: MonitorsRepository,
    private readonly tx: TransactionRunner,
  ) {
    try {
      this.ownHost = new URL(config.publicUrl).hostname.toLowerCase();
    } catch {
      this.ownHost = null;
    }
  }

  async create(p: Principal, dto: CreateStatusPageDto): Promise<StatusPageView> {
    const page = new StatusPageEntity();
    page.id = newId('sp');
    page.accountId = p.accountId;
    this.assign(page, dto, true);
    const saved = await this.tx.run(async (tx) => {
      const layout = await this.checkLayout(p, dto.groups ?? [], dto.monitor_ids ?? [], tx);
      await this.checkUnique(page, null, tx);
      const s = await this.pages.save(page, tx);
      await this.pages.replaceLayout(tx, s.id, layout.groups, layout.members);
      return s;
    });
    return this.view(saved);
  }

  async list(p: Principal, limit: number, offset: number): Promise<{ items: StatusPageView[]; total: number }> {
    const { items, total } = await this.pages.list(p.accountId, limit, offset);
    const layouts = await this.pages.layouts(items.map((i) => i.id));
    return { items: items.map((i) => toView(i, layouts.get(i.id)!, this.config.publicUrl)), total };
  }

  async get(p: Principal, id: string): Promise<StatusPageView> {
    const page = await this.pages.findOne(p.accountId, id);
    if (!page) throw notFound('status page', id);
    return this.view(page);
  }

  /** PUT replaces the page (omitted fields get their defaults); PATCH keeps omitted fields. */
  async update(
    p: Principal,
    id: string,
    dto: UpdateStatusPageDto | CreateStatusPageDto,
    replace: boolean,
  ): Promise<StatusPageView> {
    const saved = await this.tx.run(async (tx) => {
      const page = await this.pages.lockOne(p.accountId, id, tx);
      if (!page) throw notFound('status page', id);
      this.assign(page, dto, replace);
      const relayout = replace || dto.groups !== undefined || dto.monitor_ids !== undefined;
      let layout: ReturnType<typeof planLayout> | null = null;
      if (relayout) {
        const current = (await this.pages.layouts([page.id], tx)).get(page.id)!;
        const groups = dto.groups ?? (replace ? [] : currentGroups(current));
        const ungrouped =
          dto.monitor_ids ??
          (replace ? [] : current.members.filter((m) => m.groupSlug === null).map((m) => m.monitorId));
        layout = await this.checkLayout(p, groups, ungrouped, tx, {
          groups: replace || dto.groups !== undefined,
          ungrouped: replace || dto.monitor_ids !== undefined,
        });
      }
      await this.checkUnique(page, page.id, tx);
      const s = await this.pages.save(page, tx);
      if (layout) await this.pages.replaceLayout(tx, s.id, layout.groups, layout.members);
      return s;
    });
    return this.view(saved);
  }

  async remove(p: Principal, id: string): Promise<{ deleted: true; id: string }> {
    if (!(await this.pages.delete(p.accountId, id))) throw notFound('status page', id);
    return { deleted: true, id };
  }

  /** Public: the page at `/s/{slug}` with its public monitors, or null. */
  async loadBySlug(slug: string): Promise<PublicPageView | null> {
    if (typeof slug !== 'string' || slug.length > 64) return null;
    const page = await this.pages.findBySlug(slug);
    return page ? this.load(page) : null;
  }

  /** Public: the page whose custom domain is `host` (lowercase, no port), or null. */
  async loadByDomain(host: string): Promise<PublicPageView | null> {
    if (typeof host !== 'string' || host.length > 253) return null;
    const page = await this.pages.findByDomain(host);
    return page ? this.load(page) : null;
  }

  /** The slug served on a custom domain, or null (used to route `/` and `/api/…` on it). */
  async slugForDomain(host: string): Promise<string | null> {
    if (host.length > 253) return null;
    return (await this.pages.findByDomain(host))?.slug ?? null;
  }

  /** For other contexts: the page at `/s/{slug}`, named and linked. */
  async summaryBySlug(slug: string): Promise<PageSummary | null> {
    const page = slug.length <= 64 ? await this.pages.findBySlug(slug) : null;
    return page ? this.summary(page) : null;
  }

  /** For other contexts: the account's own page, or null (another account's: null). */
  async summaryById(accountId: AccountId, id: string): Promise<PageSummary | null> {
    const page = await this.pages.findOne(accountId, id);
    return page ? this.summary(page) : null;
  }

  private summary(page: StatusPageEntity): PageSummary {
    return pageSummary(page, this.config.publicUrl);
  }

  private async load(page: StatusPageEntity): Promise<PublicPageView> {
    const layout = (await this.pages.layouts([page.id])).get(page.id)!;
    const found = await this.monitors.findPublicByIdsWithFlapping(
      asAccountId(page.accountId),
      layout.members.map((m) => m.monitorId),
    );
    const byId = new Map(found.map((f) => [f.monitor.id, f.monitor]));
    const flapping = new Map(found.map((f) => [f.monitor.id, f.flappingSince !== null]));
    const info: PublicPageInfo = {
      id: page.id,
      accountId: page.accountId,
      slug: page.slug,
      title: page.title,
      description: page.description,
      companyName: page.companyName,
      customDomain: page.customDomain,
      theme: page.theme,
      accentColor: page.accentColor,
      showRegions: page.showRegions,
      showTargetUrls: page.showTargetUrls,
      url: pageUrl(page, this.config.publicUrl),
      updatedAt: page.updatedAt,
    };
    const shown = layout.members
      .filter((m) => byId.has(m.monitorId))
      .map((m) =>
        toPublicMonitor(byId.get(m.monitorId)!, m.groupSlug, page.showTargetUrls, flapping.get(m.monitorId) ?? false),
      );
    const groups = layout.groups.map((g) => ({
      slug: g.slug,
      name: g.name,
      order: g.position,
      monitors: shown.filter((m) => m.groupSlug === g.slug),
    }));
    const ungrouped = shown.filter((m) => m.groupSlug === null);
    return { page: info, groups, ungrouped, monitors: [...groups.flatMap((g) => g.monitors), ...ungrouped] };
  }

  private assign(page: StatusPageEntity, dto: UpdateStatusPageDto, replace: boolean): void {
    const errors: FieldError[] = [];
    const pick = <K extends keyof UpdateStatusPageDto>(k: K, fallback: NonNullable<UpdateStatusPageDto[K]> | null) =>
      dto[k] !== undefined ? dto[k] : replace ? fallback : undefined;
    if (dto.slug !== undefined) page.slug = dto.slug;
    if (dto.title !== undefined) page.title = dto.title;
    const description = pick('description', '');
    if (description !== undefined) page.description = description ?? '';
    const company = pick('company_name', '');
    if (company !== undefined) page.companyName = company ?? '';
    const theme = pick('theme', 'auto');
    if (theme !== undefined) page.theme = theme ?? 'auto';
    const accent = pick('accent_color', null);
    if (accent !== undefined) page.accentColor = accent ? accent.toLowerCase() : null;
    const regions = pick('show_regions', true);
    if (regions !== undefined) page.showRegions = regions ?? true;
    const urls = pick('show_target_urls', false);
    if (urls !== undefined) page.showTargetUrls = urls ?? false;
    const domain = pick('custom_domain', null);
    if (domain !== undefined) {
      if (domain === null || domain === '') page.customDomain = null;
      else {
        const n = normaliseCustomDomain(domain, this.ownHost);
        if ('error' in n) errors.push({ field: 'custom_domain', message: n.error });
        else page.customDomain = n.value;
      }
    }
    if (errors.length) throw validationFailed(errors);
  }

  /** 422 for layout problems and for monitors that are not the account's own public ones. */
  private async checkLayout(
    p: Principal,
    groups: NonNullable<UpdateStatusPageDto['groups']>,
    monitorIds: string[],
    tx: Tx,
    given: { groups: boolean; ungrouped: boolean } = { groups: true, ungrouped: true },
  ) {
    const plan = planLayout({ groups, monitorIds });
    const errors = [...plan.errors];
    // Kept parts of the layout (a PATCH of one list) are not re-checked: a monitor made private since is hidden, not an error.
    const refs = plan.refs.filter((r) => (r.field.startsWith('groups') ? given.groups : given.ungrouped));
    const visibility = await this.monitors.visibility(
      p.accountId,
      refs.map((r) => r.monitorId),
      tx,
    );
    for (const ref of refs) {
      const isPublic = visibility.get(ref.monitorId);
      if (isPublic === undefined) errors.push({ field: ref.field, message: `monitor ${ref.monitorId} not found` });
      else if (!isPublic)
        errors.push({
          field: ref.field,
          message: `monitor ${ref.monitorId} is private: make it public (PATCH /monitors/{id}/public) to show it on a page`,
        });
    }
    if (errors.length) throw validationFailed(errors);
    return plan;
  }

  private async checkUnique(page: StatusPageEntity, exceptId: string | null, tx: Tx): Promise<void> {
    if (await this.pages.slugTaken(page.slug, exceptId, tx))
      throw new DomainError('conflict', `slug "${page.slug}" is already taken`);
    if (page.customDomain && (await this.pages.domainTaken(page.customDomain, exceptId, tx))) {
      throw new DomainError('conflict', `custom_domain "${page.customDomain}" is already used by another page`);
    }
  }

  private async view(page: StatusPageEntity): Promise<StatusPageView> {
    const layout = (await this.pages.layouts([page.id])).get(page.id)!;
    return toView(page, layout, this.config.publicUrl);
  }
}

function currentGroups(l: PageLayout) {
  return l.groups.map((g) => ({
    slug: g.slug,
    name: g.name,
    order: g.position,
    monitor_ids: l.members.filter((m) => m.groupSlug === g.slug).map((m) => m.monitorId),
  }));
}

function toView(page: StatusPageEntity, layout: PageLayout, publicUrl: string): StatusPageView {
  return {
    id: page.id,
    slug: page.slug,
    title: page.title,
    description: page.description,
    company_name: page.companyName,
    groups: layout.groups.map((g) => ({
      slug: g.slug,
      name: g.name,
      order: g.position,
      monitor_ids: layout.members.filter((m) => m.groupSlug === g.slug).map((m) => m.monitorId),
    })),
    monitor_ids: layout.members.filter((m) => m.groupSlug === null).map((m) => m.monitorId),
    custom_domain: page.customDomain,
    theme: page.theme,
    accent_color: page.accentColor,
    show_regions: page.showRegions,
    show_target_urls: page.showTargetUrls,
    url: pageUrl(page, publicUrl),
    created_at: page.createdAt.toISOString(),
    updated_at: page.updatedAt.toISOString(),
  };
}
