import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Build and browser tests start Astro or Chromium; give them room on a 2-core machine.
		testTimeout: 120_000,
		hookTimeout: 180_000,
		// Browser and build tests each start heavy processes; run files one at a time.
		fileParallelism: false,
	},
});
