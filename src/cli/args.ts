import { parseArgs } from 'node:util';
import { didYouMean, hint } from '../validate/suggest';

/** One command-line flag, as `--help` explains it to an editor. */
export interface Flag {
	type: 'string' | 'boolean';
	/** What it is for, in Chinese; `<值>` in the help stands for its value. */
	help: string;
	default?: string | boolean;
	short?: string;
}
export interface CommandSpec {
	/** `npm run new -- speaker [参数]` */
	usage: string;
	/** One line on what the command does. */
	summary: string;
	flags: Record<string, Flag>;
	examples?: string[];
}

const COMMON: Record<string, Flag> = {
	root: { type: 'string', help: '网站所在的文件夹（默认是当前文件夹）' },
	help: { type: 'boolean', short: 'h', help: '显示本说明' },
};

/** The help text of a command: usage, what it does, every flag, examples. */
export function helpText(spec: CommandSpec): string {
	const flags = Object.entries({ ...spec.flags, ...COMMON });
	const left = (name: string, f: Flag) => `--${name}${f.type === 'string' ? ' <值>' : ''}${f.short ? `, -${f.short}` : ''}`;
	const width = Math.max(...flags.map(([n, f]) => left(n, f).length));
	return [
		`用法：${spec.usage}`,
		'',
		spec.summary,
		'',
		'参数：',
		...flags.map(([n, f]) => `  ${left(n, f).padEnd(width)}  ${f.help}`),
		...(spec.examples?.length ? ['', '例如：', ...spec.examples.map((e) => `  ${e}`)] : []),
	].join('\n');
}

/**
 * Node's parseArgs with the editor in mind: `--help` prints the command's help and exits; an unknown
 * flag or a missing value is said in Chinese with the closest flag, never as a stack trace.
 */
export function parseCommand(argv: string[], spec: CommandSpec) {
	const flags = { ...spec.flags, ...COMMON };
	const options = Object.fromEntries(Object.entries(flags).map(([name, f]) => [name, { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.default !== undefined ? { default: f.default } : {}) }]));
	try {
		const parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: options as never });
		const values = parsed.values as Record<string, string | boolean | undefined>;
		if (values.help) {
			console.log(helpText(spec));
			process.exit(0);
		}
		return { values, positionals: parsed.positionals };
	} catch (error) {
		if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) usageError(spec, (error as Error).message, Object.keys(flags));
		throw error;
	}
}

function usageError(spec: CommandSpec, english: string, known: string[]): never {
	const flag = /'(-{1,2}[^' ]+)/.exec(english)?.[1] ?? '';
	const name = flag.replace(/^-+/, '');
	let message: string;
	const closest = didYouMean(name, known);
	if (/Unknown option/.test(english)) message = `没有参数“${flag}”。${hint(closest && `--${closest}`)}`;
	else if (/argument missing/.test(english)) message = `参数 ${flag} 后面要写一个值，如 ${flag} 某某。`;
	else if (/does not take an argument/.test(english)) message = `参数 ${flag} 不需要值，只写 ${flag} 即可。`;
	else if (/Unexpected argument/.test(english)) message = `多了参数“${flag || english}”：请检查拼写，值里有空格时用引号括起来。`;
	else message = '参数写法不对。';
	console.error(`${message}\n用法：${spec.usage}（完整说明：加 --help）`);
	process.exit(2);
}

/** Prints a Chinese message and exits 1: for failures an editor can fix. */
export function fail(message: string): never {
	console.error(message);
	process.exit(1);
}
