import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/__tests__/**/*.test.ts',
      'mocks/**/__tests__/**/*.test.ts',
      'scripts/**/__tests__/**/*.test.ts',
      'mcp/**/__tests__/**/*.test.ts',
      'bench/**/__tests__/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    // Building a fixture site takes a few seconds on a busy 2-core machine.
    testTimeout: 60_000,
  },
});
