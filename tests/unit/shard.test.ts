import fc from 'fast-check';
import { expect, test } from 'vitest';
import { entriesOfShard, parseShard } from '../../src/lib/shard';

// A sharded build (src/lib/shard.ts): n shards render every entry's pages exactly once between them.
const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 200 });

test('n shards split the entries between them: each entry in exactly one, in the list’s order', () => {
	fc.assert(
		fc.property(ids, fc.integer({ min: 1, max: 9 }), (list, count) => {
			const entries = list.map((id) => ({ id }));
			const parts = Array.from({ length: count }, (_, i) => entriesOfShard(entries, { index: i + 1, count }));
			expect(parts.flat().map((e) => e.id).sort()).toEqual([...list].sort());
			for (const part of parts) expect(part).toEqual(entries.filter((e) => part.includes(e)));
		}),
	);
});

test('an entry’s shard depends on its id alone: adding entries moves no other to another shard', () => {
	fc.assert(
		fc.property(ids, ids, fc.integer({ min: 2, max: 9 }), (list, added, count) => {
			const shard = { index: 1, count };
			const before = entriesOfShard(list.map((id) => ({ id })), shard).map((e) => e.id);
			const after = entriesOfShard([...added.filter((id) => !list.includes(id)), ...list].map((id) => ({ id })), shard).map((e) => e.id);
			expect(after.filter((id) => list.includes(id))).toEqual(before);
		}),
	);
});

test('a whole build renders every entry', () => {
	expect(entriesOfShard([{ id: 'a' }, { id: 'b' }], undefined)).toEqual([{ id: 'a' }, { id: 'b' }]);
});

test('a shard is written k/n; anything else is refused, saying how to write it', () => {
	expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
	for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '1/2/3']) expect(() => parseShard(bad)).toThrow(/应写作 k\/n.*如 2\/4/);
});
