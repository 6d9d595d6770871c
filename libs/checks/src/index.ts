export * from './check';
export * from './ssrf';
export * from './expressions';
export * from './http.check';
export * from './registry';
