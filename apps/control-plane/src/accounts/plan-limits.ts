import { Inject, Injectable } from '@nestjs/common';
import type { Plan } from '../common/principal';
import { APP_CONFIG, AppConfig, PlanLimits } from '../config/config';

/** A plan's limits (max monitors, interval bounds) as configured for this deployment. */
export function planLimits(config: AppConfig, plan: Plan): PlanLimits {
  const limits = config.plans[plan];
  if (!limits) throw new Error(`unknown plan "${plan}"`);
  return limits;
}

/** Injectable form of {@link planLimits}, exported by AccountsModule for other contexts. */
@Injectable()
export class PlanLimitsService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  planLimits(plan: Plan): PlanLimits {
    return planLimits(this.config, plan);
  }
}
