/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest"] },
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.js"],
  // Every core: the suites are CPU-bound and the main process only waits (jest's default leaves one core idle,
  // which on a 2-core machine runs them one after the other).
  maxWorkers: "100%",
  // A bound on a hung test, not a measure of speed (that is npm run bench): the policy simulator's first request
  // loads the IAM catalogue, which on a loaded 2-core machine takes longer than jest's default 5 s.
  testTimeout: 60_000,
};
