/**
 * Validates Kubernetes objects against the schemas of kubernetes-models and
 * @kubernetes-models/prometheus-operator. The latter ships as ES modules only, which jest's
 * CommonJS runtime cannot load, so charts.e2e-spec.ts runs this file with node.
 *
 * stdin: a JSON array of objects; stdout: a JSON array, one entry per object,
 * {"kind", "name", "model", "error"} with error null when the object is valid.
 */
import { readFileSync } from 'node:fs';

/** The model module of an apiVersion/kind, e.g. apps/v1 Deployment -> kubernetes-models/apps/v1/Deployment. */
function modelPath(apiVersion, kind) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Za-z]+$/.test(kind)) return null;
  if (apiVersion === 'monitoring.coreos.com/v1') return `@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/${kind}`;
  if (/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion)) return `kubernetes-models/${apiVersion}/${kind}`;
  return null;
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const obj of objects) {
  const kind = obj?.kind;
  const name = obj?.metadata?.name;
  const path = modelPath(obj?.apiVersion, kind);
  if (!path) {
    results.push({ kind, name, model: null, error: `no model for apiVersion ${obj?.apiVersion} kind ${kind}` });
    continue;
  }
  try {
    const mod = await import(path);
    const Model = mod[kind] ?? mod.default?.[kind];
    if (typeof Model !== 'function') throw new Error(`${path} exports no ${kind}`);
    new Model(obj).validate();
    results.push({ kind, name, model: path, error: null });
  } catch (e) {
    results.push({ kind, name, model: path, error: String(e?.message ?? e) });
  }
}
process.stdout.write(JSON.stringify(results));
