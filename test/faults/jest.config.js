/** `npm run test:faults`: the fault suite (minutes of real processes), outside the main jest run. */
const base = require('../../jest.config.js').projects[2];

module.exports = {
  ...base,
  rootDir: '../..',
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/*.fault-spec.ts'],
};
