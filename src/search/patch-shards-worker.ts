import { parentPort, workerData } from 'node:worker_threads';
import { indexWriter, readSearchedIndexFile } from './index-files.ts';
import { patchShard } from './postings.ts';
import type { ShardEdits } from './exact-index-update.ts';

// The shards an edit touches, read, patched and written on a thread of its own (updateExactIndex in
// ./exact-index-update.ts starts it; Node loads this file as it is, so its imports name their files).
//
// Why a thread: reading, inflating, patching and compressing ~115 shards after one edit at 100,000
// articles allocates buffers outside V8's heap, and every ~64 MB of those made V8 mark the whole
// heap of the index step (~530 MB there: the page cache and the pages' facts), ~0.6 s each — six
// times in a rebuild after one edit (2026-12-04, --trace-incremental-marking: "external memory
// pressure"). This thread's heap holds only the shards, so its collections cost next to nothing.
//
// Every shard is read (and can fail) before any is written: posts the paths written, or null, with
// nothing written, when a shard cannot be read.
const { folder, edits } = workerData as { folder: string; edits: ShardEdits };

const patched: [string, Uint8Array][] = [];
let unreadable = false;
for (const [path, byBigram] of edits) {
	let bytes: Uint8Array;
	try {
		bytes = readSearchedIndexFile(folder, path) as Uint8Array;
	} catch {
		unreadable = true;
		break;
	}
	patched.push([path, patchShard(bytes, byBigram)]);
}
if (unreadable) parentPort!.postMessage(null);
else {
	const writer = indexWriter(folder);
	for (const [path, bytes] of patched) await writer.write(path, bytes);
	await writer.done();
	parentPort!.postMessage(patched.map(([path]) => path));
}
