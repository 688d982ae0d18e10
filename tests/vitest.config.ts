import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: join(import.meta.dirname, '..'),
		include: ['tests/**/*.test.ts'],
		// The fixture sites generator tests read (tests/support/sites.ts), built once.
		globalSetup: ['tests/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 180_000,
		// Build and browser tests start Astro or Chromium: generous timeouts, and one file at a time on 2 cores.
		fileParallelism: false,
	},
});
