import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Measured {
	/** Wall time of the whole command, ms. */
	wall: number;
	/** Highest sum of resident memory over the command's whole process tree, sampled every 100 ms, bytes. */
	peakTree: number;
	/** ms from the start at which each output line matching a mark first appeared. */
	marks: Record<string, number>;
	output: string;
}

const PAGE = 4096;

/** Resident bytes of `root` and every process descending from it, read from /proc. */
function treeRss(root: number): number {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// Field 4 of /proc/<pid>/stat is the parent; the command name before it may hold spaces.
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
		} catch {
			// The process ended between listing and reading.
		}
	}
	let total = 0;
	const stack = [root];
	while (stack.length) {
		const pid = stack.pop()!;
		try {
			total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
		} catch {
			continue;
		}
		stack.push(...(children.get(pid) ?? []));
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
		const sample = () => {
			if (child.pid) peakTree = Math.max(peakTree, treeRss(child.pid));
		};
		const timer = setInterval(sample, 100);
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
			if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
			else resolve({ wall, peakTree, marks, output });
		});
	});
}
