/** `items` in groups of equal `key`, the groups in the order their first item comes, each in the items' order. */
export function groupBy<T, K>(items: T[], key: (item: T) => K): [K, T[]][] {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = groups.get(k);
		if (list) list.push(item);
		else groups.set(k, [item]);
	}
	return [...groups];
}
