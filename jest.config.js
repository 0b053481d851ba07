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
};
