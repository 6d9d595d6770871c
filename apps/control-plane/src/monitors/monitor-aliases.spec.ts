import { resolveAliases } from './monitor-aliases';
import { monitorDefaults } from './monitor-fields';
import { canSwitchType, TYPE_RULES } from './monitor-types';

const REGIONS = ['eu-west', 'us-east', 'ap-south'];

describe('resolveAliases (StatusCore / StatusPool field names)', () => {
  it("maps StatusCore's create example to ours", () => {
    const r = resolveAliases(
      { name: 'Production API', type: 'https', target: 'https://api.example.com/health', ssl_check: true },
      null,
      REGIONS,
    );
    expect(r).toEqual({
      errors: [],
      dto: { name: 'Production API', monitor_type: 'https', url: 'https://api.example.com/health' },
    });
  });

  it("maps StatusPool's create example to ours", () => {
    const r = resolveAliases(
      {
        name: 'p',
        url: 'https://api.example.com/health',
        interval_seconds: 60,
        expected_status: 200,
        regions: ['eu-west'],
        tags: ['production'],
      },
      null,
      REGIONS,
    );
    expect(r).toEqual({
      errors: [],
      dto: {
        name: 'p',
        url: 'https://api.example.com/health',
        check_interval: 60,
        expected_status_code: 200,
        regions: ['eu-west'],
        tags: ['production'],
      },
    });
  });

  it('maps target by type: url, host (from a URL too), hostname, ssl_domain; refuses it for heartbeat', () => {
    expect(resolveAliases({ type: 'tcp', target: 'db.example.com', port: 5432 }, null, REGIONS).dto).toEqual({
      monitor_type: 'tcp',
      host: 'db.example.com',
      port: 5432,
    });
    expect(resolveAliases({ target: 'tcp://db.example.com:5432' }, 'tcp', REGIONS).dto).toEqual({
      host: 'db.example.com',
    });
    expect(resolveAliases({ target: 'example.com' }, 'dns', REGIONS).dto).toEqual({ hostname: 'example.com' });
    expect(resolveAliases({ target: 'https://example.com' }, 'ssl', REGIONS).dto).toEqual({
      ssl_domain: 'example.com',
    });
    expect(resolveAliases({ target: 'https://example.com/x' }, 'json_api', REGIONS).dto).toEqual({
      url: 'https://example.com/x',
    });
    expect(resolveAliases({ target: 'x' }, 'heartbeat', REGIONS).errors).toEqual([
      { field: 'target', message: 'target does not apply to heartbeat monitors' },
    ]);
  });

  it('expands check_locations ["all"] to every configured region and passes a list through', () => {
    expect(resolveAliases({ check_locations: ['all'] }, 'http', REGIONS).dto).toEqual({ regions: REGIONS });
    expect(resolveAliases({ check_locations: ['ALL'] }, 'http', REGIONS).dto).toEqual({ regions: REGIONS });
    expect(resolveAliases({ check_locations: ['us-east'] }, 'http', REGIONS).dto).toEqual({ regions: ['us-east'] });
    expect(
      resolveAliases({ check_locations: ['us-east', 'eu-west'], regions: ['eu-west', 'us-east'] }, 'http', REGIONS)
        .errors,
    ).toEqual([]);
  });

  it('maps is_active, public_status, interval_seconds and expected_status', () => {
    expect(
      resolveAliases(
        { is_active: false, public_status: true, interval_seconds: 30, expected_status: 204 },
        'http',
        REGIONS,
      ).dto,
    ).toEqual({ paused: true, public: true, check_interval: 30, expected_status_code: 204 });
    expect(resolveAliases({ is_active: true }, 'http', REGIONS).dto).toEqual({ paused: false });
  });

  it('ssl_check switches between http and https and is refused where it cannot apply', () => {
    expect(resolveAliases({ ssl_check: true }, 'http', REGIONS).dto).toEqual({ monitor_type: 'https' });
    expect(resolveAliases({ ssl_check: false }, 'https', REGIONS).dto).toEqual({ monitor_type: 'http' });
    expect(resolveAliases({ ssl_check: true, url: 'https://x' }, null, REGIONS).dto).toEqual({
      monitor_type: 'https',
      url: 'https://x',
    });
    expect(resolveAliases({ ssl_check: false }, 'tcp', REGIONS)).toEqual({ errors: [], dto: {} });
    expect(resolveAliases({ ssl_check: true }, 'ssl', REGIONS)).toEqual({ errors: [], dto: {} });
    expect(resolveAliases({ ssl_check: true }, 'tcp', REGIONS).errors).toEqual([
      {
        field: 'ssl_check',
        message: 'ssl_check applies to http and https monitors only (use an ssl monitor for tcp certificates)',
      },
    ]);
    expect(resolveAliases({ type: 'https', ssl_check: false }, null, REGIONS).errors).toEqual([
      {
        field: 'ssl_check',
        message:
          'ssl_check false contradicts monitor_type "https" (an https monitor is an http monitor whose certificate is checked)',
      },
    ]);
  });

  it('answers one 422 detail per alias that disagrees with our name, and accepts agreeing pairs', () => {
    const r = resolveAliases(
      {
        type: 'tcp',
        monitor_type: 'http',
        url: 'https://a.example',
        target: 'https://b.example',
        interval_seconds: 30,
        check_interval: 60,
        expected_status: 200,
        expected_status_code: 201,
        is_active: true,
        paused: true,
        public_status: false,
        public: true,
        check_locations: ['all'],
        regions: ['eu-west'],
      },
      null,
      REGIONS,
    );
    expect(r.errors.map((e) => e.field)).toEqual([
      'type',
      'target',
      'check_locations',
      'is_active',
      'public_status',
      'interval_seconds',
      'expected_status',
    ]);
    expect(r.errors[0].message).toBe('type ("tcp") and monitor_type ("http") disagree; send one of them');
    expect(r.errors[3].message).toBe('is_active (true) and paused (true) disagree; send one of them');
    expect(
      resolveAliases(
        {
          type: 'http',
          monitor_type: 'http',
          target: 'https://A.example',
          url: 'https://a.example',
          interval_seconds: 60,
          check_interval: 60,
          is_active: false,
          paused: true,
        },
        null,
        REGIONS,
      ).errors,
    ).toEqual([]);
  });
});

describe('https monitors', () => {
  const m = () =>
    Object.assign(monitorDefaults('mon_h', 'acc', ['eu-west'], 60, 'https'), {
      url: 'https://example.com/health',
      sslExpiryThresholdDays: 14,
    });

  it('send an http check spec with the certificate expiry threshold', () => {
    expect(TYPE_RULES.https.checkSpec(m())).toMatchObject({
      type: 'http',
      url: 'https://example.com/health',
      cert_expiry_threshold_days: 14,
    });
    expect(TYPE_RULES.http.checkSpec(m())).not.toHaveProperty('cert_expiry_threshold_days');
  });

  it('need an https URL', () => {
    const errors: { field: string; message: string }[] = [];
    TYPE_RULES.https.validate(Object.assign(m(), { url: 'http://example.com' }), errors, {
      regions: ['eu-west'],
      minIntervalSeconds: 1,
    });
    expect(errors).toEqual([
      { field: 'url', message: 'url must use https:// for https monitors (use monitor_type "http" for plain http)' },
    ]);
  });

  it('may switch to and from http only', () => {
    expect(canSwitchType('http', 'https')).toBe(true);
    expect(canSwitchType('https', 'http')).toBe(true);
    expect(canSwitchType('http', 'tcp')).toBe(false);
    expect(canSwitchType('ssl', 'https')).toBe(false);
  });
});
