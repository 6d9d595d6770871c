import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { JobV1 } from '@parallax/contracts';
import { JobRunner } from './job.runner';
import { JOB_EVENT } from './jobs.server';

/** Receives the region's validated jobs from the JobsServer transport. */
@Controller()
export class JobsController {
  constructor(private readonly runner: JobRunner) {}

  @EventPattern(JOB_EVENT)
  onJob(@Payload() job: JobV1): void {
    this.runner.submit(job);
  }
}
