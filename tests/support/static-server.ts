import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
	'.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.xml': 'application/xml',
};
// Gzip text as any real static host does (GitHub Pages, Netlify…); Pagefind's own files are already compressed.
const COMPRESS = new Set(['.html', '.js', '.css', '.json', '.txt', '.svg', '.xml']);

/**
 * Serves a folder on 127.0.0.1 (benchmark, site checks, browser tests), gzipped like a real static
 * host, at `base` (a GitHub Pages project site is served under /<repo>/): nothing outside it exists.
 * Every request is recorded in `requests`, as paths.
 */
export function serve(root: string, { port = 0, base = '/' }: { port?: number; base?: string } = {}): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
	const requests: string[] = [];
	const server: Server = createServer((req, res) => {
		const requested = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
		requests.push(requested);
		if (!requested.startsWith(base)) {
			res.writeHead(404).end('not found');
			return;
		}
		let path = normalize(`/${requested.slice(base.length)}`);
		if (path.endsWith('/')) path += 'index.html';
		const file = join(root, path);
		if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
			// As GitHub Pages does: the site's own 404.html, with status 404.
			const notFound = join(root, '404.html');
			if (existsSync(notFound)) res.writeHead(404, { 'content-type': TYPES['.html']! }).end(readFileSync(notFound));
			else res.writeHead(404).end('not found');
			return;
		}
		const ext = extname(file);
		const gzip = COMPRESS.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
		res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'max-age=3600', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
		const stream = createReadStream(file);
		(gzip ? stream.pipe(createGzip()) : stream).pipe(res);
	});
	return new Promise((resolve) =>
		server.listen(port, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			resolve({ url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) });
		}),
	);
}
