declare module 'tls-check' {
  import type { CipherNameAndProtocol } from 'node:tls';
  /** Resolves when a handshake with exactly `version` (e.g. `TLSv1.2`) succeeds and the certificate is trusted. */
  function tlsCheck(o: {
    hostname: string;
    port?: number;
    version: string;
  }): Promise<CipherNameAndProtocol & { tlsProtocol: string | null }>;
  export = tlsCheck;
}
