export * from './subjects';
export * from './messages';
export * from './defaults';
export * from './text';
