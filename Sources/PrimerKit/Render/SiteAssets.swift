/// The site's stylesheet and script, written by Primer itself: no external resource, no
/// third-party code. The page reads fully without the script; the script adds search, copy
/// buttons and the text/SVG toggle of figures.
enum SiteAssets {
    static let stylesheet = #"""
:root {
  --bg: #fdfdfc; --fg: #1d1f21; --muted: #5f6368; --accent: #0b62a4; --border: #dcdfe3;
  --code-bg: #f4f5f7; --out-bg: #fafbfc; --err: #b3261e; --err-bg: #fdecea; --ok: #1e7d32;
  --warn-bg: #fff7e0; --tok-keyword: #a626a4; --tok-type: #0b7285; --tok-string: #2b7a0b;
  --tok-number: #b35900; --tok-comment: #7a7f85; --tok-attribute: #4057b5;
  --font: "Noto Sans", "Segoe UI", system-ui, -apple-system, "Noto Sans CJK SC", "Noto Sans SC",
          "PingFang SC", "Microsoft YaHei", sans-serif;
  --mono: "Noto Sans Mono", "DejaVu Sans Mono", ui-monospace, "SFMono-Regular", Menlo, Consolas,
          "Noto Sans Mono CJK SC", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16181b; --fg: #e3e5e8; --muted: #9aa0a6; --accent: #7cb7f0; --border: #33373d;
    --code-bg: #1f2226; --out-bg: #1b1e21; --err: #f28b82; --err-bg: #3a1d1b; --ok: #81c995;
    --warn-bg: #3a3320; --tok-keyword: #d49ce0; --tok-type: #66d9e8; --tok-string: #a5d6a7;
    --tok-number: #ffb86c; --tok-comment: #8b9198; --tok-attribute: #9fb4ff;
  }
}
* { box-sizing: border-box; }
html { font-size: 17px; }
body { margin: 0; background: var(--bg); color: var(--fg); font-family: var(--font); line-height: 1.6; }
a { color: var(--accent); }
.layout { display: grid; grid-template-columns: 17rem minmax(0, 1fr); min-height: 100vh; }
.sidebar { border-right: 1px solid var(--border); padding: 1.2rem 1rem; position: sticky; top: 0;
  height: 100vh; overflow-y: auto; font-size: 0.9rem; }
.sidebar .book-title { font-weight: 700; font-size: 1.05rem; display: block; margin-bottom: 0.8rem; color: var(--fg); text-decoration: none; }
.sidebar ol, .sidebar ul { padding-left: 1.1rem; margin: 0.2rem 0; }
.sidebar li.current > a { font-weight: 700; }
.sidebar .outline { margin-top: 1rem; border-top: 1px solid var(--border); padding-top: 0.6rem; }
.sidebar .outline .level-3 { margin-left: 0.8rem; }
main { padding: 1.5rem 2.5rem 4rem; max-width: 52rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.8rem 0 0.6rem; }
h1 { font-size: 2rem; margin-top: 0.5rem; }
.anchor { margin-left: 0.4rem; color: var(--muted); text-decoration: none; opacity: 0; font-weight: 400; }
h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
code, pre { font-family: var(--mono); font-size: 0.86rem; }
:not(pre) > code { background: var(--code-bg); padding: 0.1rem 0.3rem; border-radius: 4px; }
pre { background: var(--code-bg); padding: 0.8rem 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.45; margin: 0.8rem 0; }
blockquote { margin: 1rem 0; padding: 0.2rem 1rem; border-left: 4px solid var(--border); color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid var(--border); padding: 0.35rem 0.7rem; }
th { background: var(--code-bg); }
.cell { border: 1px solid var(--border); border-radius: 8px; margin: 1.4rem 0; overflow: hidden; }
.cell-header { display: flex; gap: 0.6rem; align-items: center; font-size: 0.78rem; color: var(--muted);
  padding: 0.3rem 0.8rem; border-bottom: 1px solid var(--border); background: var(--code-bg); }
.cell-number { font-family: var(--mono); text-decoration: none; color: var(--muted); }
.cell-status { margin-left: auto; }
.cell-tag { border: 1px solid var(--border); border-radius: 4px; padding: 0 0.3rem; }
.cell pre.source { margin: 0; border-radius: 0; position: relative; padding-right: 4.5rem; }
.cell .output { border-top: 1px dashed var(--border); background: var(--out-bg); padding: 0.2rem 0.8rem; }
.cell .output pre { background: transparent; padding: 0.4rem 0; margin: 0.2rem 0; }
.cell .output pre.stderr { color: var(--err); }
.cell-failed { border-color: var(--err); }
.error, .expected-error { margin: 0; padding: 0.6rem 0.9rem; border-top: 1px solid var(--border); }
.error { background: var(--err-bg); color: var(--err); }
.error p, .expected-error p { margin: 0.2rem 0; }
.expected-error { background: var(--warn-bg); }
.note { font-size: 0.85rem; color: var(--muted); }
.not-run { font-size: 0.85rem; color: var(--muted); margin: 0.4rem 0.8rem; }
.hidden-source summary { cursor: pointer; padding: 0.3rem 0.8rem; font-size: 0.85rem; color: var(--muted); }
.progress { display: flex; gap: 0.6rem; align-items: center; font-size: 0.85rem; padding: 0.3rem 0; }
.math-display { overflow-x: auto; overflow-y: hidden; padding: 0.3rem 0; margin: 0.5rem 0; text-align: center; }
math { font-size: 1.1em; }
.math-error { color: var(--err); border-bottom: 1px dotted var(--err); }
.figure { margin: 0.6rem 0; }
.figure-svg svg { max-width: 100%; height: auto; }
.figure-both.show-text .figure-svg { display: none; }
.figure-both:not(.show-text) .figure-text { display: none; }
.figure-toggle, .copy { font: inherit; font-size: 0.75rem; color: var(--muted); background: var(--bg);
  border: 1px solid var(--border); border-radius: 4px; padding: 0.1rem 0.5rem; cursor: pointer; }
.copy { position: absolute; top: 0.4rem; right: 0.4rem; opacity: 0.6; }
.copy:hover, .figure-toggle:hover { opacity: 1; color: var(--fg); }
.tok-keyword { color: var(--tok-keyword); } .tok-type { color: var(--tok-type); }
.tok-string { color: var(--tok-string); } .tok-number { color: var(--tok-number); }
.tok-comment { color: var(--tok-comment); font-style: italic; }
.tok-attribute, .tok-directive { color: var(--tok-attribute); }
.pager { display: flex; justify-content: space-between; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); }
.status-pass { color: var(--ok); } .status-fail { color: var(--err); }
.toc td, .toc th { text-align: left; }
.search { margin: 0 0 1rem; }
.search input { width: 100%; font: inherit; padding: 0.3rem 0.5rem; border: 1px solid var(--border);
  border-radius: 4px; background: var(--bg); color: var(--fg); }
.search-results { list-style: none; padding: 0; margin: 0.4rem 0; }
.search-results li { margin: 0.3rem 0; }
.search-results .snippet { display: block; color: var(--muted); font-size: 0.8rem; }
.diagram svg { max-width: 100%; height: auto; }
@media (max-width: 52rem) {
  .layout { grid-template-columns: 1fr; }
  .sidebar { position: static; height: auto; border-right: none; border-bottom: 1px solid var(--border); }
  main { padding: 1rem; }
}
@media print {
  .sidebar, .copy, .figure-toggle, .pager, .search, .anchor { display: none !important; }
  .layout { display: block; }
  main { max-width: none; padding: 0; }
  .cell { break-inside: avoid; }
  body { background: white; color: black; }
  .figure-both .figure-svg { display: block !important; }
  .figure-both .figure-text { display: none !important; }
}
"""#

    static let script = #"""
// Primer's page script: copy buttons, figure toggles and search. The page works without it.
(function () {
  "use strict";
  document.querySelectorAll("pre.source").forEach(function (pre) {
    var button = document.createElement("button");
    button.type = "button"; button.className = "copy"; button.textContent = "Copy";
    button.addEventListener("click", function () {
      var text = pre.querySelector("code").innerText;
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(function () { button.textContent = "Copied"; },
          function () { button.textContent = "Select and copy"; });
      }
      setTimeout(function () { button.textContent = "Copy"; }, 1500);
    });
    pre.appendChild(button);
  });
  document.querySelectorAll(".figure-both").forEach(function (figure) {
    var button = figure.querySelector(".figure-toggle");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = figure.classList.toggle("show-text");
      button.textContent = text ? "Show as chart" : "Show as text";
    });
  });
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (!input || !list || !window.PRIMER_SEARCH) return;
  var root = document.body.getAttribute("data-root") || "";
  function words(s) { return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  input.addEventListener("input", function () {
    var query = words(input.value);
    list.textContent = "";
    if (query.length === 0) return;
    var hits = [];
    window.PRIMER_SEARCH.forEach(function (entry) {
      var hay = (entry.title + " " + entry.text).toLowerCase();
      var score = 0;
      for (var i = 0; i < query.length; i++) {
        var at = hay.indexOf(query[i]);
        if (at < 0) return;
        score += entry.title.toLowerCase().indexOf(query[i]) >= 0 ? 3 : 1;
      }
      hits.push({ entry: entry, score: score, at: hay.indexOf(query[0]) });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    hits.slice(0, 12).forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + hit.entry.url; a.textContent = hit.entry.title;
      var snippet = document.createElement("span");
      snippet.className = "snippet";
      var start = Math.max(0, hit.at - (hit.entry.title.length + 40));
      snippet.textContent = hit.entry.text.substr(start, 110);
      li.appendChild(a); li.appendChild(snippet); list.appendChild(li);
    });
    if (hits.length === 0) { var li = document.createElement("li"); li.textContent = "No matches."; list.appendChild(li); }
  });
})();
"""#
}
