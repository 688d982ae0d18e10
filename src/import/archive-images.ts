import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { imageReferences, isRemoteImage } from '../markdown/image-references';
import { FRONTMATTER } from '../validate/source';

/** What became of one remote image of a body. */
export interface ArchivedImage {
	url: string;
	/** Body lines that show it. */
	lines: number[];
	/** Its site path once archived (`/images/<id>/<hash>.jpg`). */
	saved?: string;
	/** Why it could not be archived, in Chinese. */
	problem?: string;
}

/** Formats a page can show that are archived as they are; the build makes AVIF and WebP from the first four. */
const EXTENSIONS: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' };
/** Larger than any news photograph; a bigger answer is not the picture. */
const MAX_BYTES = 25 * 1024 * 1024;

/**
 * Downloads the remote images of a content Markdown file (`file`, relative to `root`) into
 * public/images/<its id>/ and points its body at them. Each file is named by a hash of its bytes:
 * running it again downloads nothing new under another name, and two addresses of one picture make
 * one file. What cannot be fetched keeps its address (and the validator's warning). The request
 * carries no Referer, as the pages did (src/markdown/rehype-external-images.ts): outlets refuse
 * hotlinks by it. The original addresses stay in seeds/, which keeps every source as it came.
 */
export async function archiveImages(root: string, file: string, timeoutMs = 20_000): Promise<ArchivedImage[]> {
	const path = join(root, file);
	const text = readFileSync(path, 'utf8');
	const front = FRONTMATTER.exec(text);
	const bodyAt = front ? front[0].length : 0;
	const bodyLine = front ? front[0].split('\n').length : 1;
	const remote = new Map<string, number[]>();
	for (const ref of imageReferences(text.slice(bodyAt), bodyLine)) {
		if (isRemoteImage(ref.src)) remote.set(ref.src, [...(remote.get(ref.src) ?? []), ref.line]);
	}
	const id = basename(file).replace(/\.md$/, '');
	const results = await Promise.all([...remote].map(([url, lines]) => download(root, id, url, timeoutMs).then((r) => ({ url, lines, ...r }))));
	const saved = results.filter((r) => r.saved);
	if (saved.length === 0) return results;
	// Only the lines that show the image change, and on them only the image's address.
	const lines = text.split('\n');
	for (const { url, lines: at, saved: to } of saved) {
		for (const n of at) lines[n - 1] = lines[n - 1]!.replace(imageAddress(url), (_, before: string) => `${before}${to}`);
	}
	writeFileSync(path, lines.join('\n'));
	return results;
}

/** The address `url` where a Markdown image or an `<img src>` gives it. */
const imageAddress = (url: string) => {
	const u = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(\\]\\(\\s*<?|\\bsrc=["'])${u}(?=[>\\s)"'])`, 'g');
};

async function download(root: string, id: string, url: string, timeoutMs: number): Promise<{ saved?: string; problem?: string }> {
	let bytes: Buffer;
	try {
		const response = await fetch(url.startsWith('//') ? `https:${url}` : url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
		if (!response.ok) return { problem: `服务器回答 HTTP ${response.status}` };
		if (Number(response.headers.get('content-length') ?? 0) > MAX_BYTES) return { problem: '文件超过 25 MB，不像是一张图片' };
		bytes = Buffer.from(await response.arrayBuffer());
	} catch (error) {
		const name = (error as Error).name;
		return { problem: name === 'TimeoutError' ? `${timeoutMs / 1000} 秒内没有下载完` : `连不上这个网站：${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}` };
	}
	if (bytes.length > MAX_BYTES) return { problem: '文件超过 25 MB，不像是一张图片' };
	// What came back must be a picture: a host that refuses hotlinks often answers with a web page.
	const format = await sharp(bytes)
		.metadata()
		.then((m) => m.format as string)
		.catch(() => undefined);
	const extension = format && EXTENSIONS[format];
	// SVG is refused: opened at its own address on our site, a script inside it would run there.
	if (format === 'svg') return { problem: '是 SVG 矢量图，可能带有脚本，不自动下载' };
	if (!extension) return { problem: format ? `下载到的是 ${format} 格式，网页显示不了` : '下载到的不是图片，多半是网站拒绝外链时给的网页' };
	const name = `${createHash('sha1').update(bytes).digest('hex').slice(0, 12)}.${extension}`;
	const folder = join(root, 'public', 'images', id);
	mkdirSync(folder, { recursive: true });
	if (!existsSync(join(folder, name))) writeFileSync(join(folder, name), bytes);
	return { saved: `/images/${id}/${name}` };
}
