import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseCommand } from './args';

// `npm run cms`: the web editor on this machine. decap-server lets /admin/ read and write this clone's
// files (Decap's local_backend, port 8081), and `astro dev` serves the site and /admin/.
const { values } = parseCommand(process.argv.slice(2), {
	usage: 'npm run cms',
	summary: '在自己电脑上用网页编辑器（Decap CMS）编辑内容：打开 http://localhost:4321/admin/，保存的修改直接写进本仓库的文件；再用 git 提交、开 PR。',
	flags: {},
});
const root = typeof values.root === 'string' ? values.root : process.cwd();
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const children = [
	spawn(bin('decap-server'), [], { cwd: root, stdio: 'inherit', env: { ...process.env, GIT_REPO_DIRECTORY: root, MODE: 'fs' } }),
	spawn(bin('astro'), ['dev'], { cwd: root, stdio: 'inherit' }),
];
console.log('网页编辑器：http://localhost:4321/admin/ （点“登录”即可；按 Ctrl+C 结束）');
const stop = () => children.forEach((c) => c.kill());
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => {
	stop();
	process.exitCode = code ?? 0;
});
