import { Injectable } from '@nestjs/common';
import { IncidentsService } from '../incidents/incidents.service';
import { NotificationsService } from '../notifications/notifications.service';
import { MetricsService } from './metrics.service';

/**
 * Gauges read from the database when Prometheus scrapes. (The fleet gauges, probes
 * online and region health, are kept current every second by FleetHealthService.)
 */
@Injectable()
export class OperationsService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly incidents: IncidentsService,
    private readonly notifications: NotificationsService,
  ) {}

  async refreshGauges(): Promise<void> {
    this.metrics.openIncidents.set(await this.incidents.countOpen());
    const outbox = await this.notifications.outboxStats();
    this.metrics.notificationOutboxPending.set(outbox.pending);
    this.metrics.notificationOutboxOldestDue.set(outbox.oldestDueSeconds);
  }
}
