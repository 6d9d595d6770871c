/** One jest run for the whole workspace: unit, integration (real PostgreSQL/NATS) and e2e. */
const moduleNameMapper = {
  '^@parallax/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@parallax/checks$': '<rootDir>/libs/checks/src/index.ts',
  '^@parallax/testing$': '<rootDir>/libs/testing/src/index.ts',
  '^@parallax/client$': '<rootDir>/libs/client/src/index.ts',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] };
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleNameMapper,
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
