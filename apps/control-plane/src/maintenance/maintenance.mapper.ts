import { MaintenanceEntity, MaintenanceUpdateEntity } from './maintenance.entity';

export function toMaintenanceUpdateResponse(u: MaintenanceUpdateEntity) {
  return { id: u.id, label: u.label, content: u.content, status: u.status, created_at: u.createdAt.toISOString() };
}

/** `GET /maintenance/{id}`: the maintenance with its timeline (oldest first). */
export function toMaintenanceResponse(m: MaintenanceEntity, updates: MaintenanceUpdateEntity[] = []) {
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    status: m.status,
    monitor_ids: [...m.monitorIds],
    starts_at: m.startsAt.toISOString(),
    ends_at: m.endsAt.toISOString(),
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
    updates: updates.map(toMaintenanceUpdateResponse),
  };
}
