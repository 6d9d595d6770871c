/* Generated from docs/openapi.json by `npm run openapi` (openapi-typescript): do not edit. */
export interface paths {
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account, its first user and a first read_write API key (shown once) */
        post: operations["AuthController_signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for a JWT */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every login session of the caller: all its JWTs stop working (needs a JWT, not an API key) */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password (the current one is required); revokes the older JWTs and answers a new one */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: user (null for an API key), account, how it authenticated and plan limits */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the account's API keys (never the keys themselves) */
        get: operations["ApiKeysController_list"];
        put?: never;
        /** Create an API key; the full key is returned once, in this answer only */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete (revoke) an API key; the key in use may delete itself */
        delete: operations["ApiKeysController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/anomalies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Anomalies across your monitors, newest first (default: the unacknowledged ones, as StatusCore) */
        get: operations["AnomaliesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/anomalies/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an anomaly (it leaves the default list; idempotent) */
        post: operations["AnomaliesController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent incidents and anomalies; per region p50/p95 and uptime now vs the previous period, the slowest region, error classes */
        get: operations["InsightsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/tools/whois/{target}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RDAP/WHOIS registration of a domain or an IP address, normalised, with the raw answer (rate-limited per account) */
        get: operations["ToolsController_lookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/mtr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** MTR from each region's probes to the monitor's target host: hops with address, loss, sent, best/avg/worst (rate-limited per account) */
        get: operations["ToolsController_trace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List monitors (default page 500)
         * @description Pages by `cursor` (keyset: pass `meta.next_cursor` of the previous page; any depth) or by `offset`/`page` (offsets beyond 10,000 answer 422).
         */
        get: operations["MonitorsController_list"];
        put?: never;
        /** Create a monitor; it starts checking at once from its regions */
        post: operations["MonitorsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create up to 1,000 monitors in one call, all or none
         * @description Each item is checked as POST /monitors checks its body; any problem answers 422 with every item's problems as `monitors[i].field` in `details`, and nothing is created. The answer lists the new monitors in the order given.
         */
        post: operations["MonitorsController_bulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A monitor with its status and per-region read model */
        get: operations["MonitorsController_get"];
        /** Partial update (same as PATCH): omitted fields are kept */
        put: operations["MonitorsController_put"];
        post?: never;
        /** Delete a monitor with its history */
        delete: operations["MonitorsController_remove"];
        options?: never;
        head?: never;
        /** Partial update: omitted fields are kept */
        patch: operations["MonitorsController_patch"];
        trace?: never;
    };
    "/api/v1/monitors/{id}/toggle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Enable (is_active: true) or disable (false) a monitor */
        patch: operations["MonitorsController_toggle"];
        trace?: never;
    };
    "/api/v1/monitors/{id}/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Show or hide the monitor on the public status page */
        patch: operations["MonitorsController_setPublic"];
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents across your monitors, newest first */
        get: operations["IncidentsController_list"];
        put?: never;
        /** Create a manual incident (title, description, monitor_ids or StatusPool monitor_id, status, impact); its first update is written with it */
        post: operations["IncidentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident with its failure details and region results */
        get: operations["IncidentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** A manual incident's title, description, impact, monitors or status (a status change adds an update); automatic incidents: 409 */
        patch: operations["IncidentsController_patch"];
        trace?: never;
    };
    "/api/v1/incidents/{id}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an update to the timeline of a manual or automatic incident (status: manual incidents only) */
        post: operations["IncidentsController_addUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your maintenance, latest start first */
        get: operations["MaintenanceController_list"];
        put?: never;
        /** Schedule maintenance (title, description, monitor_ids, starts_at, ends_at): scheduled → in_progress → completed by the clock */
        post: operations["MaintenanceController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A maintenance with its timeline */
        get: operations["MaintenanceController_get"];
        put?: never;
        post?: never;
        /** Delete a maintenance and its timeline */
        delete: operations["MaintenanceController_delete"];
        options?: never;
        head?: never;
        /** Change a maintenance not yet finished, or cancel it (status: cancelled); finished ones: 409 */
        patch: operations["MaintenanceController_patch"];
        trace?: never;
    };
    "/api/v1/maintenance/{id}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an entry to the timeline of a maintenance */
        post: operations["MaintenanceController_addUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ping/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Record a heartbeat ping (GET, POST or HEAD): the job succeeded */
        get: operations["PingController_get"];
        put?: never;
        /** Record a heartbeat ping (POST); the body is ignored */
        post: operations["PingController_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ping/{id}/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Record the start (/start) or the failure (/fail) of a run (GET or HEAD) */
        get: operations["PingController_getKind"];
        put?: never;
        /** Record the start (/start) or the failure (/fail) of a run (POST); the body is ignored */
        post: operations["PingController_postKind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/ping-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new ping token for a heartbeat monitor (the old ping_url stops working); the full ping_url is shown once */
        post: operations["PingTokenController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your webhook endpoints (secrets masked) */
        get: operations["WebhooksController_list"];
        put?: never;
        /** Register a webhook endpoint; the whsec_ secret is answered only here */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook endpoint (secret masked) */
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its pending deliveries */
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        /** Change url, events, description or active (true re-enables an endpoint disabled by 410 Gone) */
        patch: operations["WebhooksController_update"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a signed `test` event to this endpoint; see its deliveries for the outcome */
        post: operations["WebhooksController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries to this endpoint, newest first, each with its attempt log */
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now, with a fresh retry schedule (re-enables an endpoint disabled by 410) */
        post: operations["WebhooksController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check history, newest first: one entry per round with every region’s result */
        get: operations["HistoryController_checks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/response-times": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-region response times: a series of count, avg, p50, p95, p99, min, max (and uptime) and a summary for the window */
        get: operations["TimeseriesController_responseTimes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/uptime/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Daily uptime entries (date, totalChecks, successChecks, uptime) ending today, and the outage days */
        get: operations["TimeseriesController_daily"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/uptime/hourly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 24 hourly uptime entries of one UTC date */
        get: operations["TimeseriesController_hourly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/uptime/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The check records of one UTC hour: per region its results, else the rounds */
        get: operations["TimeseriesController_minutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check log: one entry per region result, newest first */
        get: operations["TimeseriesController_logs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current status, last check, response time and 30-day uptime */
        get: operations["TimeseriesController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rounds of the last hours (checked_at, status, response_time) with avg/min/max/uptime */
        get: operations["TimeseriesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitors/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Response-time and uptime statistics of the last days, overall and per region */
        get: operations["TimeseriesController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configured regions: health, probes online (count, versions, load; no probe ids) */
        get: operations["RegionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status-pages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's status pages, oldest first */
        get: operations["StatusPagesController_list"];
        put?: never;
        /** Create a public status page (served at /s/{slug} and / on its custom domain) */
        post: operations["StatusPagesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status-pages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One status page (another account’s id: 404) */
        get: operations["StatusPagesController_get"];
        /** Replace the page: omitted fields get their defaults */
        put: operations["StatusPagesController_put"];
        post?: never;
        /** Delete a status page */
        delete: operations["StatusPagesController_remove"];
        options?: never;
        head?: never;
        /** Partial update: omitted fields are kept; groups / monitor_ids, when given, replace those lists */
        patch: operations["StatusPagesController_patch"];
        trace?: never;
    };
    "/s/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The status page (server-rendered HTML; also served at / on its custom domain) */
        get: operations["PublicStatusController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/status/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** StatusCore's public status JSON of a page (no auth, CORS *) */
        get: operations["PublicStatusController_statusCore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/api/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Valtrogen: the page's maintenance logs with their events (camelCase, ms timestamps), latest start first */
        get: operations["ValtrogenController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/api/maintenance/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Valtrogen: one maintenance log with its events and `monitorDetails` of the affected monitors (by slug) */
        get: operations["ValtrogenController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/api/monitors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Valtrogen: the page's monitors with 90 `dailyUptimes` and its `groups`; with `monitorId` and `date`, that monitor's 24 `hourlyData` entries of the UTC date instead */
        get: operations["ValtrogenController_monitors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/api/monitors/{monitorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Valtrogen: one monitor (by slug) with its 90-day `history`, `outages` (days with a failed round), `group` and `maintenanceLogs` */
        get: operations["ValtrogenController_monitor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/api/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Valtrogen: a monitor's decided rounds of one UTC hour (≤ 60, oldest first); a failed one carries an error class, never the raw error */
        get: operations["ValtrogenController_minutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/api/groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Valtrogen: one of the page's groups (by slug) with its monitors, `stats {total, up, degraded, down}` and `maintenanceLogs` */
        get: operations["ValtrogenController_group"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/badge/{id}/status.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current status badge: up (green), down (red), warn (amber, SSL), degraded (yellow), pending/paused (grey) */
        get: operations["BadgesController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/badge/{id}/response.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Last response time badge: green < 500 ms, yellow-green < 1.5 s, yellow < 3 s, red ≥ 3 s */
        get: operations["BadgesController_response"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/badge/{id}/shields.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** shields.io endpoint JSON (schemaVersion 1), to restyle through https://img.shields.io/endpoint?url=… */
        get: operations["BadgesController_shields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/badge/{id}.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Uptime badge (lifetime uptime_percent): green ≥ 99.5 %, yellow-green ≥ 99 %, yellow ≥ 95 %, red below */
        get: operations["BadgesController_uptime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/api/badge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Valtrogen status badge of the page (SVG, badge-maker): the page's overall status, or one monitor (monitorId = its slug) */
        get: operations["PagePublicController_badge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/badge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Valtrogen status badge of the page (SVG, badge-maker): the page's overall status, or one monitor (monitorId = its slug) */
        get: operations["PagePublicController_domainBadge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/api/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Atom 1.0 (default) or RSS 2.0 (?format=rss) of the page's incidents and maintenance: the 50 newest by update time */
        get: operations["PagePublicController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Atom 1.0 (default) or RSS 2.0 (?format=rss) of the page's incidents and maintenance: the 50 newest by update time */
        get: operations["PagePublicController_domainFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subscribe an email address: a confirmation link is sent (double opt-in); the answer is the same whether or not it was subscribed */
        post: operations["PublicSubscriptionsController_subscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The confirmation link of the email */
        get: operations["PublicSubscriptionsController_confirm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unsubscribe link of every email: a page with one button (mail scanners that open links do not unsubscribe anyone) */
        get: operations["PublicSubscriptionsController_unsubscribePage"];
        put?: never;
        /** Unsubscribe (the form above, and RFC 8058 one-click: List-Unsubscribe-Post) */
        post: operations["PublicSubscriptionsController_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status-pages/{id}/subscribers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the page's subscribers (emails masked; pending ones are not notified until confirmed) */
        get: operations["SubscribersController_list"];
        put?: never;
        /** Add a webhook subscriber: incident and maintenance events, signed with Standard Webhooks (the secret is answered once) */
        post: operations["SubscribersController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status-pages/{id}/subscribers/{subscriberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a subscriber (pending deliveries to it are dropped) */
        delete: operations["SubscribersController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FieldErrorView: {
            /** @example json_assertions[0].operator */
            field: string;
            /** @example operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists */
            message: string;
        };
        ErrorEnvelopeView: {
            /**
             * @description always null on an error
             * @example null
             * @enum {string|null}
             */
            data: null;
            /**
             * @description a human-readable message
             * @example validation failed
             */
            error: string;
            /**
             * @description machine-readable error code
             * @enum {string}
             */
            code: "bad_request" | "unauthorized" | "forbidden" | "plan_limit" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "validation_failed" | "rate_limited" | "upstream_error" | "internal";
            /** @description 422: one entry per invalid field */
            details?: components["schemas"]["FieldErrorView"][];
            /**
             * @description 429: seconds to wait (also in the Retry-After header)
             * @example 42
             */
            retry_after?: number;
            /**
             * @description 500: the reference of the error in the server log
             * @example err_3f9c0a1b2d4e5f60
             */
            error_id?: string;
        };
        AccountView: {
            /** @example acc_3k9x0q2m7d1v8b4n */
            id: string;
            /** @example Acme Ops */
            name: string;
            /** @enum {string} */
            plan: "unlimited" | "free" | "pro";
            /** Format: date-time */
            created_at: string;
        };
        UserView: {
            /** @example usr_5n1c8r0w2k7p3q9z */
            id: string;
            /** @example you@example.com */
            email: string;
            /** @example Acme Ops */
            name: string;
            /** Format: date-time */
            created_at: string;
        };
        CreatedApiKeyView: {
            id: string;
            name: string;
            prefix: string;
            /** @enum {string} */
            scope: "read_write" | "read_only";
            /**
             * @description The full key. Shown only in this response; store it now.
             * @example px_…
             */
            key: string;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description When the key stops working; null: never.
             */
            expires_at: string | null;
        };
        SignupView: {
            account: components["schemas"]["AccountView"];
            user: components["schemas"]["UserView"];
            api_key: components["schemas"]["CreatedApiKeyView"];
        };
        SignupDto: {
            /**
             * @description Login email; stored lowercased.
             * @example you@example.com
             */
            email: string;
            /** @example correct horse battery staple */
            password: string;
            /**
             * @description Your name; also names the new account.
             * @example Acme Ops
             */
            name: string;
        };
        LoginUserView: {
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            plan: "unlimited" | "free" | "pro";
            account_id: string;
        };
        LoginView: {
            user: components["schemas"]["LoginUserView"];
            /** @description JWT (HS256); send as `Authorization: Bearer <token>`. */
            token: string;
        };
        LoginDto: {
            /** @example you@example.com */
            email: string;
            /** @example correct horse battery staple */
            password: string;
        };
        LogoutView: {
            /**
             * @description every JWT of this user is revoked (its token version moved on)
             * @enum {boolean}
             */
            logged_out: true;
        };
        PasswordChangedView: {
            /** @description a new JWT: the older ones of this user are revoked */
            token: string;
        };
        ChangePasswordDto: {
            /** @example correct horse battery staple */
            current_password: string;
            /** @example a new long passphrase */
            new_password: string;
        };
        AuthInfoView: {
            /** @enum {string} */
            method: "api_key" | "jwt";
            key_id: string | null;
            /** @enum {string} */
            scope: "read_write" | "read_only";
        };
        LimitsView: {
            /**
             * @description null: no limit (the unlimited plan)
             * @example 10
             */
            max_monitors: number | null;
            /** @example 60 */
            min_interval_seconds: number;
        };
        MeView: {
            /** @description null when authenticated with an API key. */
            user: components["schemas"]["UserView"] | null;
            account: components["schemas"]["AccountView"];
            auth: components["schemas"]["AuthInfoView"];
            limits: components["schemas"]["LimitsView"];
        };
        CreateApiKeyDto: {
            /** @example ci-pipeline */
            name: string;
            /**
             * @description A read_only key may only GET.
             * @default read_write
             * @enum {string}
             */
            scope?: "read_write" | "read_only";
            /**
             * Format: date-time
             * @description When the key stops working (in the future, within 10 years); omitted: never.
             * @example 2027-01-01T00:00:00Z
             */
            expires_at?: string;
        };
        ApiKeyView: {
            /** @example key_8d2m4x0c9v1b7n3q */
            id: string;
            /** @example ci-pipeline */
            name: string;
            /**
             * @description First characters of the key, to tell keys apart.
             * @example px_Q2xN8z
             */
            prefix: string;
            /** @enum {string} */
            scope: "read_write" | "read_only";
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description Updated at most once a minute.
             */
            last_used_at: string | null;
            /**
             * Format: date-time
             * @description When the key stops working; null: never.
             */
            expires_at: string | null;
        };
        ListMetaView: {
            /**
             * @description items matching the filters, all pages
             * @example 42
             */
            total: number;
            /** @example 500 */
            limit?: number;
            /** @example 0 */
            offset?: number;
            /**
             * @description 1-based page of this answer
             * @example 1
             */
            page?: number;
        };
        DeletedView: {
            /** @example true */
            deleted: boolean;
            id: string;
        };
        AnomalyBandView: {
            /**
             * @description Median of the same hour of the week 1–4 weeks back
             * @example 120.4
             */
            value: number;
            /** @example 96.1 */
            lower: number;
            /** @example 144.7 */
            upper: number;
        };
        AnomalyView: {
            /** @example ano_4k2m9x0q7d1v8b3n */
            id: string;
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
            /** @example eu-west */
            region: string;
            /**
             * @description Response-time p50 or p95 of the hour (ms), or failures / checks of the hour
             * @enum {string}
             */
            metric: "p50_ms" | "p95_ms" | "error_rate";
            /** @enum {string} */
            status: "open" | "closed";
            /**
             * @description The value furthest outside the band while open
             * @example 412.5
             */
            observed: number;
            /** @description The expected band at the window that opened it */
            expected: components["schemas"]["AnomalyBandView"];
            /**
             * Format: date-time
             * @description Start of the first hourly window outside the band
             */
            started_at: string;
            /**
             * Format: date-time
             * @description Start of the first window back inside; null while open
             */
            ended_at: string | null;
            acknowledged: boolean;
            /** Format: date-time */
            acknowledged_at: string | null;
        };
        InsightsPeriodView: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
        };
        IncidentRegionResultView: {
            /** @example eu-west */
            region: string;
            is_up: boolean | null;
            /** @example 503 */
            status_code: number | null;
            /** @example 812.3 */
            response_ms: number | null;
            /** @example expected status 200, got 503 */
            error: string | null;
        };
        IncidentUpdateView: {
            /** @example upd_4k2m9x0q7d1v8b3n */
            id: string;
            /** @example Identified */
            label: string;
            /** @example A faulty deploy; rolling back. */
            content: string;
            /**
             * @description The status the incident moved to with this update
             * @enum {string|null}
             */
            status: "investigating" | "identified" | "monitoring" | "resolved" | null;
            /** Format: date-time */
            created_at: string;
        };
        IncidentView: {
            /** @example inc_7h2k9d0q3m1x8v4b */
            id: string;
            /**
             * @description automatic: an outage, opened and resolved by the checks; regional: one region failing for regional_incident_rounds rounds while the monitor is up or degraded (affected_regions), resolved when they recover or superseded by an outage; manual: POST /incidents
             * @enum {string}
             */
            type: "automatic" | "manual" | "regional";
            /** @example My Website is down */
            title: string;
            description: string | null;
            /** @enum {string} */
            impact: "none" | "minor" | "major" | "critical";
            /**
             * @description The (first) affected monitor; null for a manual incident without monitors
             * @example mon_3k9x0q2m7d1v8b4n
             */
            monitor_id: string | null;
            /**
             * @example [
             *       "mon_3k9x0q2m7d1v8b4n"
             *     ]
             */
            monitor_ids: string[];
            /** @example My Website */
            monitor_name: string | null;
            /** @example https://example.com/health */
            monitor_url: string | null;
            /** @enum {string|null} */
            monitor_type: "http" | "json_api" | "ssl" | "tcp" | "dns" | "heartbeat" | "https" | "ping" | "sip" | "domain" | null;
            /** @enum {string} */
            status: "open" | "resolved" | "investigating" | "identified" | "monitoring";
            /** @example 503 */
            status_code: number | null;
            /** @example 812.3 */
            response_ms: number | null;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            resolved_at: string | null;
            /**
             * Format: date-time
             * @description The newest change (update, status, resolution)
             */
            updated_at: string;
            /** @example 300 */
            duration_seconds: number | null;
            /** @example expected status 200, got 503 */
            failure_error_message: string | null;
            /**
             * @example {
             *       "content-type": "text/html"
             *     }
             */
            failure_response_headers: {
                [key: string]: string;
            } | null;
            /** @description at most 2048 characters */
            failure_response_body: string | null;
            /** @example 3 */
            regions_checked: number | null;
            /** @example 1 */
            regions_up: number | null;
            region_results: components["schemas"]["IncidentRegionResultView"][] | null;
            /**
             * @example [
             *       "eu-west",
             *       "us-east"
             *     ]
             */
            affected_regions: string[];
            /**
             * @description the open incident of a monitor this one depends on (depends_on) when this one opened; its notifications were suppressed meanwhile
             * @example null
             */
            caused_by_incident_id: string | null;
            /** @description The timeline, oldest first */
            updates: components["schemas"]["IncidentUpdateView"][];
        };
        InsightsStatsView: {
            /** @example 58.3 */
            p50: number | null;
            /** @example 97.5 */
            p95: number | null;
            /** @example 1440 */
            checks: number;
            /** @example 3 */
            failures: number;
            /** @example 99.7917 */
            uptime: number | null;
        };
        InsightsRegionView: {
            /** @example eu-west */
            region: string;
            now: components["schemas"]["InsightsStatsView"];
            previous: components["schemas"]["InsightsStatsView"];
            /**
             * @description percent
             * @example 12.5
             */
            p50_change_percent: number | null;
            /**
             * @description percent
             * @example -3.1
             */
            p95_change_percent: number | null;
            /**
             * @description percentage points
             * @example -0.2083
             */
            uptime_change: number | null;
        };
        ErrorClassView: {
            /** @enum {string} */
            class: "timeout" | "dns" | "connection_refused" | "connection_reset" | "unreachable" | "tls" | "http_5xx" | "http_4xx" | "http_status" | "assertion" | "other";
            /** @example 7 */
            count: number;
            /**
             * @example {
             *       "eu-west": 4,
             *       "us-east": 3
             *     }
             */
            by_region: {
                [key: string]: number;
            };
            /** @example expected status 200, got 503 */
            example: string | null;
        };
        InsightsUptimeView: {
            /** @example 99.93 */
            now: number | null;
            /** @example 100 */
            previous: number | null;
            /**
             * @description percentage points
             * @example -0.07
             */
            change: number | null;
        };
        InsightsView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
            /** @example 24 */
            hours: number;
            period: components["schemas"]["InsightsPeriodView"];
            previous_period: components["schemas"]["InsightsPeriodView"];
            /** @description Incidents of the last 7 days, newest first (10 at most) */
            incidents: components["schemas"]["IncidentView"][];
            /** @description Anomalies open or ended in the last 7 days, newest first (20 at most) */
            anomalies: components["schemas"]["AnomalyView"][];
            regions: components["schemas"]["InsightsRegionView"][];
            /**
             * @description Highest p95 in the period
             * @example ap-south
             */
            slowest_region: string | null;
            /** @description Failed results of the period by class, most frequent first */
            error_classes: components["schemas"]["ErrorClassView"][];
            /** @description The whole monitor (its rounds) */
            uptime: components["schemas"]["InsightsUptimeView"];
        };
        WhoisView: {
            /**
             * @description What was looked up: the IP address, or the registrable domain of the name asked (a host name is reduced with the Public Suffix List: www.example.co.uk → example.co.uk)
             * @example example.com
             */
            target: string;
            /** @enum {string} */
            kind: "domain" | "ip";
            /**
             * @description RDAP first; WHOIS (port 43) when RDAP has no server or fails; IP addresses: WHOIS
             * @enum {string}
             */
            source: "rdap" | "whois";
            /** @example https://rdap.verisign.com/com/v1/domain/example.com */
            server: string;
            /** @example example.com */
            name: string;
            /** @example RESERVED-Internet Assigned Numbers Authority */
            registrar: string | null;
            /** Format: date-time */
            created_at: string | null;
            /** Format: date-time */
            updated_at: string | null;
            /** Format: date-time */
            expires_at: string | null;
            /**
             * @example [
             *       "a.iana-servers.net",
             *       "b.iana-servers.net"
             *     ]
             */
            name_servers: string[];
            /**
             * @example [
             *       "client delete prohibited",
             *       "client transfer prohibited"
             *     ]
             */
            status: string[];
            /** @description The registry answer as received (RDAP JSON or WHOIS text, 64 KiB at most) */
            raw: string;
        };
        MtrHopView: {
            /** @example 1 */
            hop: number;
            /**
             * @description null: the hop never answered (???)
             * @example 10.0.0.1
             */
            address: string | null;
            /** @example 0 */
            loss_percent: number;
            /** @example 3 */
            sent: number;
            /** @example 0.41 */
            best_ms: number | null;
            /** @example 0.62 */
            avg_ms: number | null;
            /** @example 0.93 */
            worst_ms: number | null;
        };
        MtrRegionView: {
            /** @example eu-west */
            region: string;
            /** @description The probe that answered */
            probe_id: string | null;
            /**
             * @description The address the probe resolved and traced
             * @example 93.184.216.34
             */
            address: string | null;
            hops: components["schemas"]["MtrHopView"][];
            /**
             * @description Why the region has no hops (no probe answered, SSRF guard, mtr failed)
             * @example null
             */
            error: string | null;
        };
        MtrView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
            /** @example api.example.com */
            target: string;
            /**
             * @description probes per hop
             * @example 3
             */
            count: number;
            /**
             * @description the monitor's timeout (5–60 s)
             * @example 10000
             */
            timeout_ms: number;
            regions: components["schemas"]["MtrRegionView"][];
        };
        MaintenanceWindowView: {
            /** @enum {string} */
            day: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "daily";
            /** @example 02:00 */
            start_utc: string;
            /** @example 04:00 */
            end_utc: string;
        };
        HeaderView: {
            /** @example Accept */
            key: string;
            /** @example application/json */
            value: string;
            /** @description present (true) when the header is never sent to another origin after a redirect */
            sensitive?: boolean;
        };
        JsonAssertionView: {
            /** @example data.status */
            path: string;
            /** @enum {string} */
            operator: "equals" | "not_equals" | "contains" | "not_contains" | "greater_than" | "less_than" | "exists" | "not_exists";
            /** @example ok */
            value: string;
        };
        MonitorView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            id: string;
            /**
             * @example http
             * @enum {string}
             */
            monitor_type: "http" | "json_api" | "ssl" | "tcp" | "dns" | "heartbeat" | "https" | "ping" | "sip" | "domain";
            /** @example My Website */
            name: string;
            /**
             * @description the target (http, https, json_api), a derived URL (ssl, tcp, dns) or the ping URL (heartbeat)
             * @example https://example.com/health
             */
            url: string;
            /**
             * @example up
             * @enum {string}
             */
            status: "pending" | "up" | "degraded" | "down" | "warn";
            /**
             * @description seconds between rounds
             * @example 60
             */
            check_interval: number;
            /**
             * @example [
             *       "eu-west",
             *       "us-east",
             *       "ap-south"
             *     ]
             */
            regions: string[];
            /**
             * @description failing regions that make the monitor down; null for heartbeat
             * @example 2
             */
            quorum: number | null;
            /**
             * @description agreeing confirmation rounds a change into trouble needs; null for heartbeat
             * @example 1
             */
            confirmation_rounds: number | null;
            /**
             * @description agreeing confirmation rounds a recovery needs; null for heartbeat
             * @example 1
             */
            recovery_rounds: number | null;
            /**
             * @description a status change waiting for its confirmation rounds (the status shown is unchanged until they agree); null: none
             * @example null
             * @enum {string|null}
             */
            pending_status: "up" | "degraded" | "down" | "warn" | null;
            /**
             * @description an up region slower than this (ms) counts as slow; null: off (and for heartbeat)
             * @example null
             */
            degraded_threshold_ms: number | null;
            /**
             * @description in-region retries of a failing attempt (0–3); null for types without retries (domain, heartbeat)
             * @example 0
             */
            retries: number | null;
            /**
             * @description consecutive failing rounds of one region that open a regional incident (0: off); null for heartbeat
             * @example 3
             */
            regional_incident_rounds: number | null;
            /**
             * @description more than this many status changes within flap_window_seconds is flapping; 0: off
             * @example 5
             */
            flap_threshold: number;
            /** @example 3600 */
            flap_window_seconds: number;
            /**
             * @description a monitor that stays down is notified again every this many seconds; 0: off
             * @example 0
             */
            reminder_interval_seconds: number;
            /**
             * @description monitors this one depends on
             * @example []
             */
            depends_on: string[];
            /**
             * @description the monitor is flapping: its notifications are collapsed until it is stable again
             * @example false
             */
            flapping: boolean;
            /**
             * Format: date-time
             * @description since when it flaps; null: it does not
             * @example null
             */
            flapping_since: string | null;
            /** @example 99.95 */
            uptime_percent: number;
            /** @example 1440 */
            checks_total: number;
            /** @example 1 */
            checks_failed: number;
            /** Format: date-time */
            last_checked: string | null;
            /**
             * @example {
             *       "eu-west": 120.5,
             *       "us-east": 98.1
             *     }
             */
            last_response_by_region: {
                [key: string]: number | null;
            } | null;
            /**
             * @example {
             *       "eu-west": "up",
             *       "us-east": "up"
             *     }
             */
            location_status: {
                [key: string]: "up" | "down" | "unknown";
            } | null;
            /** @example  */
            alert_email: string;
            /**
             * @description the URL embeds its secret; write-only: "********" when set, "" when not
             * @example
             */
            alert_slack_webhook: string;
            /**
             * @description the URL may embed a secret; write-only: "********" when set, "" when not
             * @example
             */
            webhook_url: string;
            /**
             * @description the URL embeds its secret; write-only: "********" when set, "" when not
             * @example
             */
            alert_discord_webhook: string;
            /** @example 99.9 */
            sla_target: number | null;
            /** @example 30 */
            sla_window_days: number;
            maintenance_windows: components["schemas"]["MaintenanceWindowView"][];
            public: boolean;
            paused: boolean;
            /** @example  */
            group: string;
            /**
             * @example [
             *       "production"
             *     ]
             */
            tags: string[];
            /** @example my-website-a3f8c1 */
            slug: string;
            /** Format: date-time */
            status_changed_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * @description http, https, json_api
             * @example 200
             */
            expected_status_code?: number;
            /**
             * @description seconds; every probed type
             * @example 10
             */
            timeout?: number;
            /** @description http, https, json_api */
            follow_redirects?: boolean;
            /** @description http, https, json_api: custom headers not marked sensitive follow a redirect to another origin */
            forward_headers_on_redirect?: boolean;
            /**
             * @description http, https, json_api
             * @example
             */
            keyword?: string;
            /**
             * @description http, https, json_api
             * @example > 2000
             */
            response_threshold_ms?: string | null;
            /** @example 200 */
            last_status_code?: number | null;
            /**
             * @description median of the last round (heartbeat: the last run’s duration)
             * @example 120.5
             */
            last_response_ms?: number | null;
            /**
             * Format: date-time
             * @description http, https, ssl
             */
            ssl_expiry?: string | null;
            /**
             * @description http, https, ssl
             * @example Let's Encrypt
             */
            ssl_issuer?: string | null;
            /**
             * @description http, https
             * @enum {string}
             */
            http_method?: "GET" | "POST" | "HEAD" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
            /**
             * @description http, https
             * @example
             */
            basic_auth_user?: string;
            /**
             * @description http, https; write-only: "********" when set, "" when not
             * @example
             */
            basic_auth_pass?: string;
            /**
             * @description http, https; write-only: "********" when set, "" when not
             * @example
             */
            bearer_token?: string;
            /**
             * @description http, https
             * @example
             */
            request_body?: string;
            /**
             * @description http, https
             * @example
             */
            request_content_type?: string;
            /** @description http, https */
            custom_headers?: components["schemas"]["HeaderView"][];
            /**
             * @description json_api; write-only: "********" when set, "" when not
             * @example
             */
            auth_header?: string;
            /** @description json_api */
            json_assertions?: components["schemas"]["JsonAssertionView"][];
            /**
             * @description ssl
             * @example example.com
             */
            ssl_domain?: string;
            /**
             * @description ssl
             * @example 443
             */
            ssl_port?: number;
            /**
             * @description ssl, https
             * @example 30
             */
            ssl_expiry_threshold_days?: number;
            /**
             * @description tcp, ping, sip
             * @example db.example.com
             */
            host?: string;
            /**
             * @description tcp, sip
             * @example 5432
             */
            port?: number | null;
            /**
             * @description tcp
             * @example
             */
            send?: string;
            /**
             * @description tcp
             * @example
             */
            expect?: string;
            /**
             * @description ping: echo requests per check
             * @example 3
             */
            ping_count?: number;
            /**
             * @description ping: milliseconds between echo requests
             * @example 1000
             */
            ping_interval_ms?: number;
            /**
             * @description ping: down above this packet loss (percent)
             * @example 0
             */
            max_packet_loss?: number;
            /**
             * @description sip
             * @enum {string}
             */
            sip_transport?: "udp" | "tcp" | "tls";
            /**
             * @description sip
             * @example [
             *       200
             *     ]
             */
            sip_expected_codes?: number[];
            /**
             * @description domain
             * @example example.com
             */
            domain?: string;
            /**
             * @description domain
             * @example 30
             */
            domain_expiry_threshold_days?: number;
            /**
             * @description domain: RDAP base URL override (empty: the IANA bootstrap registry)
             * @example
             */
            rdap_server?: string;
            /**
             * @description domain: WHOIS server override (empty: the IANA referral)
             * @example
             */
            whois_server?: string;
            /**
             * Format: date-time
             * @description domain: the registration expiry, as last read
             */
            domain_expiry?: string | null;
            /**
             * @description domain: the registrar, as last read
             * @example Example Registrar, Inc.
             */
            domain_registrar?: string | null;
            /**
             * @description domain: the registry status codes, as last read
             * @example [
             *       "client transfer prohibited"
             *     ]
             */
            domain_status?: string[];
            /**
             * @description dns
             * @example example.com
             */
            hostname?: string;
            /**
             * @description dns
             * @enum {string}
             */
            record_type?: "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS";
            /**
             * @description dns
             * @example
             */
            resolver?: string;
            /** @description dns */
            expected?: string[];
            /**
             * @description heartbeat; the token in full only when issued
             * @example https://parallax.example.com/api/ping/mon_3k9x0q2m7d1v8b4n?token=…
             */
            ping_url?: string;
            /**
             * @description heartbeat
             * @example 300
             */
            heartbeat_interval?: number | null;
            /**
             * @description heartbeat
             * @example 60
             */
            heartbeat_grace_period?: number | null;
            /**
             * Format: date-time
             * @description heartbeat
             */
            last_ping_at?: string | null;
        };
        HeaderDto: {
            /** @example Accept */
            key: string;
            /** @example text/html */
            value: string;
            /**
             * @description never sent to another origin after a redirect, even with forward_headers_on_redirect
             * @default false
             */
            sensitive?: boolean;
        };
        JsonAssertionDto: {
            /**
             * @description dot path with array indices
             * @example data.users[0].name
             */
            path: string;
            /** @enum {string} */
            operator: "equals" | "not_equals" | "contains" | "not_contains" | "greater_than" | "less_than" | "exists" | "not_exists";
            /**
             * @description expected value as a string; ignored (pass "") for exists/not_exists
             * @example ok
             */
            value?: string;
        };
        MaintenanceWindowDto: {
            /** @enum {string} */
            day: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "daily";
            /** @example 02:00 */
            start_utc: string;
            /** @example 04:00 */
            end_utc: string;
        };
        CreateMonitorDto: {
            /** @example My Website */
            name: string;
            /**
             * @default http
             * @enum {string}
             */
            monitor_type?: "http" | "json_api" | "ssl" | "tcp" | "dns" | "heartbeat" | "https" | "ping" | "sip" | "domain";
            /**
             * @description http and json_api (required there); ignored for heartbeat (its url is the generated ping URL)
             * @example https://example.com/health
             */
            url?: string;
            /**
             * @description heartbeat only: seconds between pings, 60–86400
             * @default 300
             */
            heartbeat_interval?: number;
            /**
             * @description heartbeat only: extra seconds before down, 0–3600
             * @default 60
             */
            heartbeat_grace_period?: number;
            /** @default 200 */
            expected_status_code?: number;
            /** @default 10 */
            timeout?: number;
            /**
             * @default GET
             * @enum {string}
             */
            http_method?: "GET" | "POST" | "HEAD" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
            /** @default true */
            follow_redirects?: boolean;
            /**
             * @description http, https, json_api: after a redirect to another origin, still send the custom headers not marked sensitive (never Authorization, Cookie, Proxy-Authorization)
             * @default false
             */
            forward_headers_on_redirect?: boolean;
            basic_auth_user?: string;
            /** @description write-only; answered as "********" */
            basic_auth_pass?: string;
            /** @description write-only; answered as "********" */
            bearer_token?: string;
            request_body?: string;
            /** @enum {string} */
            request_content_type?: "" | "application/json" | "text/plain" | "application/x-www-form-urlencoded";
            custom_headers?: components["schemas"]["HeaderDto"][];
            /** @example OK AND !error */
            keyword?: string;
            /** @example > 2000 */
            response_threshold_ms?: Record<string, never> | null;
            /**
             * @description json_api: the whole Authorization header; write-only, answered as "********"
             * @example Bearer tok_live_xxxx
             */
            auth_header?: string;
            /** @description json_api: all must hold; [] clears */
            json_assertions?: components["schemas"]["JsonAssertionDto"][];
            /**
             * @description ssl (required): bare host name, no https://, no path
             * @example example.com
             */
            ssl_domain?: string;
            /**
             * @description ssl: port of the TLS server
             * @default 443
             */
            ssl_port?: number;
            /**
             * @description ssl: warn when the certificate expires within this many days
             * @default 30
             */
            ssl_expiry_threshold_days?: number;
            /**
             * @description domain (required): the registered domain name whose expiry is checked
             * @example example.com
             */
            domain?: string;
            /**
             * @description domain: warn when the registration expires within this many days
             * @default 30
             */
            domain_expiry_threshold_days?: number;
            /**
             * @description domain: an RDAP base URL to ask instead of the registry's from the IANA bootstrap file (empty: the registry's)
             * @example
             */
            rdap_server?: string;
            /**
             * @description domain: a WHOIS server (host[:port], default port 43) for the fallback instead of the one IANA refers to
             * @example
             */
            whois_server?: string;
            /**
             * @description tcp, ping and sip (required): host name or IP address
             * @example db.example.com
             */
            host?: string;
            /**
             * @description tcp (required); sip (default 5060, 5061 for tls)
             * @example 5432
             */
            port?: number;
            /**
             * @description tcp: sent once connected; "" clears
             * @example PING
             */
            send?: string;
            /**
             * @description tcp: must appear in the reply; "" clears
             * @example +PONG
             */
            expect?: string;
            /**
             * @description ping: ICMP echo requests per check
             * @default 3
             */
            ping_count?: number;
            /**
             * @description ping: milliseconds between echo requests
             * @default 1000
             */
            ping_interval_ms?: number;
            /**
             * @description ping: down when more than this percentage of echoes is lost (0: every echo must come back); always down when none comes back
             * @default 0
             */
            max_packet_loss?: number;
            /**
             * @description sip: OPTIONS over UDP, TCP or TLS (port defaults to 5060, 5061 for tls)
             * @default udp
             * @enum {string}
             */
            sip_transport?: "udp" | "tcp" | "tls";
            /**
             * @description sip: final response codes that count as up
             * @example [
             *       200
             *     ]
             */
            sip_expected_codes?: number[];
            /**
             * @description dns (required): the name to query
             * @example example.com
             */
            hostname?: string;
            /**
             * @default A
             * @enum {string}
             */
            record_type?: "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS";
            /**
             * @description dns: resolver IP (optionally :port); "" = the probe's own resolver
             * @example 1.1.1.1
             */
            resolver?: string;
            /**
             * @description dns: values that must all be in the answer; [] clears
             * @example [
             *       "93.184.216.34"
             *     ]
             */
            expected?: string[];
            /**
             * @description seconds; plan range
             * @example 60
             */
            check_interval?: number;
            /**
             * @description default: every configured region
             * @example [
             *       "eu-west",
             *       "us-east",
             *       "ap-south"
             *     ]
             */
            regions?: string[];
            /** @description failing regions that make the monitor down; default: a strict majority of regions */
            quorum?: number;
            /**
             * @description second opinion: when a round would move the monitor into trouble (degraded, warn, down), a confirmation round is sent to all its regions at once; the change takes effect when this many confirmation rounds agree (0: at once). Probe monitors only
             * @default 1
             */
            confirmation_rounds?: number;
            /**
             * @description like confirmation_rounds, for a recovery (leaving down, or reaching up)
             * @default 1
             */
            recovery_rounds?: number;
            /** @description latency-degraded: an up region slower than this (ms) counts as slow; a quorum of slow regions makes the monitor degraded (never down), notified as monitor.slow; null: off. Probe monitors only */
            degraded_threshold_ms?: number | null;
            /**
             * @description in-region retries: a failing attempt is tried again up to this many times within the job (backoff 250 ms × attempt, every attempt within the round deadline) before the region reports failing; each attempt is kept in the check history. http, https, json_api, ssl, tcp, dns, ping and sip monitors
             * @default 0
             */
            retries?: number;
            /**
             * @description regional incidents: a region failing this many consecutive rounds while the monitor is up or degraded opens a regional incident (type regional, notified as monitor.degraded, never monitor.down), resolved when the region recovers; 0: off. Probe monitors only
             * @default 3
             */
            regional_incident_rounds?: number;
            /**
             * @description flap damping: more than this many status changes within flap_window_seconds marks the monitor flapping; its notifications collapse into one monitor.flapping and one monitor.stable message. 0: off
             * @default 5
             */
            flap_threshold?: number;
            /**
             * @description the window (seconds) flap_threshold counts status changes in; a flapping monitor is stable again after a quarter of it without a change
             * @default 3600
             */
            flap_window_seconds?: number;
            /**
             * @description reminders: a monitor that stays down is notified monitor.down again (payload reminder.count) every this many seconds; 0: off, else at least 60
             * @default 0
             */
            reminder_interval_seconds?: number;
            /**
             * @description dependencies: ids of monitors of this account this one depends on (no cycles); while one of them is down, this monitor's incidents are linked to its incident (caused_by_incident_id) and its notifications suppressed (recorded as suppressed)
             * @example []
             */
            depends_on?: string[];
            alert_email?: string;
            alert_slack_webhook?: string;
            webhook_url?: string;
            /** @description Discord webhook URL: alerts as embeds coloured by status */
            alert_discord_webhook?: string;
            /**
             * @description SLA target in percent over sla_window_days; an sla.breach event fires when uptime falls below it; null: none
             * @example 99.9
             */
            sla_target?: Record<string, never> | null;
            /**
             * @description days of rounds the SLA uptime is computed over
             * @default 30
             */
            sla_window_days?: number;
            /** @default true */
            public?: boolean;
            /** @default false */
            paused?: boolean;
            group?: string;
            /** @example my-api */
            slug?: string;
            /**
             * @example [
             *       "production"
             *     ]
             */
            tags?: string[];
            maintenance_windows?: components["schemas"]["MaintenanceWindowDto"][];
            /**
             * @description alias of monitor_type (StatusCore)
             * @enum {string}
             */
            type?: "http" | "json_api" | "ssl" | "tcp" | "dns" | "heartbeat" | "https" | "ping" | "sip" | "domain";
            /**
             * @description alias (StatusCore) of the type's target: url (http, https, json_api), host (tcp, ping, sip), hostname (dns), ssl_domain (ssl), domain (domain)
             * @example https://api.example.com/health
             */
            target?: string;
            /** @description StatusCore: true makes an http monitor https (certificate checked, expiry warning), false plain http */
            ssl_check?: boolean;
            /**
             * @description alias of regions (StatusCore); ["all"] = every configured region
             * @example [
             *       "all"
             *     ]
             */
            check_locations?: string[];
            /** @description alias (StatusCore): is_active false = paused true */
            is_active?: boolean;
            /** @description alias of public (StatusCore) */
            public_status?: boolean;
            /**
             * @description alias of check_interval (StatusPool)
             * @example 60
             */
            interval_seconds?: number;
            /**
             * @description alias of expected_status_code (StatusPool)
             * @example 200
             */
            expected_status?: number;
        };
        BulkMetaView: {
            /**
             * @description monitors created
             * @example 1000
             */
            total: number;
        };
        BulkCreateMonitorsDto: {
            /** @description each item as the body of POST /monitors */
            monitors: components["schemas"]["CreateMonitorDto"][];
        };
        MonitorListMetaView: {
            /**
             * @description items matching the filters, all pages
             * @example 42
             */
            total: number;
            /** @example 500 */
            limit?: number;
            /** @example 0 */
            offset?: number;
            /**
             * @description 1-based page of this answer
             * @example 1
             */
            page?: number;
            /** @description pass as `cursor` for the next page (keyset paging, any depth); null on the last page */
            next_cursor?: string | null;
        };
        UpdateMonitorDto: {
            /** @example My Website */
            name?: string;
            /**
             * @default http
             * @enum {string}
             */
            monitor_type?: "http" | "json_api" | "ssl" | "tcp" | "dns" | "heartbeat" | "https" | "ping" | "sip" | "domain";
            /**
             * @description http and json_api (required there); ignored for heartbeat (its url is the generated ping URL)
             * @example https://example.com/health
             */
            url?: string;
            /**
             * @description heartbeat only: seconds between pings, 60–86400
             * @default 300
             */
            heartbeat_interval?: number;
            /**
             * @description heartbeat only: extra seconds before down, 0–3600
             * @default 60
             */
            heartbeat_grace_period?: number;
            /** @default 200 */
            expected_status_code?: number;
            /** @default 10 */
            timeout?: number;
            /**
             * @default GET
             * @enum {string}
             */
            http_method?: "GET" | "POST" | "HEAD" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
            /** @default true */
            follow_redirects?: boolean;
            /**
             * @description http, https, json_api: after a redirect to another origin, still send the custom headers not marked sensitive (never Authorization, Cookie, Proxy-Authorization)
             * @default false
             */
            forward_headers_on_redirect?: boolean;
            basic_auth_user?: string;
            /** @description write-only; answered as "********" */
            basic_auth_pass?: string;
            /** @description write-only; answered as "********" */
            bearer_token?: string;
            request_body?: string;
            /** @enum {string} */
            request_content_type?: "" | "application/json" | "text/plain" | "application/x-www-form-urlencoded";
            custom_headers?: components["schemas"]["HeaderDto"][];
            /** @example OK AND !error */
            keyword?: string;
            /** @example > 2000 */
            response_threshold_ms?: Record<string, never> | null;
            /**
             * @description json_api: the whole Authorization header; write-only, answered as "********"
             * @example Bearer tok_live_xxxx
             */
            auth_header?: string;
            /** @description json_api: all must hold; [] clears */
            json_assertions?: components["schemas"]["JsonAssertionDto"][];
            /**
             * @description ssl (required): bare host name, no https://, no path
             * @example example.com
             */
            ssl_domain?: string;
            /**
             * @description ssl: port of the TLS server
             * @default 443
             */
            ssl_port?: number;
            /**
             * @description ssl: warn when the certificate expires within this many days
             * @default 30
             */
            ssl_expiry_threshold_days?: number;
            /**
             * @description domain (required): the registered domain name whose expiry is checked
             * @example example.com
             */
            domain?: string;
            /**
             * @description domain: warn when the registration expires within this many days
             * @default 30
             */
            domain_expiry_threshold_days?: number;
            /**
             * @description domain: an RDAP base URL to ask instead of the registry's from the IANA bootstrap file (empty: the registry's)
             * @example
             */
            rdap_server?: string;
            /**
             * @description domain: a WHOIS server (host[:port], default port 43) for the fallback instead of the one IANA refers to
             * @example
             */
            whois_server?: string;
            /**
             * @description tcp, ping and sip (required): host name or IP address
             * @example db.example.com
             */
            host?: string;
            /**
             * @description tcp (required); sip (default 5060, 5061 for tls)
             * @example 5432
             */
            port?: number;
            /**
             * @description tcp: sent once connected; "" clears
             * @example PING
             */
            send?: string;
            /**
             * @description tcp: must appear in the reply; "" clears
             * @example +PONG
             */
            expect?: string;
            /**
             * @description ping: ICMP echo requests per check
             * @default 3
             */
            ping_count?: number;
            /**
             * @description ping: milliseconds between echo requests
             * @default 1000
             */
            ping_interval_ms?: number;
            /**
             * @description ping: down when more than this percentage of echoes is lost (0: every echo must come back); always down when none comes back
             * @default 0
             */
            max_packet_loss?: number;
            /**
             * @description sip: OPTIONS over UDP, TCP or TLS (port defaults to 5060, 5061 for tls)
             * @default udp
             * @enum {string}
             */
            sip_transport?: "udp" | "tcp" | "tls";
            /**
             * @description sip: final response codes that count as up
             * @example [
             *       200
             *     ]
             */
            sip_expected_codes?: number[];
            /**
             * @description dns (required): the name to query
             * @example example.com
             */
            hostname?: string;
            /**
             * @default A
             * @enum {string}
             */
            record_type?: "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS";
            /**
             * @description dns: resolver IP (optionally :port); "" = the probe's own resolver
             * @example 1.1.1.1
             */
            resolver?: string;
            /**
             * @description dns: values that must all be in the answer; [] clears
             * @example [
             *       "93.184.216.34"
             *     ]
             */
            expected?: string[];
            /**
             * @description seconds; plan range
             * @example 60
             */
            check_interval?: number;
            /**
             * @description default: every configured region
             * @example [
             *       "eu-west",
             *       "us-east",
             *       "ap-south"
             *     ]
             */
            regions?: string[];
            /** @description failing regions that make the monitor down; default: a strict majority of regions */
            quorum?: number;
            /**
             * @description second opinion: when a round would move the monitor into trouble (degraded, warn, down), a confirmation round is sent to all its regions at once; the change takes effect when this many confirmation rounds agree (0: at once). Probe monitors only
             * @default 1
             */
            confirmation_rounds?: number;
            /**
             * @description like confirmation_rounds, for a recovery (leaving down, or reaching up)
             * @default 1
             */
            recovery_rounds?: number;
            /** @description latency-degraded: an up region slower than this (ms) counts as slow; a quorum of slow regions makes the monitor degraded (never down), notified as monitor.slow; null: off. Probe monitors only */
            degraded_threshold_ms?: number | null;
            /**
             * @description in-region retries: a failing attempt is tried again up to this many times within the job (backoff 250 ms × attempt, every attempt within the round deadline) before the region reports failing; each attempt is kept in the check history. http, https, json_api, ssl, tcp, dns, ping and sip monitors
             * @default 0
             */
            retries?: number;
            /**
             * @description regional incidents: a region failing this many consecutive rounds while the monitor is up or degraded opens a regional incident (type regional, notified as monitor.degraded, never monitor.down), resolved when the region recovers; 0: off. Probe monitors only
             * @default 3
             */
            regional_incident_rounds?: number;
            /**
             * @description flap damping: more than this many status changes within flap_window_seconds marks the monitor flapping; its notifications collapse into one monitor.flapping and one monitor.stable message. 0: off
             * @default 5
             */
            flap_threshold?: number;
            /**
             * @description the window (seconds) flap_threshold counts status changes in; a flapping monitor is stable again after a quarter of it without a change
             * @default 3600
             */
            flap_window_seconds?: number;
            /**
             * @description reminders: a monitor that stays down is notified monitor.down again (payload reminder.count) every this many seconds; 0: off, else at least 60
             * @default 0
             */
            reminder_interval_seconds?: number;
            /**
             * @description dependencies: ids of monitors of this account this one depends on (no cycles); while one of them is down, this monitor's incidents are linked to its incident (caused_by_incident_id) and its notifications suppressed (recorded as suppressed)
             * @example []
             */
            depends_on?: string[];
            alert_email?: string;
            alert_slack_webhook?: string;
            webhook_url?: string;
            /** @description Discord webhook URL: alerts as embeds coloured by status */
            alert_discord_webhook?: string;
            /**
             * @description SLA target in percent over sla_window_days; an sla.breach event fires when uptime falls below it; null: none
             * @example 99.9
             */
            sla_target?: Record<string, never> | null;
            /**
             * @description days of rounds the SLA uptime is computed over
             * @default 30
             */
            sla_window_days?: number;
            /** @default true */
            public?: boolean;
            /** @default false */
            paused?: boolean;
            group?: string;
            /** @example my-api */
            slug?: string;
            /**
             * @example [
             *       "production"
             *     ]
             */
            tags?: string[];
            maintenance_windows?: components["schemas"]["MaintenanceWindowDto"][];
            /**
             * @description alias of monitor_type (StatusCore)
             * @enum {string}
             */
            type?: "http" | "json_api" | "ssl" | "tcp" | "dns" | "heartbeat" | "https" | "ping" | "sip" | "domain";
            /**
             * @description alias (StatusCore) of the type's target: url (http, https, json_api), host (tcp, ping, sip), hostname (dns), ssl_domain (ssl), domain (domain)
             * @example https://api.example.com/health
             */
            target?: string;
            /** @description StatusCore: true makes an http monitor https (certificate checked, expiry warning), false plain http */
            ssl_check?: boolean;
            /**
             * @description alias of regions (StatusCore); ["all"] = every configured region
             * @example [
             *       "all"
             *     ]
             */
            check_locations?: string[];
            /** @description alias (StatusCore): is_active false = paused true */
            is_active?: boolean;
            /** @description alias of public (StatusCore) */
            public_status?: boolean;
            /**
             * @description alias of check_interval (StatusPool)
             * @example 60
             */
            interval_seconds?: number;
            /**
             * @description alias of expected_status_code (StatusPool)
             * @example 200
             */
            expected_status?: number;
        };
        DeletedMonitorView: {
            /** @enum {boolean} */
            deleted: true;
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
        };
        ToggleMonitorDto: {
            /** @description true to enable (resume), false to disable (pause); omitted: flip */
            is_active?: boolean;
        };
        PublicMonitorDto: {
            public_status: boolean;
        };
        CreateIncidentDto: {
            /** @example Elevated error rates on the API */
            title: string;
            /** @example We are investigating errors on **some** requests (Markdown allowed, shown as text). */
            description?: string;
            /**
             * @description Affected monitors (the account's own)
             * @example [
             *       "mon_3k9x0q2m7d1v8b4n"
             *     ]
             */
            monitor_ids?: string[];
            /**
             * @description StatusPool's single affected monitor (added to monitor_ids)
             * @example mon_3k9x0q2m7d1v8b4n
             */
            monitor_id?: string;
            /**
             * @default investigating
             * @enum {string}
             */
            status?: "investigating" | "identified" | "monitoring" | "resolved";
            /**
             * @default minor
             * @enum {string}
             */
            impact?: "none" | "minor" | "major" | "critical";
        };
        UpdateIncidentDto: {
            title?: string;
            description?: string;
            /** @description Replaces the affected monitors */
            monitor_ids?: string[];
            /** @enum {string} */
            status?: "investigating" | "identified" | "monitoring" | "resolved";
            /** @enum {string} */
            impact?: "none" | "minor" | "major" | "critical";
        };
        CreateIncidentUpdateDto: {
            /** @example Identified */
            label: string;
            /** @example A faulty deploy; rolling back. */
            content: string;
            /**
             * @description Manual incidents only: moves the incident to this status
             * @enum {string}
             */
            status?: "investigating" | "identified" | "monitoring" | "resolved";
        };
        IncidentsMetaView: {
            /** @example 3 */
            total: number;
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /** @example 720 */
            hours: number;
        };
        MaintenanceUpdateView: {
            /** @example upd_4k2m9x0q7d1v8b3n */
            id: string;
            /** @example In progress */
            label: string;
            /** @example Maintenance started. */
            content: string;
            /**
             * @description The status it moved to with this entry
             * @enum {string|null}
             */
            status: "scheduled" | "in_progress" | "completed" | "cancelled" | null;
            /** Format: date-time */
            created_at: string;
        };
        MaintenanceView: {
            /** @example mnt_7h2k9d0q3m1x8v4b */
            id: string;
            /** @example Database upgrade */
            title: string;
            description: string | null;
            /** @enum {string} */
            status: "scheduled" | "in_progress" | "completed" | "cancelled";
            /**
             * @example [
             *       "mon_3k9x0q2m7d1v8b4n"
             *     ]
             */
            monitor_ids: string[];
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description The timeline, oldest first */
            updates: components["schemas"]["MaintenanceUpdateView"][];
        };
        CreateMaintenanceDto: {
            /** @example Database upgrade */
            title: string;
            /** @example PostgreSQL 15 to 16; writes pause for about a minute. */
            description?: string;
            /**
             * @description Affected monitors (the account's own): in maintenance while it is in progress
             * @example [
             *       "mon_3k9x0q2m7d1v8b4n"
             *     ]
             */
            monitor_ids?: string[];
            /**
             * Format: date-time
             * @description ISO 8601 with a time zone
             * @example 2026-12-03T22:00:00Z
             */
            starts_at: string;
            /**
             * Format: date-time
             * @description After starts_at, at most 31 days later
             * @example 2026-12-03T23:00:00Z
             */
            ends_at: string;
        };
        MaintenanceMetaView: {
            /** @example 3 */
            total: number;
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
        };
        UpdateMaintenanceDto: {
            title?: string;
            description?: string;
            /** @description Replaces the affected monitors */
            monitor_ids?: string[];
            /**
             * Format: date-time
             * @description Not while in progress
             */
            starts_at?: string;
            /** Format: date-time */
            ends_at?: string;
            /**
             * @description The clock moves the other statuses
             * @enum {string}
             */
            status?: "cancelled";
        };
        CreateMaintenanceUpdateDto: {
            /** @example Update */
            label: string;
            /** @example Primary upgraded; replicas next. */
            content: string;
        };
        DeletedMaintenanceView: {
            /** @example true */
            deleted: boolean;
            /** @example mnt_7h2k9d0q3m1x8v4b */
            maintenance_id: string;
        };
        PingView: {
            /** @enum {boolean} */
            ok: true;
            /**
             * @example up
             * @enum {string}
             */
            status: "pending" | "up" | "degraded" | "down" | "warn" | "paused";
            /** @example Nightly Backup Job */
            monitor?: string;
            /**
             * @description unix seconds
             * @example 1709471700
             */
            next_expected_before?: number | null;
            /** @example Monitor is paused — ping recorded but not tracked */
            message?: string;
        };
        PingTokenView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
            /**
             * @description with the new token in full, shown once
             * @example https://parallax.example.com/api/ping/mon_3k9x0q2m7d1v8b4n?token=pt_…
             */
            ping_url: string;
        };
        CreatedWebhookView: {
            /** @example whk_2m8x0c4v9b1n7q3k */
            id: string;
            /** @example https://hooks.example.com/parallax */
            url: string;
            /**
             * @example [
             *       "monitor.down",
             *       "monitor.up",
             *       "incident.created"
             *     ]
             */
            events: ("monitor.down" | "monitor.up" | "monitor.degraded" | "monitor.slow" | "monitor.warn" | "monitor.flapping" | "monitor.stable" | "incident.created" | "incident.resolved" | "sla.breach" | "monitor.anomaly" | "test")[];
            /** @example Ops alerts */
            description: string;
            active: boolean;
            /**
             * @description why the endpoint was disabled (410 Gone)
             * @example null
             */
            disabled_reason: string | null;
            /**
             * @description the Standard Webhooks secret, shown only in this answer
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
            /** Format: date-time */
            last_triggered_at: string | null;
            /** Format: date-time */
            created_at: string;
            /**
             * @description StatusPool’s name for id
             * @example whk_2m8x0c4v9b1n7q3k
             */
            webhook_id: string;
        };
        CreateWebhookDto: {
            /** @example https://hooks.example.com/parallax */
            url: string;
            /**
             * @description monitor.down, monitor.up, monitor.degraded, monitor.slow, monitor.warn, incident.created, incident.resolved, sla.breach, or "*"; the reference names status_change, incident_created, sla_breach are accepted. Default: all.
             * @example [
             *       "monitor.down",
             *       "monitor.up",
             *       "incident.created"
             *     ]
             */
            events?: string[];
            /**
             * @description Standard Webhooks secret; generated when omitted; answered only in this response
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret?: string;
            description?: string;
            /** @default true */
            active?: boolean;
        };
        WebhookView: {
            /** @example whk_2m8x0c4v9b1n7q3k */
            id: string;
            /** @example https://hooks.example.com/parallax */
            url: string;
            /**
             * @example [
             *       "monitor.down",
             *       "monitor.up",
             *       "incident.created"
             *     ]
             */
            events: ("monitor.down" | "monitor.up" | "monitor.degraded" | "monitor.slow" | "monitor.warn" | "monitor.flapping" | "monitor.stable" | "incident.created" | "incident.resolved" | "sla.breach" | "monitor.anomaly" | "test")[];
            /** @example Ops alerts */
            description: string;
            active: boolean;
            /**
             * @description why the endpoint was disabled (410 Gone)
             * @example null
             */
            disabled_reason: string | null;
            /**
             * @description masked; answered in full only when created
             * @example whsec_********
             */
            secret: string;
            /** Format: date-time */
            last_triggered_at: string | null;
            /** Format: date-time */
            created_at: string;
        };
        UpdateWebhookDto: {
            /** @example https://hooks.example.com/parallax */
            url?: string;
            /**
             * @description monitor.down, monitor.up, monitor.degraded, monitor.slow, monitor.warn, incident.created, incident.resolved, sla.breach, or "*"; the reference names status_change, incident_created, sla_breach are accepted. Default: all.
             * @example [
             *       "monitor.down",
             *       "monitor.up",
             *       "incident.created"
             *     ]
             */
            events?: string[];
            description?: string;
            /** @default true */
            active?: boolean;
        };
        DeletedWebhookView: {
            /** @enum {boolean} */
            deleted: true;
            /** @example whk_2m8x0c4v9b1n7q3k */
            webhook_id: string;
        };
        AttemptView: {
            /** @example 1 */
            attempt: number;
            /** Format: date-time */
            attempted_at: string;
            /** @example 200 */
            response_status: number | null;
            /** @example 84 */
            duration_ms: number;
            /** @example null */
            error: string | null;
            /** Format: date-time */
            next_retry_at: string | null;
        };
        DeliveryView: {
            /** @example msg_2Zb4mXk8Qp1Rt7Vw */
            id: string;
            /** @enum {string} */
            event: "monitor.down" | "monitor.up" | "monitor.degraded" | "monitor.slow" | "monitor.warn" | "monitor.flapping" | "monitor.stable" | "incident.created" | "incident.resolved" | "sla.breach" | "monitor.anomaly" | "test";
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string | null;
            /** @example 7 */
            sequence: number | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed" | "disabled" | "suppressed";
            /** @example 1 */
            attempts: number;
            /** Format: date-time */
            next_retry_at: string | null;
            /** @example 200 */
            last_response_status: number | null;
            /** @example null */
            last_error: string | null;
            /** Format: date-time */
            delivered_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** @description the signed body sent (event, monitor, decision, region_results, …) */
            payload: {
                [key: string]: unknown;
            };
            attempt_log: components["schemas"]["AttemptView"][];
        };
        TimingPhasesView: {
            /** @example 12.1 */
            dns: number | null;
            /** @example 20.4 */
            connect: number | null;
            /** @example 31.9 */
            tls: number | null;
            /** @example 88 */
            first_byte: number | null;
            /** @example 120.5 */
            total: number | null;
        };
        RegionResultView: {
            /** @example eu-west */
            region: string;
            /** @description the result arrived before the round’s deadline */
            reported: boolean;
            is_up: boolean | null;
            /** @example 200 */
            status_code: number | null;
            /** @example 120.5 */
            response_ms: number | null;
            /** @example null */
            error: string | null;
            phases: components["schemas"]["TimingPhasesView"] | null;
            /** @description arrived after the deadline: recorded, not counted */
            late: boolean;
            /** @description no job sent: no probe online in the region */
            skipped?: boolean;
            /** @description ssl: certificate within the threshold */
            warn?: boolean;
            /** Format: date-time */
            ssl_expiry?: string | null;
            ssl_issuer?: string | null;
            /** @description type-specific details (dns answers, tls protocols, …) */
            details?: {
                [key: string]: unknown;
            } | null;
            /** @description in-region retries: every attempt of the job, in order (the result is the last one); null without retries */
            attempts?: components["schemas"]["AttemptView"][] | null;
            /** @example probe-eu-west-7f9c */
            probe_id?: string;
            /** Format: date-time */
            checked_at?: string;
        };
        CheckView: {
            id: string;
            /** @example 1042 */
            round: number;
            /**
             * Format: date-time
             * @description the round’s scheduled time
             */
            timestamp: string;
            /** @enum {string} */
            status: "up" | "degraded" | "down" | "warn" | "no_data";
            /** @description null for a round without data */
            is_up: boolean | null;
            warn: boolean;
            /** @example 200 */
            status_code: number | null;
            /**
             * @description median of the regions that answered
             * @example 120.5
             */
            response_ms: number | null;
            regions: string[];
            /** @description regions without a probe online when the round was claimed */
            skipped_regions: string[];
            /** @example 2 */
            quorum: number;
            /** @example 3 */
            regions_checked: number | null;
            /** @example 3 */
            regions_up: number | null;
            /**
             * @example {
             *       "eu-west": 120.5,
             *       "us-east": 98.1
             *     }
             */
            response_ms_by_region: {
                [key: string]: number | null;
            };
            region_results: components["schemas"]["RegionResultView"][];
            /** Format: date-time */
            decided_at: string | null;
        };
        ChecksMetaView: {
            /**
             * @description items matching the filters, all pages
             * @example 42
             */
            total: number;
            /** @example 500 */
            limit?: number;
            /** @example 0 */
            offset?: number;
            /**
             * @description 1-based page of this answer
             * @example 1
             */
            page?: number;
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
        };
        WindowSummaryView: {
            /** @example 1440 */
            count: number;
            /** @example 121.4 */
            avg: number | null;
            /** @example 110.2 */
            p50: number | null;
            /** @example 240.9 */
            p95: number | null;
            /** @example 410.3 */
            p99: number | null;
            /** @example 80.1 */
            min: number | null;
            /** @example 902.7 */
            max: number | null;
            /** @example 1440 */
            rounds: number;
            /** @example 0 */
            rounds_down: number;
            /** @example 2 */
            rounds_degraded: number;
            /** @example 100 */
            uptime: number | null;
        };
        RegionSummaryView: {
            /** @example 1440 */
            count: number;
            /** @example 121.4 */
            avg: number | null;
            /** @example 110.2 */
            p50: number | null;
            /** @example 240.9 */
            p95: number | null;
            /** @example 410.3 */
            p99: number | null;
            /** @example 80.1 */
            min: number | null;
            /** @example 902.7 */
            max: number | null;
            /** @example 1440 */
            checks: number;
            /** @example 1 */
            failures: number;
            /** @example 99.9306 */
            uptime: number | null;
        };
        SeriesPointView: {
            /** @example 1440 */
            count: number;
            /** @example 121.4 */
            avg: number | null;
            /** @example 110.2 */
            p50: number | null;
            /** @example 240.9 */
            p95: number | null;
            /** @example 410.3 */
            p99: number | null;
            /** @example 80.1 */
            min: number | null;
            /** @example 902.7 */
            max: number | null;
            /**
             * Format: date-time
             * @description bucket start
             */
            t: string;
            /** @example 60 */
            checks: number;
            /** @example 0 */
            failures: number;
            /** @example 100 */
            uptime: number | null;
        };
        RegionSeriesView: {
            /** @example eu-west */
            region: string;
            summary: components["schemas"]["RegionSummaryView"];
            series: components["schemas"]["SeriesPointView"][];
        };
        ResponseTimesView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            bucket: "minute" | "hour" | "day";
            summary: components["schemas"]["WindowSummaryView"];
            regions: components["schemas"]["RegionSeriesView"][];
            /** @description how exact the percentiles are */
            accuracy: string;
        };
        DailyUptimeEntryView: {
            /** @example 2026-11-23 */
            date: string;
            /** @example 1440 */
            totalChecks: number;
            /** @example 1439 */
            successChecks: number;
            /** @example 99.9306 */
            uptime: number | null;
        };
        DailyUptimeView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
            /** @example null */
            region: string | null;
            /** @example 90 */
            days: number;
            /** @example 99.98 */
            overallUptime: number | null;
            history: components["schemas"]["DailyUptimeEntryView"][];
            /** @description the days with a failure */
            outages: components["schemas"]["DailyUptimeEntryView"][];
        };
        HourlyUptimeEntryView: {
            /** @example 13 */
            hour: number;
            /** @example 60 */
            totalChecks: number;
            /** @example 60 */
            successChecks: number;
            /** @example 100 */
            uptime: number | null;
        };
        HourlyUptimeView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
            /** @example null */
            region: string | null;
            /** @example 2026-11-23 */
            date: string;
            hourlyData: components["schemas"]["HourlyUptimeEntryView"][];
        };
        MinuteRecordView: {
            /**
             * @description ms since the epoch
             * @example 1763902800000
             */
            timestamp: number;
            success: boolean;
            /**
             * @description rounds (no region given)
             * @enum {string}
             */
            status?: "up" | "degraded" | "down" | "warn" | "no_data";
            /** @example 120.5 */
            responseTime: number | null;
            /** @example 200 */
            statusCode: number | null;
            /** @description a region’s failed result */
            error?: string;
        };
        MinutesView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
            /** @example eu-west */
            region: string | null;
            /** @example 2026-11-23 */
            date: string;
            /** @example 13 */
            hour: number;
            records: components["schemas"]["MinuteRecordView"][];
        };
        LogEntryView: {
            /**
             * Format: date-time
             * @description the round’s scheduled time
             */
            timestamp: string;
            /** Format: date-time */
            checked_at: string;
            /** @example eu-west */
            region: string;
            /** @example 1042 */
            round: number;
            is_up: boolean;
            /** @example 200 */
            status_code: number | null;
            /** @example 120.5 */
            response_time_ms: number | null;
            /** @example null */
            error_message: string | null;
            late: boolean;
            /** @description in-region retries: every attempt of the job (the entry is the last one); null without retries */
            attempts: components["schemas"]["AttemptView"][] | null;
        };
        LogsMetaView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @example null */
            region: string | null;
            /** @example 1 */
            page: number;
            /** @example 20 */
            limit: number;
            /** @example 4320 */
            total: number;
            /** @example 216 */
            total_pages: number;
        };
        MonitorStatusView: {
            /** @enum {string} */
            status: "pending" | "up" | "degraded" | "down" | "warn" | "paused";
            /** Format: date-time */
            last_check_at: string | null;
            /** @example 120.5 */
            response_time_ms: number | null;
            /** @example 99.98 */
            uptime_30d: number | null;
            /**
             * @example {
             *       "eu-west": "up",
             *       "us-east": "up"
             *     }
             */
            location_status: {
                [key: string]: "up" | "down" | "unknown";
            };
        };
        HistoryMonitorView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            id: string;
            /** @example My Website */
            name: string;
            /** @example https://example.com/health */
            url: string;
            /** @enum {string} */
            status: "pending" | "up" | "degraded" | "down" | "warn";
        };
        HistoryPointView: {
            /** Format: date-time */
            checked_at: string;
            /** @enum {string} */
            status: "up" | "degraded" | "down" | "warn" | "no_data";
            /** @example 120.5 */
            response_time: number | null;
        };
        StatsView: {
            /** @example 121.4 */
            avg: number | null;
            /** @example 80.1 */
            min: number | null;
            /** @example 902.7 */
            max: number | null;
            /** @example 110.2 */
            p50: number | null;
            /** @example 240.9 */
            p95: number | null;
            /** @example 410.3 */
            p99: number | null;
            /** @example 1440 */
            checks: number;
            /** @example 1 */
            failures: number;
            /** @example 99.9306 */
            uptime: number | null;
        };
        MonitorHistoryView: {
            monitor: components["schemas"]["HistoryMonitorView"];
            /** @example 24 */
            hours: number;
            history: components["schemas"]["HistoryPointView"][];
            stats: components["schemas"]["StatsView"];
        };
        MonitorStatsView: {
            /** @example mon_3k9x0q2m7d1v8b4n */
            monitor_id: string;
            /** @example 30 */
            days: number;
            stats: components["schemas"]["StatsView"];
            /** @description per region */
            regions: {
                [key: string]: components["schemas"]["StatsView"];
            };
            accuracy: string;
        };
        ClockSkewView: {
            /**
             * @description the reported probe clock − control plane clock of largest size, ms (0: none beyond the threshold)
             * @example 10012
             */
            max_ms: number;
            /**
             * @description median over the online probes, ms (a probe within its threshold counts as 0)
             * @example 0
             */
            typical_ms: number;
            /**
             * @description online probes whose clock is off by more than their threshold
             * @example 1
             */
            probes_skewed: number;
        };
        RegionView: {
            /** @example 2 */
            probes_online: number;
            /**
             * @description distinct versions of the probes online
             * @example [
             *       "0.1.0"
             *     ]
             */
            versions: string[];
            /**
             * @description checks running now, all probes
             * @example 3
             */
            in_flight: number;
            /**
             * @description jobs waiting, all probes
             * @example 0
             */
            queued: number;
            /**
             * @description concurrent checks, all probes (probes × PROBE_CONCURRENCY)
             * @example 128
             */
            capacity: number;
            /**
             * @description (in_flight + queued) / capacity; above 1 jobs wait for slots: add probes to the region. Null without probes.
             * @example 0.42
             */
            utilisation: number | null;
            /** @description probe clocks against the control plane (deadlines are relative, so a skewed probe still counts; fix its NTP) */
            clock_skew: components["schemas"]["ClockSkewView"];
            /** @example eu-west */
            id: string;
            healthy: boolean;
            /** Format: date-time */
            unhealthy_since: string | null;
            receiving_jobs: boolean;
        };
        UnknownRegionProbeView: {
            /** @example 2 */
            probes_online: number;
            /**
             * @description distinct versions of the probes online
             * @example [
             *       "0.1.0"
             *     ]
             */
            versions: string[];
            /**
             * @description checks running now, all probes
             * @example 3
             */
            in_flight: number;
            /**
             * @description jobs waiting, all probes
             * @example 0
             */
            queued: number;
            /**
             * @description concurrent checks, all probes (probes × PROBE_CONCURRENCY)
             * @example 128
             */
            capacity: number;
            /**
             * @description (in_flight + queued) / capacity; above 1 jobs wait for slots: add probes to the region. Null without probes.
             * @example 0.42
             */
            utilisation: number | null;
            /** @description probe clocks against the control plane (deadlines are relative, so a skewed probe still counts; fix its NTP) */
            clock_skew: components["schemas"]["ClockSkewView"];
            /** @example sa-east */
            region: string;
        };
        RegionsMetaView: {
            /** @example 3 */
            total: number;
            /** @description probes announcing a region that is not configured, per region */
            unknown_region_probes: components["schemas"]["UnknownRegionProbeView"][];
        };
        StatusPageGroupView: {
            /** @example api */
            slug: string;
            /** @example API */
            name: string;
            /** @example 0 */
            order: number;
            monitor_ids: string[];
        };
        StatusPageView: {
            /** @example sp_3k9x0q2m7d1v8b4n */
            id: string;
            /** @example acme */
            slug: string;
            title: string;
            description: string;
            company_name: string;
            groups: components["schemas"]["StatusPageGroupView"][];
            /** @description Ungrouped monitors */
            monitor_ids: string[];
            custom_domain: string | null;
            /** @enum {string} */
            theme: "auto" | "light" | "dark";
            accent_color: string | null;
            show_regions: boolean;
            show_target_urls: boolean;
            /**
             * @description The page's public address
             * @example https://status.example.com/s/acme
             */
            url: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        StatusPageGroupDto: {
            /**
             * @description The group's public id (Valtrogen's group id)
             * @example api
             */
            slug: string;
            /** @example API */
            name: string;
            /**
             * @description Groups are shown by ascending order, then as listed
             * @example 0
             */
            order?: number;
            /**
             * @description The account's own public monitors, in display order
             * @example [
             *       "mon_3k9x0q2m7d1v8b4n"
             *     ]
             */
            monitor_ids: string[];
        };
        CreateStatusPageDto: {
            /**
             * @description Unique across the install; the page is served at /s/{slug}
             * @example acme
             */
            slug: string;
            /** @example Acme status */
            title: string;
            /** @example Live status of the Acme API and website */
            description?: string;
            /** @example Acme Inc. */
            company_name?: string;
            groups?: components["schemas"]["StatusPageGroupDto"][];
            /** @description Ungrouped monitors, in display order */
            monitor_ids?: string[];
            /**
             * @description A hostname: requests whose Host is it get this page at /
             * @example status.acme.com
             */
            custom_domain?: string | null;
            /**
             * @description auto follows prefers-color-scheme
             * @default auto
             * @enum {string}
             */
            theme?: "auto" | "light" | "dark";
            /** @example #1f6feb */
            accent_color?: string | null;
            /**
             * @description One labelled dot per region for each monitor
             * @default true
             */
            show_regions?: boolean;
            /**
             * @description Show monitors' target URLs
             * @default false
             */
            show_target_urls?: boolean;
        };
        UpdateStatusPageDto: {
            /** @example acme */
            slug?: string;
            title?: string;
            description?: string;
            company_name?: string;
            groups?: components["schemas"]["StatusPageGroupDto"][];
            monitor_ids?: string[];
            custom_domain?: string | null;
            /** @enum {string} */
            theme?: "auto" | "light" | "dark";
            accent_color?: string | null;
            show_regions?: boolean;
            show_target_urls?: boolean;
        };
        DeletedStatusPageView: {
            /** @example true */
            deleted: boolean;
            /** @example sp_3k9x0q2m7d1v8b4n */
            id: string;
        };
        StatusCoreHistoryDay: {
            /** @example 2026-11-30 */
            date: string;
            /**
             * @description null: no data that day
             * @example 99.95
             */
            uptime_percentage: string | null;
            /** @example 1440 */
            checks: number;
            /** @example 1 */
            failures: number;
        };
        StatusCoreMonitor: {
            /**
             * @description The monitor's slug
             * @example website
             */
            id: string;
            /** @example Website */
            name: string;
            /** @example http */
            type: string;
            /**
             * @example up
             * @enum {string}
             */
            status: "pending" | "up" | "degraded" | "down" | "warn" | "paused";
            /** @example 99.95 */
            uptime_percentage: string;
            /** @description 90 daily entries, oldest first */
            history: components["schemas"]["StatusCoreHistoryDay"][];
        };
        StatusCoreIncidentUpdate: {
            /** @example upd_4k2m9x0q7d1v8b3n */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @example Identified */
            label: string;
            /** @example A faulty deploy; rolling back. */
            content: string;
        };
        StatusCoreIncident: {
            /** @example inc_3k9x0q2m7d1v8b4n */
            id: string;
            /** @example Website */
            monitor_name: string;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            resolved_at: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            /** @enum {string} */
            type: "automatic" | "manual" | "regional";
            /** @example Website is down */
            title: string;
            /** @enum {string} */
            impact: "none" | "minor" | "major" | "critical";
            /**
             * @description The timeline status (automatic incidents: investigating until resolved)
             * @enum {string}
             */
            incident_status: "investigating" | "identified" | "monitoring" | "resolved";
            /** @description Newest first */
            updates: components["schemas"]["StatusCoreIncidentUpdate"][];
        };
        StatusCoreMaintenance: {
            /** @example mnt_7h2k9d0q3m1x8v4b */
            id: string;
            /** @example Database upgrade */
            title: string;
            description: string | null;
            /** @enum {string} */
            status: "scheduled" | "in_progress" | "completed" | "cancelled";
            /**
             * @description The affected monitors' slugs (of this page)
             * @example [
             *       "website"
             *     ]
             */
            monitor_ids: string[];
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
            /** @description Newest first */
            updates: components["schemas"]["StatusCoreIncidentUpdate"][];
        };
        StatusCoreDocumentView: {
            /** @example Your Company */
            company_name: string;
            monitors: components["schemas"]["StatusCoreMonitor"][];
            /** @description Open incidents and those of the last 14 days */
            incidents: components["schemas"]["StatusCoreIncident"][];
            /** @description In progress, upcoming, and finished in the last 14 days (an addition to the reference) */
            maintenance: components["schemas"]["StatusCoreMaintenance"][];
        };
        PublicErrorView: {
            /** @example null */
            data: Record<string, never> | null;
            /** @example status page not found */
            error: string;
            /** @example not_found */
            code: string;
        };
        ValtrogenMonitorDetailView: {
            /** @example EU API Gateway */
            name: string;
            /**
             * @example up
             * @enum {string}
             */
            status: "pending" | "up" | "degraded" | "down" | "warn" | "paused" | "maintenance";
            /**
             * @description uptime of the last 90 days, %
             * @example 99.95
             */
            overallUptime: number;
            /** @example 1710007200000 */
            lastChecked: number | null;
        };
        ValtrogenDailyUptimeView: {
            /** @example 1440 */
            totalChecks: number;
            /** @example 1438 */
            successChecks: number;
            /**
             * @description %, two decimals (truncated); 100 without checks
             * @example 99.86
             */
            uptime: number;
            /**
             * @description UTC date
             * @example 2025-03-10
             */
            date: string;
        };
        ValtrogenMonitorItemView: {
            /**
             * @description The monitor's slug
             * @example eu-api
             */
            id: string;
            /** @example EU API Gateway */
            name: string;
            /** @example http */
            type: string;
            /**
             * @example up
             * @enum {string}
             */
            status: "pending" | "up" | "degraded" | "down" | "warn" | "paused" | "maintenance";
            /** @example 1710007200000 */
            lastChecked: number | null;
            /**
             * @description uptime of the last 90 days, %
             * @example 99.95
             */
            overallUptime: number;
            /**
             * @description last response time, ms
             * @example 142
             */
            responseTime: number | null;
            /** @example 200 */
            statusCode: number | null;
            /** @description Only when the page has show_target_urls */
            url?: string;
            /** @description 90 entries, oldest first, ending today (UTC) */
            dailyUptimes: components["schemas"]["ValtrogenDailyUptimeView"][];
        };
        ValtrogenGroupRefView: {
            /**
             * @description The page group's slug
             * @example europe
             */
            id: string;
            /** @example Europe */
            name: string;
            /** @example 1 */
            order: number;
        };
        ValtrogenMonitorsView: {
            /** @enum {boolean} */
            success: true;
            monitors: components["schemas"]["ValtrogenMonitorItemView"][];
            groups: components["schemas"]["ValtrogenGroupRefView"][];
        };
        ValtrogenHourlyView: {
            /** @example 1440 */
            totalChecks: number;
            /** @example 1438 */
            successChecks: number;
            /**
             * @description %, two decimals (truncated); 100 without checks
             * @example 99.86
             */
            uptime: number;
            /** @example 0 */
            hour: number;
        };
        ValtrogenHourlyDataView: {
            /** @enum {boolean} */
            success: true;
            /** @description 24 entries, hour 0 to 23 (UTC) */
            hourlyData: components["schemas"]["ValtrogenHourlyView"][];
        };
        ValtrogenEventView: {
            /** @example upd_4k2m9x0q7d1v8b3n */
            id: string;
            /**
             * @description ms since the epoch
             * @example 1710000000000
             */
            timestamp: number;
            /** @example In progress */
            label: string;
            /** @example Maintenance started. */
            content: string;
        };
        ValtrogenMaintenanceLogView: {
            /** @example mnt_7h2k9d0q3m1x8v4b */
            id: string;
            /** @example Database Migration – EU Region */
            title: string;
            description: string | null;
            /** @enum {string} */
            status: "scheduled" | "in_progress" | "completed" | "cancelled";
            /**
             * @description Affected monitors' slugs (of this page)
             * @example [
             *       "eu-api"
             *     ]
             */
            affectedMonitors: string[];
            /** @example 1710000000000 */
            startTime: number;
            /** @example 1710007200000 */
            endTime: number;
            /** @description The timeline, oldest first */
            events: components["schemas"]["ValtrogenEventView"][];
            /** @example 1710000000000 */
            createdAt: number;
            /** @example 1710007200000 */
            updatedAt: number;
        };
        ValtrogenLogsView: {
            /** @enum {boolean} */
            success: true;
            logs: components["schemas"]["ValtrogenMaintenanceLogView"][];
        };
        ValtrogenErrorView: {
            /** @enum {boolean} */
            success: false;
            /** @example maintenance log not found */
            error: string;
        };
        ValtrogenLogDetailView: {
            /** @enum {boolean} */
            success: true;
            log: components["schemas"]["ValtrogenMaintenanceLogView"];
            /** @description By monitor slug */
            monitorDetails: {
                [key: string]: components["schemas"]["ValtrogenMonitorDetailView"];
            };
        };
        ValtrogenMonitorFullView: {
            /** @example eu-api */
            id: string;
            /** @example EU API Gateway */
            name: string;
            /** @example http */
            type: string;
            /**
             * @example up
             * @enum {string}
             */
            status: "pending" | "up" | "degraded" | "down" | "warn" | "paused" | "maintenance";
            /** @example 99.95 */
            overallUptime: number;
            /** @description Only when the page has show_target_urls */
            url?: string;
            /** @description 90 entries, oldest first */
            history: components["schemas"]["ValtrogenDailyUptimeView"][];
            /** @description The days with a failed round */
            outages: components["schemas"]["ValtrogenDailyUptimeView"][];
        };
        ValtrogenGroupShortView: {
            /** @example europe */
            id: string;
            /** @example Europe */
            name: string;
        };
        ValtrogenMonitorPageView: {
            /** @enum {boolean} */
            success: true;
            monitor: components["schemas"]["ValtrogenMonitorFullView"];
            /** @description null: ungrouped */
            group: components["schemas"]["ValtrogenGroupShortView"] | null;
            maintenanceLogs: components["schemas"]["ValtrogenMaintenanceLogView"][];
        };
        ValtrogenMinuteView: {
            /**
             * @description the round's scheduled time, ms
             * @example 1710000000000
             */
            timestamp: number;
            /** @example true */
            success: boolean;
            /**
             * @description successful rounds
             * @example 142
             */
            responseTime?: number | null;
            /**
             * @description successful rounds
             * @example 200
             */
            statusCode?: number | null;
            /**
             * @description failed rounds: an error class, never the raw error
             * @example timeout
             */
            error?: string;
        };
        ValtrogenMinutesView: {
            /** @enum {boolean} */
            success: true;
            /** @description At most 60, oldest first */
            records: components["schemas"]["ValtrogenMinuteView"][];
        };
        ValtrogenGroupMemberView: {
            /** @example eu-api */
            id: string;
            /** @example EU API Gateway */
            name: string;
            /**
             * @example up
             * @enum {string}
             */
            status: "pending" | "up" | "degraded" | "down" | "warn" | "paused" | "maintenance";
            /** @example 99.95 */
            overallUptime: number;
            history: components["schemas"]["ValtrogenDailyUptimeView"][];
        };
        ValtrogenGroupStatsView: {
            /** @example 5 */
            total: number;
            /** @example 4 */
            up: number;
            /**
             * @description degraded or warn
             * @example 1
             */
            degraded: number;
            /** @example 0 */
            down: number;
        };
        ValtrogenGroupView: {
            /** @enum {boolean} */
            success: true;
            group: components["schemas"]["ValtrogenGroupRefView"];
            monitors: components["schemas"]["ValtrogenGroupMemberView"][];
            stats: components["schemas"]["ValtrogenGroupStatsView"];
            maintenanceLogs: components["schemas"]["ValtrogenMaintenanceLogView"][];
        };
        HealthIndicatorView: {
            /** @enum {string} */
            status: "up" | "down";
            /** @example not connected */
            message?: string;
        };
        HealthView: {
            /** @enum {string} */
            status: "ok" | "error" | "shutting_down";
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "nats": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
                [key: string]: components["schemas"]["HealthIndicatorView"];
            };
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "nats": {
             *         "status": "up"
             *       }
             *     }
             */
            error?: {
                [key: string]: components["schemas"]["HealthIndicatorView"];
            };
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "nats": {
             *         "status": "up"
             *       }
             *     }
             */
            details: {
                [key: string]: components["schemas"]["HealthIndicatorView"];
            };
        };
        ShieldsEndpointDto: {
            /**
             * @example 1
             * @enum {number}
             */
            schemaVersion: 1;
            /** @example uptime */
            label: string;
            /** @example 99.95% */
            message: string;
            /**
             * @description a shields.io named colour or hex without "#"
             * @example brightgreen
             */
            color: string;
            /** @example 300 */
            cacheSeconds: number;
            /** @description true on the not-found, invalid and unavailable answers */
            isError?: boolean;
        };
        SubscribeDto: {
            /** @example you@example.com */
            email: string;
        };
        SubscribeAnswerDto: {
            /** @enum {boolean} */
            success: true;
            /** @example Check your inbox: open the link we sent to confirm. */
            message: string;
        };
        SubscriberDto: {
            /** @example sub_k3j2h1g0f9e8d7c6 */
            id: string;
            /** @enum {string} */
            type: "email" | "webhook";
            /**
             * @description masked
             * @example a**@e******.com
             */
            email: string | null;
            /** @example https://hooks.example.com/status */
            url: string | null;
            /** @enum {string} */
            status: "pending" | "confirmed";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            confirmed_at: string | null;
        };
        CreatedSubscriberDto: {
            /** @example sub_k3j2h1g0f9e8d7c6 */
            id: string;
            /** @enum {string} */
            type: "email" | "webhook";
            /**
             * @description masked
             * @example a**@e******.com
             */
            email: string | null;
            /** @example https://hooks.example.com/status */
            url: string | null;
            /** @enum {string} */
            status: "pending" | "confirmed";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            confirmed_at: string | null;
            /**
             * @description Standard Webhooks secret: answered only here
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        CreateSubscriberDto: {
            /**
             * @description only webhook subscribers are added by the owner; email subscribers subscribe themselves and confirm by email
             * @enum {string}
             */
            type: "webhook";
            /** @example https://hooks.example.com/status */
            url: string;
        };
        DeletedSubscriberDto: {
            /** @enum {boolean} */
            deleted: true;
            subscriber_id: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SignupView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LoginView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LogoutView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PasswordChangedView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MeView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    ApiKeysController_list: {
        parameters: {
            query?: {
                /** @description 1–500, default 500 (clamped to the bounds) */
                limit?: number;
                /** @description 0–10000; beyond, 422 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiKeyView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["ListMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedApiKeyView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    ApiKeysController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeletedView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    AnomaliesController_list: {
        parameters: {
            query?: {
                /** @description default false */
                acknowledged?: "true" | "false" | "all";
                status?: "open" | "closed";
                monitor_id?: string;
                region?: string;
                metric?: "p50_ms" | "p95_ms" | "error_rate";
                /** @description 1–500, default 50 (clamped to the bounds) */
                limit?: number;
                /** @description 0–10000; beyond, 422 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AnomalyView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["ListMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    AnomaliesController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AnomalyView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /**
             * @description Unknown id (or an id of another account)
             *
             *     Unknown id (or an id of another account)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    InsightsController_get: {
        parameters: {
            query?: {
                /** @description the period; compared with the same length before it */
                hours?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InsightsView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    ToolsController_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                target: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WhoisView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description A registry or the probes did not give an answer (tools) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "registry lookup of example.com timed out after 10000 ms",
                     *       "code": "upstream_error"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    ToolsController_trace: {
        parameters: {
            query?: {
                /** @description comma-separated; default: the monitor's regions */
                regions?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MtrView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MonitorsController_list: {
        parameters: {
            query?: {
                status?: "pending" | "up" | "degraded" | "down" | "warn" | "paused";
                group?: string;
                /** @description comma-separated; any of */
                tags?: string;
                monitor_type?: "http" | "json_api" | "ssl" | "tcp" | "dns" | "heartbeat" | "https" | "ping" | "sip" | "domain";
                /** @description 1–1000, default 500 (clamped to the bounds) */
                limit?: number;
                /** @description 0–10000; beyond, 422 (page with cursor) */
                offset?: number;
                /** @description 1-based; used when offset is absent; offset (page − 1) × limit at most 10,000 */
                page?: number;
                /** @description meta.next_cursor of the previous page (keyset paging; offset and page are then ignored) */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["MonitorListMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MonitorsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMonitorDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MonitorsController_bulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkCreateMonitorsDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["BulkMetaView"];
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MonitorsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MonitorsController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMonitorDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MonitorsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeletedMonitorView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MonitorsController_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMonitorDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MonitorsController_toggle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ToggleMonitorDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MonitorsController_setPublic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicMonitorDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    IncidentsController_list: {
        parameters: {
            query?: {
                status?: "open" | "resolved" | "investigating" | "identified" | "monitoring";
                /** @description StatusPool's filter: true = status resolved, false = open (status wins when both are given) */
                resolved?: "true" | "false";
                type?: "automatic" | "manual" | "regional";
                monitor_id?: string;
                monitor_type?: "http" | "json_api" | "ssl" | "tcp" | "dns" | "heartbeat" | "https" | "ping" | "sip" | "domain";
                /** @description 1–8760, default 720 (clamped to the bounds) */
                hours?: number;
                /** @description 1–500, default 50 (clamped to the bounds) */
                limit?: number;
                /** @description 0–10000; beyond, 422 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["IncidentView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["IncidentsMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    IncidentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIncidentDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["IncidentView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    IncidentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["IncidentView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    IncidentsController_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateIncidentDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["IncidentView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    IncidentsController_addUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIncidentUpdateDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["IncidentView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MaintenanceController_list: {
        parameters: {
            query?: {
                status?: "scheduled" | "in_progress" | "completed" | "cancelled";
                monitor_id?: string;
                /** @description 1–500, default 50 (clamped to the bounds) */
                limit?: number;
                /** @description 0–10000; beyond, 422 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MaintenanceView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["MaintenanceMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MaintenanceController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMaintenanceDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MaintenanceView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MaintenanceController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MaintenanceView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MaintenanceController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeletedMaintenanceView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MaintenanceController_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMaintenanceDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MaintenanceView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    MaintenanceController_addUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMaintenanceUpdateDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MaintenanceView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    PingController_get: {
        parameters: {
            query: {
                /** @description the token of the ping_url */
                token: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description bare answer (no envelope) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PingView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    PingController_post: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description bare answer (no envelope) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PingView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    PingController_getKind: {
        parameters: {
            query: {
                /** @description the token of the ping_url */
                token: string;
            };
            header?: never;
            path: {
                id: string;
                kind: "start" | "fail";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description bare answer (no envelope) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PingView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    PingController_postKind: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path: {
                id: string;
                kind: "start" | "fail";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description bare answer (no envelope) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PingView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    PingTokenController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PingTokenView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: {
                active?: "true" | "false";
                /** @description 1–100, default 50 (clamped to the bounds) */
                limit?: number;
                /** @description 0–10000; beyond, 422 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["ListMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedWebhookView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeletedWebhookView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    WebhooksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    WebhooksController_test: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeliveryView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                /** @description 1–100, default 50 (clamped to the bounds) */
                limit?: number;
                /** @description 0–10000; beyond, 422 */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeliveryView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["ListMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    WebhooksController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeliveryView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    HistoryController_checks: {
        parameters: {
            query?: {
                /** @description 1–500, default 100 (clamped to the bounds) */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CheckView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["ChecksMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    TimeseriesController_responseTimes: {
        parameters: {
            query?: {
                /** @description one of the monitor's regions; default: every region (and the whole monitor) */
                region?: string;
                /** @description default: minute up to 6 h, hour up to 14 days, else day; at most 3,000 points */
                bucket?: "minute" | "hour" | "day";
                /** @description ISO 8601, default: now */
                to?: string;
                /** @description ISO 8601, default: 24 h before `to` */
                from?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ResponseTimesView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    TimeseriesController_daily: {
        parameters: {
            query?: {
                /** @description one of the monitor's regions; default: every region (and the whole monitor) */
                region?: string;
                /** @description 1–365, default 90 (clamped to the bounds) */
                days?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DailyUptimeView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    TimeseriesController_hourly: {
        parameters: {
            query?: {
                /** @description one of the monitor's regions; default: every region (and the whole monitor) */
                region?: string;
                /** @description YYYY-MM-DD (UTC), default today */
                date?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["HourlyUptimeView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    TimeseriesController_minutes: {
        parameters: {
            query: {
                /** @description one of the monitor's regions; default: every region (and the whole monitor) */
                region?: string;
                /** @description 0–23 (UTC) */
                hour: number;
                /** @description YYYY-MM-DD (UTC), default today */
                date?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MinutesView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    TimeseriesController_logs: {
        parameters: {
            query?: {
                /** @description 1–100, default 20 (clamped to the bounds) */
                limit?: number;
                /** @description 1-based, default 1 (clamped) */
                page?: number;
                /** @description one of the monitor's regions; default: every region (and the whole monitor) */
                region?: string;
                /** @description ISO 8601, default: now */
                to?: string;
                /** @description ISO 8601, default: 24 h before `to` */
                from?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LogEntryView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["LogsMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    TimeseriesController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorStatusView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    TimeseriesController_history: {
        parameters: {
            query?: {
                /** @description 1–168, default 24 (clamped to the bounds) */
                hours?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorHistoryView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    TimeseriesController_stats: {
        parameters: {
            query?: {
                /** @description 1–365, default 30 (clamped to the bounds) */
                days?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MonitorStatsView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    RegionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["RegionView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["RegionsMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    StatusPagesController_list: {
        parameters: {
            query?: {
                /** @description 1–500, default 100 (clamped to the bounds) */
                limit?: number;
                /** @description 0–10000; beyond, 422 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["StatusPageView"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["ListMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    StatusPagesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStatusPageDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["StatusPageView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    StatusPagesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["StatusPageView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    StatusPagesController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStatusPageDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["StatusPageView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    StatusPagesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeletedStatusPageView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    StatusPagesController_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStatusPageDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["StatusPageView"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Conflict (e.g. the slug is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "slug \"my-api\" is already taken",
                     *       "code": "conflict"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    PublicStatusController_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No page with this slug (HTML) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicStatusController_statusCore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusCoreDocumentView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicErrorView"];
                };
            };
        };
    };
    ValtrogenController_list: {
        parameters: {
            query?: {
                status?: "scheduled" | "in_progress" | "completed" | "cancelled";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {success: true, logs: [...]} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenLogsView"];
                };
            };
            /** @description {success: false, error}: a malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error}: no such page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error} */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
        };
    };
    ValtrogenController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {success: true, log, monitorDetails} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenLogDetailView"];
                };
            };
            /** @description {success: false, error}: invalid id format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error}: no such page or log */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error} */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
        };
    };
    ValtrogenController_monitors: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD (UTC), within the last 90 days */
                date?: string;
                /** @description with date: hourly data of this monitor (slug) */
                monitorId?: string;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {success: true, monitors, groups}, or with monitorId and date {success: true, hourlyData} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenMonitorsView"] | components["schemas"]["ValtrogenHourlyDataView"];
                };
            };
            /** @description {success: false, error}: a malformed monitorId or date */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error}: no such page (or monitor, with monitorId) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error} */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
        };
    };
    ValtrogenController_monitor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                monitorId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {success: true, monitor, group, maintenanceLogs} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenMonitorPageView"];
                };
            };
            /** @description {success: false, error}: invalid id format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error}: no such page or monitor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error} */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
        };
    };
    ValtrogenController_minutes: {
        parameters: {
            query: {
                hour: number;
                /** @description YYYY-MM-DD (UTC), within the last 90 days */
                date: string;
                /** @description monitor slug */
                monitorId: string;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {success: true, records} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenMinutesView"];
                };
            };
            /** @description {success: false, error}: a missing or malformed parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error}: no such page or monitor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error} */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
        };
    };
    ValtrogenController_group: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {success: true, group, monitors, stats, maintenanceLogs} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenGroupView"];
                };
            };
            /** @description {success: false, error}: invalid id format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error}: no such page or group */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
            /** @description {success: false, error} */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValtrogenErrorView"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
            /** @description PostgreSQL or NATS is not available, or results cannot be consumed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
        };
    };
    BadgesController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description monitor id (public monitors only) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SVG badge */
            200: {
                headers: {
                    /** @description `public, max-age=300, stale-while-revalidate=60` (404/400: `public, max-age=60`; unavailable: `no-store`) */
                    "Cache-Control"?: string;
                    /** @description revalidate with If-None-Match (304) */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description "not found" SVG badge: unknown or private monitor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description "unavailable" SVG badge */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
        };
    };
    BadgesController_response: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description monitor id (public monitors only) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SVG badge */
            200: {
                headers: {
                    /** @description `public, max-age=300, stale-while-revalidate=60` (404/400: `public, max-age=60`; unavailable: `no-store`) */
                    "Cache-Control"?: string;
                    /** @description revalidate with If-None-Match (304) */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description "not found" SVG badge */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description "unavailable" SVG badge */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
        };
    };
    BadgesController_shields: {
        parameters: {
            query?: {
                type?: "uptime" | "status" | "response";
            };
            header?: never;
            path: {
                /** @description monitor id (public monitors only) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description `public, max-age=300, stale-while-revalidate=60` (404/400: `public, max-age=60`; unavailable: `no-store`) */
                    "Cache-Control"?: string;
                    /** @description revalidate with If-None-Match (304) */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShieldsEndpointDto"];
                };
            };
            /** @description unknown type (isError) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShieldsEndpointDto"];
                };
            };
            /** @description unknown or private monitor (isError) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShieldsEndpointDto"];
                };
            };
            /** @description unavailable (isError) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShieldsEndpointDto"];
                };
            };
        };
    };
    BadgesController_uptime: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description monitor id (public monitors only) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SVG badge */
            200: {
                headers: {
                    /** @description `public, max-age=300, stale-while-revalidate=60` (404/400: `public, max-age=60`; unavailable: `no-store`) */
                    "Cache-Control"?: string;
                    /** @description revalidate with If-None-Match (304) */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description "not found" SVG badge */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description "unavailable" SVG badge */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
        };
    };
    PagePublicController_badge: {
        parameters: {
            query?: {
                style?: "flat" | "flat-square" | "plastic" | "for-the-badge";
                /** @description status (default), uptime (90 days), response-time (average of the last 24 h) */
                type?: "status" | "uptime" | "response-time";
                /** @description left text (default depends on type), at most 64 characters */
                label?: string;
                /** @description hex, e.g. 555 or 24292e */
                labelColor?: string;
                /** @description hex; default from the status/uptime/response-time thresholds */
                color?: string;
                /** @description a monitor's slug on the page */
                monitorId?: string;
                /** @description "false" hides the status dot */
                logo?: string;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SVG badge; Cache-Control public, max-age=300, stale-while-revalidate=60; ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description red "invalid" badge naming the parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description "not found" badge: unknown page, or monitorId not on the page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description fallback "unavailable" badge */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
        };
    };
    PagePublicController_domainBadge: {
        parameters: {
            query?: {
                style?: "flat" | "flat-square" | "plastic" | "for-the-badge";
                /** @description status (default), uptime (90 days), response-time (average of the last 24 h) */
                type?: "status" | "uptime" | "response-time";
                /** @description left text (default depends on type), at most 64 characters */
                label?: string;
                /** @description hex, e.g. 555 or 24292e */
                labelColor?: string;
                /** @description hex; default from the status/uptime/response-time thresholds */
                color?: string;
                /** @description a monitor's slug on the page */
                monitorId?: string;
                /** @description "false" hides the status dot */
                logo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SVG badge; Cache-Control public, max-age=300, stale-while-revalidate=60; ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description red "invalid" badge naming the parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description "not found" badge: unknown page, or monitorId not on the page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description fallback "unavailable" badge */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
        };
    };
    PagePublicController_feed: {
        parameters: {
            query?: {
                format?: "rss";
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the feed; Cache-Control public, max-age=30, stale-while-revalidate=60; ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                    "application/rss+xml": string;
                };
            };
            /** @description unknown format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success?: false;
                        error?: string;
                    };
                };
            };
            /** @description no such page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success?: false;
                        error?: string;
                    };
                };
            };
            /** @description server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success?: false;
                        error?: string;
                    };
                };
            };
        };
    };
    PagePublicController_domainFeed: {
        parameters: {
            query?: {
                format?: "rss";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the feed; Cache-Control public, max-age=30, stale-while-revalidate=60; ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                    "application/rss+xml": string;
                };
            };
            /** @description unknown format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success?: false;
                        error?: string;
                    };
                };
            };
            /** @description no such page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success?: false;
                        error?: string;
                    };
                };
            };
            /** @description server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success?: false;
                        error?: string;
                    };
                };
            };
        };
    };
    PublicSubscriptionsController_subscribe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscribeDto"];
                "application/x-www-form-urlencoded": components["schemas"]["SubscribeDto"];
            };
        };
        responses: {
            /** @description JSON, or an HTML page for a form post */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscribeAnswerDto"];
                };
            };
            /** @description no such status page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not an email address */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description too many attempts from this IP or for this address (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicSubscriptionsController_confirm: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description confirmed (or already confirmed) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description invalid, superseded or expired link */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    PublicSubscriptionsController_unsubscribePage: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the confirmation form */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description invalid link */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    PublicSubscriptionsController_unsubscribe: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description unsubscribed (idempotent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description invalid link */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    SubscribersController_list: {
        parameters: {
            query?: {
                /** @description 1–200, default 50 (clamped to the bounds) */
                limit?: number;
                /** @description 0–10000; beyond, 422 */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SubscriberDto"][];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                        meta: components["schemas"]["ListMetaView"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    SubscribersController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubscriberDto"];
            };
        };
        responses: {
            /** @description created; 422 when type is not webhook or the URL is invalid or refused (SSRF guard) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedSubscriberDto"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
    SubscribersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subscriberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeletedSubscriberDto"];
                        /**
                         * @description null on success
                         * @example null
                         * @enum {string|null}
                         */
                        error: null;
                    };
                };
            };
            /** @description Malformed request (invalid JSON body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "malformed JSON body: Unexpected token } in JSON at position 12",
                     *       "code": "bad_request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "missing or invalid API key",
                     *       "code": "unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Read-only key writing, plan limit or interval below the plan minimum */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "Monitor limit reached for your plan (10 monitors on free plan). Upgrade to add more.",
                     *       "code": "plan_limit"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Unknown id (or an id of another account) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "monitor mon_3k9x0q2m7d1v8b4n not found",
                     *       "code": "not_found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Validation failed: `details` names every invalid field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "validation failed",
                     *       "code": "validation_failed",
                     *       "details": [
                     *         {
                     *           "field": "json_assertions[0].operator",
                     *           "message": "operator must be one of: equals, not_equals, contains, greater_than, less_than, exists, not_exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
            /** @description Rate limited: retry after `retry_after` seconds (Retry-After header) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": null,
                     *       "error": "rate limit exceeded: try again in 42 seconds",
                     *       "code": "rate_limited",
                     *       "retry_after": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeView"];
                };
            };
        };
    };
}
