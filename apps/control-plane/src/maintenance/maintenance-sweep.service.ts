import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task';
import { MaintenanceService } from './maintenance.service';

const SWEEP_EVERY_MS = 5_000;

/** Every replica sweeps every 5 s; the sweep's conditional update makes each transition happen once. */
@Injectable()
export class MaintenanceSweepService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MaintenanceSweepService.name);
  private readonly task = new PeriodicTask(this.logger, 'maintenance sweep', SWEEP_EVERY_MS, async () => {
    await this.maintenance.sweep();
    return false;
  });

  constructor(private readonly maintenance: MaintenanceService) {}

  onApplicationBootstrap(): void {
    this.task.start(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }
}
