import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium at a time: the machine has two cores.
    fileParallelism: false,
    // A poll waits for state, not a second: on a loaded machine a page may take longer to get there.
    expect: { poll: { timeout: 30_000 } },
  },
});
