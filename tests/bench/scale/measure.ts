import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadDuring, machineTimes, processCpu, threadCpu, threadKind, type LoadDuring, type ThreadKind } from './machine-load';

export interface Measured {
	/** Wall time of the whole command, ms. */
	wall: number;
	/** Highest sum of resident memory over the command's whole process tree, sampled every 200 ms, bytes. */
	peakTree: number;
	/** ms from the start at which each output line matching a mark first appeared. */
	marks: Record<string, number>;
	output: string;
	/** What the machine did meanwhile (./machine-load.ts): the command's CPU time, everything else's, the hypervisor's steal. */
	load: LoadDuring;
	/** The tree's CPU time by kind of thread (./machine-load.ts `THREAD_KINDS`), ms, as last sampled. */
	cpuByThread: Partial<Record<ThreadKind, number>>;
}

const PAGE = 4096;

/**
 * Resident bytes of `root` and every process descending from it, walking /proc/<pid>/task/<tid>/children
 * (a few reads per sample: scanning all of /proc cost the benchmark a third of a core). Each
 * process's CPU time goes into `cpu`, each thread's (by tid) into `threads`.
 */
function treeRss(root: number, cpu: Map<number, number>, threads: Map<string, { name: string; ms: number }>): number {
	let total = 0;
	const stack = [root];
	while (stack.length) {
		const pid = stack.pop()!;
		try {
			total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
			cpu.set(pid, Math.max(cpu.get(pid) ?? 0, processCpu(pid)));
			for (const tid of readdirSync(`/proc/${pid}/task`)) {
				const thread = threadCpu(pid, tid);
				if (thread && thread.ms >= (threads.get(tid)?.ms ?? 0)) threads.set(tid, thread);
				const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
				if (children) stack.push(...children.split(' ').map(Number));
			}
		} catch {
			// The process ended while it was being read.
		}
	}
	return total;
}

/**
 * Runs a command to the end, measuring wall time and the peak memory of its whole process tree
 * (Pagefind's binary and the Node process that drives it count together), and timestamping the
 * first output line that matches each of `marks`. Throws with the output when the command fails.
 */
export function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; marks?: Record<string, RegExp> }): Promise<Measured> {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let peakTree = 0;
		// CPU time per process of the tree, as last seen (a process's last ≤ 200 ms are missed).
		const cpu = new Map<number, number>();
		const threads = new Map<string, { name: string; ms: number }>();
		const machine = machineTimes();
		const sample = () => {
			if (child.pid) peakTree = Math.max(peakTree, treeRss(child.pid, cpu, threads));
		};
		const timer = setInterval(sample, 200);
		const marks: Record<string, number> = {};
		let output = '';
		const read = (chunk: Buffer) => {
			const text = chunk.toString();
			// Only the new text and the previous chunk's tail are scanned: the output runs to megabytes.
			const recent = output.slice(-300) + text;
			output += text;
			for (const [name, pattern] of Object.entries(options.marks ?? {})) if (!(name in marks) && pattern.test(recent)) marks[name] = performance.now() - start;
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(timer);
			const wall = performance.now() - start;
			const load = loadDuring(machine, [...cpu.values()].reduce((a, b) => a + b, 0));
			if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
			else resolve({ wall, peakTree, marks, output, load, cpuByThread: byKind(threads.values()) });
		});
	});
}

/** CPU time summed by kind of thread, ms. */
function byKind(threads: Iterable<{ name: string; ms: number }>): Partial<Record<ThreadKind, number>> {
	const sums: Partial<Record<ThreadKind, number>> = {};
	for (const { name, ms } of threads) {
		const kind = threadKind(name);
		sums[kind] = (sums[kind] ?? 0) + ms;
	}
	return sums;
}
