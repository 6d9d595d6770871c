import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors';
import type { Principal } from '../common/principal';
import { toIncidentResponse } from './incident.mapper';
import { IncidentFilter, IncidentsRepository } from './incidents.repository';

@Injectable()
export class IncidentsService {
  constructor(private readonly incidents: IncidentsRepository) {}

  async list(p: Principal, f: IncidentFilter) {
    const { items, total } = await this.incidents.list(p.accountId, f);
    return { items: items.map(toIncidentResponse), total };
  }

  async get(p: Principal, id: string) {
    const i = await this.incidents.findOne(p.accountId, id);
    if (!i) throw notFound('incident', id);
    return toIncidentResponse(i);
  }

  countOpen(): Promise<number> {
    return this.incidents.countOpen();
  }
}
