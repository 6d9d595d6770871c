'use strict';
/**
 * The generated part of docs/api.md: every operation of the OpenAPI document, grouped by
 * tag, with its authentication, query parameters (bounds, enums, defaults), request body
 * and answers. scripts/openapi.js replaces the text between the two markers below and
 * leaves the hand-written guide around them alone; `--check` reports drift.
 */
const BEGIN = '<!-- operations:begin (generated from docs/openapi.json by `npm run openapi`: do not edit) -->';
const END = '<!-- operations:end -->';
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

const cell = (s) =>
  String(s)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

function refName(schema) {
  const ref = schema && (schema.$ref || (schema.allOf && schema.allOf.length === 1 && schema.allOf[0].$ref));
  return ref ? ref.split('/').pop() : null;
}

/** `MonitorView`, `MonitorView[]`, or for the envelope `{data, error, meta}`: its data's type. */
function typeName(schema) {
  if (!schema) return null;
  const name = refName(schema);
  if (name) return name;
  if (schema.type === 'array') {
    const item = typeName(schema.items);
    return item ? `${item}[]` : 'array';
  }
  if (schema.properties && schema.properties.data && 'error' in schema.properties) {
    const data = typeName(schema.properties.data);
    return data ? `data: ${data}` : null;
  }
  return schema.type || null;
}

/** `limit` 1–1000 (500), `status` up \| down, `from` date-time. */
function describeParam(p) {
  const s = p.schema || {};
  const bits = [];
  if (Array.isArray(s.enum)) bits.push(s.enum.join(' | '));
  else if (s.minimum !== undefined || s.maximum !== undefined) bits.push(`${s.minimum ?? ''}–${s.maximum ?? ''}`);
  else if (s.format) bits.push(s.format);
  else if (s.type && s.type !== 'string') bits.push(s.type);
  if (s.default !== undefined) bits.push(`default ${s.default}`);
  const name = `\`${p.name}\`${p.required ? ' (required)' : ''}`;
  return bits.length ? `${name} ${bits.join(', ')}` : name;
}

function describeBody(op) {
  const content = op.requestBody && op.requestBody.content;
  if (!content) return '';
  const json = content['application/json'];
  const name = json && typeName(json.schema);
  if (name) return `\`${name}\``;
  return Object.keys(content).join(', ');
}

function describeAuth(op) {
  if (!op.security || op.security.length === 0) return 'none';
  const schemes = [...new Set(op.security.flatMap((s) => Object.keys(s)))];
  return schemes.map((s) => (s === 'api_key' ? 'API key' : s === 'bearer' ? 'Bearer' : s)).join(' or ');
}

function describeAnswers(op) {
  const codes = Object.keys(op.responses || {});
  const ok = codes.filter((c) => /^[23]/.test(c));
  const errors = codes.filter((c) => !/^[23]/.test(c));
  const okText = ok
    .map((c) => {
      const content = op.responses[c].content || {};
      const json = content['application/json'];
      const name = json && typeName(json.schema);
      const types = Object.keys(content).filter((t) => t !== 'application/json');
      return `**${c}**${name ? ` \`${name}\`` : types.length ? ` ${types.join(', ')}` : ''}`;
    })
    .join(', ');
  return errors.length ? `${okText}; ${errors.join(' ')}` : okText;
}

/** The generated section (markers included). */
function operationsMarkdown(doc) {
  const byTag = new Map();
  let count = 0;
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      count++;
      const tag = (op.tags && op.tags[0]) || 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op });
    }
  }
  const out = [
    BEGIN,
    '',
    `${count} operations. Answers: **success code** and its envelope schema (in \`docs/openapi.json\`, \`components.schemas\`), then the documented error codes (every error is the \`ErrorEnvelopeView\` with \`code\` and, for 422, \`details\`).`,
    '',
  ];
  for (const [tag, ops] of byTag) {
    out.push(`### ${tag}`, '', '| operation | what | auth | query | body | answers |', '|---|---|---|---|---|---|');
    for (const { path, method, op } of ops) {
      const query = (op.parameters || [])
        .filter((p) => p.in === 'query')
        .map(describeParam)
        .join('; ');
      out.push(
        `| \`${method.toUpperCase()} ${path}\` | ${cell(op.summary || '')} | ${describeAuth(op)} | ${cell(query)} | ${describeBody(op)} | ${describeAnswers(op)} |`,
      );
    }
    out.push('');
  }
  out.push(END);
  return out.join('\n');
}

/** `current` (docs/api.md) with its generated section replaced. */
function apiMarkdown(doc, current) {
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/api.md must contain the markers\n${BEGIN}\n${END}`);
  return current.slice(0, start) + operationsMarkdown(doc) + current.slice(end + END.length);
}

module.exports = { apiMarkdown, operationsMarkdown, BEGIN, END };
