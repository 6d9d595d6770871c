#!/usr/bin/env node
/**
 * Downloads the IANA RDAP bootstrap registry for domain names (RFC 9224) and rewrites
 * libs/checks/src/rdap-bootstrap.ts with it. Run now and then (IANA updates it weekly):
 *   node scripts/refresh-rdap-bootstrap.js [url]
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const URL_ = process.argv[2] || 'https://data.iana.org/rdap/dns.json';
const OUT = join(__dirname, '..', 'libs', 'checks', 'src', 'rdap-bootstrap.ts');

async function main() {
  const res = await fetch(URL_, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${URL_}: HTTP ${res.status}`);
  const data = await res.json();
  if (!Array.isArray(data.services) || typeof data.publication !== 'string')
    throw new Error(`${URL_}: not an RDAP bootstrap file`);
  const services = data.services
    .filter((s) => Array.isArray(s) && Array.isArray(s[0]) && Array.isArray(s[1]))
    .map(([tlds, urls]) => [tlds.map((t) => String(t).toLowerCase()), urls.filter((u) => /^https?:\/\//.test(u))]);
  const body = services.map((s) => `    ${JSON.stringify(s).replace(/"/g, "'")},`).join('\n');
  writeFileSync(
    OUT,
    `/**
 * The IANA RDAP bootstrap registry for domain names (RFC 9224, ${URL_}):
 * TLD → the registry's RDAP base URLs. Shipped with the code so that a probe needs no
 * lookup to find a registry; written by \`node scripts/refresh-rdap-bootstrap.js\`.
 * A TLD not listed is looked up through WHOIS (the IANA WHOIS referral).
 */
export const RDAP_BOOTSTRAP: { publication: string; services: [string[], string[]][] } = {
  publication: ${JSON.stringify(data.publication).replace(/"/g, "'")},
  services: [
${body}
  ],
};
`,
  );
  console.log(`wrote ${OUT}: ${services.length} services, publication ${data.publication}`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
