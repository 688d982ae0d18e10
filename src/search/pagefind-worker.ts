import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { PAGEFIND_MAX_FRAGMENTS } from './pagefind-records.ts';

// Pagefind's index of the records, written to `outputPath`, driven from a thread of its own
// (`runPagefind` in ./write-indexes.ts). Node loads this file as it is, so the modules it imports name their files.
const { records, outputPath } = workerData as { records: CustomRecord[]; outputPath: string };
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', maxFragments: PAGEFIND_MAX_FRAGMENTS });
if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
// Sent all at once: Pagefind's process works through them at its own pace.
const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
for (const [i, { errors }] of added.entries()) if (errors.length) throw new Error(`Pagefind, ${records[i]!.url}: ${errors.join('; ')}`);
const written = await index.writeFiles({ outputPath });
if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
parentPort!.postMessage('done');
