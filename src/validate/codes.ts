/**
 * Every problem the validator can report, by its code, with what it means and how to fix it, for
 * editors. `Problem.code` is typed by this list, so a new code cannot be emitted without being here,
 * and CONTRIBUTING.md's table (常见问题) is generated from it (`npm run docs`).
 */
export const PROBLEM_CODES = {
	'unknown-reference': '引用的 id 不存在：检查拼写，或先添加那个嘉宾/活动/专题/机构。提示会给出最接近的 id。',
	'reference-to-draft': '引用了草稿（`draft: true`）：草稿不发布，不能被已发布的条目引用；先发布它，或删掉这条引用。嘉宾的出处（appearances）可以是草稿文章，但出处全是草稿的嘉宾也要等文章发布后才有页面。',
	'name-instead-of-id': '填了名称（如“鄂维南”），这里要填 id（如 `e-weinan`）：提示会给出正确的 id。',
	'unknown-field': '字段名拼错了：提示会给出最接近的正确字段名，以及全部可用字段。',
	'missing-field': '缺少必填字段：补上（字段见下方“字段说明”）。',
	'invalid-option': '值不在可选范围内：提示会列出所有可选值及其中文名；写了中文名（如“主旨报告”）时，提示会给出要写的英文值（`keynote`）。',
	'invalid-type': '值的类型不对（如该填文字却是数字）：按提示改写，数字要当文字时加引号。',
	'not-a-list': '这里要写成列表，哪怕只有一项：`speakers: [mao-weiming]`；列表文件（如 `topics.yaml`）每一项以 `- id: …` 开头。',
	'too-few': '列表里至少要有一项。',
	'invalid-value': '值不符合要求：按提示修改。',
	'invalid-format': '格式不对，如 id 含大写字母，或网址不是以 `https://`/`http://` 开头（`javascript:`、`data:`、`file:` 等网址一律不收）。',
	'invalid-date': '日期写法不对：写成 `2024`、`2024-10` 或 `2024-10-22`；能看懂的写法（如“2021年9月17日”）提示会直接给出改法；不存在的日期（如 2 月 30 日）要核对原文。',
	'invalid-id': '文件名不能用作 id：只能用小写字母、数字和单个连字符，如 `e-weinan.yaml`。',
	'duplicate-id': '同一个 id 用了两次：每个 id 只能出现一次。',
	'duplicate-field': '同一个字段写了两次：删除其中一个。',
	'colon-space': '字段名后的冒号后面要有一个空格：`name: 陈黎明`，不是 `name:陈黎明`。提示会给出改好的一行。',
	'quote-value': '值里有“冒号加空格”，整个值要加引号：`outlet: "华声在线: 湖南日报"`。提示会给出改好的一行。',
	'fullwidth-colon': '字段名后用了中文冒号“：”，改成英文冒号加空格“: ”。',
	'tab-indent': '用了 Tab 缩进，改成空格（每级两个空格）。',
	'yaml-syntax': '字段区格式错误：检查缩进（每级两个空格）、冒号后的空格、引号和括号是否成对。',
	'yaml-alias': '用了 YAML 的锚点（`&`）或别名（`*`）：不支持，把要重复的内容直接写出来。',
	'yaml-tag': '用了 YAML 标签（`!`）：不支持，删掉它；值需要是文字时加引号。',
	'no-frontmatter': 'Markdown 文件缺少开头的字段区：第一行 `---`，字段写完再一行 `---`，然后是正文。',
	'empty-file': '文件是空的：按本指南填写，或删除它。',
	'empty-body': '文章只有字段区、没有正文：补上正文（草稿 `draft: true` 可以暂时没有）。',
	'missing-seed': '`seed` 指向的原稿不在 `seeds/` 中：先上传原稿；名字写错时提示会给出现有的文件。只能写 `seeds/` 里一个原稿文件的文件名，不能是目录、`.`/`..` 或 `seeds/README.md`。',
	'missing-image': '`public/` 里没有这张图片：上传图片，或检查文件名。',
	'relative-image': '图片用了相对路径：放进 `public/`，用 `/` 开头的路径引用（如 `/images/a.jpg`）。',
	'bad-image-path': '图片路径里的 `%` 编码无效：改用不含 `%` 的文件名。',
	'too-deep': '正文嵌套层数过多（多半是粘贴了网页源码）：删去多余的 `<div>` 或 `>`。',
	'control-character': '值里有换行或看不见的控制字符（如 NUL）：一行的字段写在一行里，删掉粘贴带来的怪字符。',
	'invisible-character': '值里有零宽空格、方向控制符等看不见的字符：删掉它，否则同一个名字会被当成两个。',
	'invalid-utf8': '文件不是 UTF-8 编码：在编辑器中另存为“UTF-8”。',
	bom: '文件开头有 BOM：在编辑器中另存为“UTF-8（无 BOM）”。',
	crlf: '（警告）文件用的是 Windows 换行符：不影响构建，建议换行符选 LF。',
	'not-a-file': '内容目录里有一个不是普通文件的东西（如同名文件夹）：改名或移走。',
	'broken-link': '内容目录里有失效的符号链接：换成真正的文件。',
	'outside-link': '内容目录里有指向仓库之外的符号链接：把文件本身放进来。',
	'unreadable-file': '文件无法读取或解析：对照本指南的示例检查格式；仍不行请联系维护者。',
	'ignored-file': '文件扩展名不对，不会被发布：活动和文章用 `.md`，嘉宾用 `.yaml`。',
	'missing-file': '缺少必需的文件，如 `content/site.yaml` 或某个列表文件：按提示创建。',
	'end-before-start': '结束日期早于开始日期：核对两个日期。',
	'article-before-event': '（警告）文章日期比所报道的活动早一年以上：核对日期，或 `events` 是否填错。',
	'id-mismatch': '文件里写的 `id` 与文件名不一致：文件名就是 id。改成与文件名相同，或删掉这一行；要换 id 就给文件改名。',
	'namesake-unclear': '两位同名嘉宾在网站上姓名后的区分说明相同（默认取最近出处的机构），读者分不清：在其中一人的文件里写 `disambiguation: 区分说明`。',
	'duplicate-person': '（警告）可能与已有嘉宾是同一人：确认后合并为一个文件，把另一种写法放进 `aliases`；若确是两个人，在嘉宾文件里写 `distinctFrom: [另一人的 id]`，提示就不再出现。',
	'low-contrast': '`content/site.yaml` 的主题色在背景上看不清：换深一些（深色模式换浅一些）的颜色。',
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Whether a string (a schema's own `params.code`) is a known code. */
export const isProblemCode = (code: string): code is ProblemCode => Object.hasOwn(PROBLEM_CODES, code);
