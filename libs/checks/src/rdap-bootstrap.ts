/**
 * The IANA RDAP bootstrap registry for domain names (RFC 9224, https://data.iana.org/rdap/dns.json):
 * TLD → the registry's RDAP base URLs. Shipped with the code so that a probe needs no
 * lookup to find a registry; refreshed with `node scripts/refresh-rdap-bootstrap.js`, which
 * downloads the current file and rewrites this one.
 *
 * This copy is an excerpt (the registries of the most used TLDs, publication 2024-02-26),
 * written by hand where the machine that produced it had no network; the refresh script
 * writes the whole registry. A TLD not listed here is looked up through WHOIS (the IANA
 * WHOIS referral), so an excerpt costs RDAP, never the check.
 */
export const RDAP_BOOTSTRAP: { publication: string; services: [string[], string[]][] } = {
  publication: '2024-02-26T20:00:02Z',
  services: [
    [['com'], ['https://rdap.verisign.com/com/v1/']],
    [['net'], ['https://rdap.verisign.com/net/v1/']],
    [['org'], ['https://rdap.publicinterestregistry.org/rdap/']],
    [['ca'], ['https://rdap.ca.fury.ca/rdap/']],
    [['fi'], ['https://rdap.fi/rdap/rdap/']],
    [['ua'], ['https://rdap.hostmaster.ua/']],
    [['uz'], ['https://rdap.cctld.uz/']],
    [['xyz'], ['https://rdap.centralnic.com/xyz/']],
    [['online'], ['https://rdap.centralnic.com/online/']],
    [['site'], ['https://rdap.centralnic.com/site/']],
    [['store'], ['https://rdap.centralnic.com/store/']],
    [['tech'], ['https://rdap.centralnic.com/tech/']],
    [['website'], ['https://rdap.centralnic.com/website/']],
    [['space'], ['https://rdap.centralnic.com/space/']],
    [['fun'], ['https://rdap.centralnic.com/fun/']],
    [['pw'], ['https://rdap.centralnic.com/pw/']],
    [['fm'], ['https://rdap.centralnic.com/fm/']],
    [['art'], ['https://rdap.centralnic.com/art/']],
    [['blog'], ['https://rdap.centralnic.com/blog/']],
    [['icu'], ['https://rdap.centralnic.com/icu/']],
    [['global'], ['https://rdap.donuts.co/rdap/']],
    [['shop', 'tokyo'], ['https://rdap.gmoregistry.net/rdap/']],
  ],
};
