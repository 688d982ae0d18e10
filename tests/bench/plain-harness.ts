/** A page that runs plain Pagefind with its defaults over the same bundle, for comparison. */
export const PLAIN_HARNESS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>plain pagefind</title></head>
<body><ol id="out" data-state="idle"></ol><script type="module">
// Imported on first use, as the site's search page does.
let pagefind;
const load = () => (pagefind ??= import('/plain-pagefind/pagefind.js'));
window.__run = async (q) => {
  const t0 = performance.now();
  const pf = await load();
  const out = document.getElementById('out');
  out.dataset.state = 'loading';
  const search = await pf.search(q);
  const top = await Promise.all((search?.results ?? []).slice(0, 10).map((r) => r.data()));
  out.innerHTML = top.map((d) => '<li><a href="' + d.url + '">' + d.meta.title + '</a><p>' + d.excerpt + '</p></li>').join('');
  out.dataset.state = 'done';
  return { ms: performance.now() - t0, top: top.map((d) => d.url), total: search?.results.length ?? 0 };
};
window.__all = async (q) => {
  const pf = await load();
  const search = await pf.search(q);
  return Promise.all((search?.results ?? []).map((r) => r.data().then((d) => d.url)));
};
window.__ready = true;
</script></body></html>`;
