import { describe, expect, it } from 'vitest';
import { measure } from '../bench/scale/measure';

// The scale bench's split of a build's CPU time by kind of thread (README, *Where a cold build at
// 5,000 articles goes*): work done on a worker thread and in Node's thread pool is counted there,
// not as the main thread's. The command below spends ~1 s of CPU in each while its main thread waits.
const SCRIPT = `
const { Worker } = require('node:worker_threads');
const { pbkdf2 } = require('node:crypto');
// The worker spins until it has had 1 s of CPU itself, however busy the machine is.
const spin = 'const cpu = () => { const t = process.threadCpuUsage(); return (t.user + t.system) / 1000; }; while (cpu() < 1000);';
new Worker(spin, { eval: true }).on('exit', () => {
	const end = Date.now() + 1000;
	const next = () => (Date.now() < end ? pbkdf2('x', 'y', 200000, 32, 'sha256', next) : undefined);
	next();
});
`;

describe.runIf(process.platform === 'linux')('the scale bench: CPU time by kind of thread', () => {
	it('counts a worker thread and the thread pool apart from the main thread', async () => {
		const run = await measure(process.execPath, ['-e', SCRIPT], { cwd: process.cwd() });
		const cpu = run.cpuByThread;
		// Sampled every 200 ms: a thread's last moments before it ends are not seen.
		expect(cpu['worker threads'] ?? 0).toBeGreaterThanOrEqual(500);
		expect(cpu["Node's thread pool"] ?? 0).toBeGreaterThanOrEqual(500);
		expect(cpu['JavaScript main threads'] ?? 0).toBeLessThan(cpu['worker threads']!);
	});
});
