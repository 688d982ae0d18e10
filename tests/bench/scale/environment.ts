import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** What a benchmark figure depends on besides the code, printed with every run so runs can be compared. */
export interface Environment {
	cpu: string;
	/** CPUs this process may use (cgroup and affinity included), of those the machine has. */
	cores: string;
	memory: string;
	node: string;
	astro: string;
	pagefind: string;
	commit: string;
	/** Medians of the fixed CPU workload (calibrate()), ms. */
	calibration: Calibration;
}

export interface Calibration {
	/** SHA-256 of 256 MB (native code, one core). */
	hash: number;
	/** Deflating 4 MB of text drawn at random from 3,000 Han characters, at level 6 (zlib, one core). */
	deflate: number;
	/** Sorting half a million strings in JavaScript (V8, one core: what Astro's and our own code mostly are). */
	js: number;
}

/** The middle value; of an even count, the mean of the middle two. */
export function median(xs: number[]): number {
	const sorted = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const time = (work: () => void) => {
	const t = performance.now();
	work();
	return performance.now() - t;
};

/**
 * A short fixed CPU workload (~2 s), median of five rounds per part: two runs whose calibrations
 * differ by 30 % ran on machines (or moments) of different speed, and their times compare only
 * divided by it. Native code, compression and JavaScript are timed apart: a virtual CPU can be
 * slow at one and not the others.
 */
export function calibrate(): Calibration {
	let seed = 1;
	const next = () => (seed = (seed * 48271) % 2147483647);
	const bytes = Buffer.alloc(256 * 2 ** 20, 7);
	const text = Buffer.from(Array.from({ length: 4 * 2 ** 20 / 3 }, () => String.fromCodePoint(0x4e00 + (next() % 3000))).join(''));
	const words = Array.from({ length: 500_000 }, () => `w${next()}`);
	const rounds = (work: () => void) => median(Array.from({ length: 5 }, () => time(work)));
	return {
		hash: rounds(() => createHash('sha256').update(bytes).digest()),
		deflate: rounds(() => deflateSync(text, { level: 6 })),
		js: rounds(() => [...words].sort()),
	};
}

const version = (project: string, pkg: string) => (JSON.parse(readFileSync(join(project, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

export function environment(project: string): Environment {
	let commit = 'unknown';
	try {
		commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: project, encoding: 'utf8' }).trim();
	} catch {
		// not a git checkout
	}
	return {
		cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
		cores: `${availableParallelism()} of ${cpus().length}`,
		memory: `${(totalmem() / 2 ** 30).toFixed(1)} GB`,
		node: process.version,
		astro: version(project, 'astro'),
		pagefind: version(project, 'pagefind'),
		commit,
		calibration: calibrate(),
	};
}
