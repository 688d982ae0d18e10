import { readFileSync } from 'node:fs';

/**
 * What else a machine did while a benchmark ran. The same build measured 173.8 s one day and 349.0 s
 * another on "the same kind of machine" (issue #19): on a shared virtual machine, other tenants' work
 * (steal) and other processes' work are what such a gap is made of, and neither shows in a wall time.
 * Linux's /proc accounts both, in clock ticks (USER_HZ, 100 per second on Linux).
 */
const TICK_MS = 10;

interface MachineTimes {
	/** Ticks all CPUs spent busy (user, nice, system, irq, softirq), idle or waiting, and stolen by the hypervisor. */
	busy: number;
	total: number;
	steal: number;
}

/** The machine's CPU time so far, from the first line of /proc/stat. */
export function machineTimes(): MachineTimes {
	const [, user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
	const busy = user! + nice! + system! + irq! + softirq!;
	return { busy, steal: steal!, total: busy + idle! + iowait! + steal! };
}

/** CPU time of one process so far (user + system), ms; 0 once it has ended. */
export const processCpu = (pid: number): number => statOf(`/proc/${pid}/stat`)?.ms ?? 0;

/** The name and CPU time so far (user + system, ms) in a /proc stat file; undefined once its process or thread has ended. */
function statOf(path: string): { name: string; ms: number } | undefined {
	try {
		// The command name (field 2) may hold spaces: count from after its closing parenthesis.
		const stat = readFileSync(path, 'utf8');
		const close = stat.lastIndexOf(')');
		const fields = stat.slice(close + 2).split(' ');
		return { name: stat.slice(stat.indexOf('(') + 1, close), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
	} catch {
		return undefined;
	}
}

export interface LoadDuring {
	/** CPU time of the measured command's process tree, ms (summed over its processes as last sampled). */
	ownCpu: number;
	/** CPU time of everything else on the machine meanwhile, ms. */
	otherCpu: number;
	/** Share of the machine's CPU time the hypervisor gave to other tenants meanwhile. */
	stealShare: number;
}

/** The load since `before` of a command whose tree used `ownCpu` ms. */
export function loadDuring(before: MachineTimes, ownCpu: number): LoadDuring {
	const after = machineTimes();
	const busy = (after.busy - before.busy) * TICK_MS;
	const total = after.total - before.total;
	// The tree's last moments are not sampled: what it did then is not counted as anyone else's.
	return { ownCpu, otherCpu: Math.max(0, busy - ownCpu), stealShare: total > 0 ? (after.steal - before.steal) / total : 0 };
}

/**
 * Which part of a build a thread is, from the name Linux keeps for it (`comm`, at most 15
 * characters): Node names its main thread, its worker threads, its thread pool (file system, zlib,
 * sharp) and V8's helpers (garbage collection, compiling); Pagefind's binary and libvips name theirs.
 * A cold build's CPU time split this way says where a second core goes (README, *Where a cold build at
 * 5,000 articles goes*).
 */
export const THREAD_KINDS = [
	['JavaScript main threads', /^MainThread$/],
	['worker threads', /^WorkerThread$/],
	["Node's thread pool", /^libuv-worker$/],
	["V8's helpers", /^V8Worker$|^DelayedTaskSche/],
	['Pagefind', /^pagefind|^tokio-rt-worker$/],
	['libvips', /^libvips|^vips/],
] as const satisfies readonly (readonly [string, RegExp])[];
export type ThreadKind = (typeof THREAD_KINDS)[number][0] | 'other';

export const threadKind = (name: string): ThreadKind => THREAD_KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';

/** One thread of a process: its name and CPU time so far (user + system), ms; undefined once it has ended. */
export const threadCpu = (pid: number, tid: string) => statOf(`/proc/${pid}/task/${tid}/stat`);
