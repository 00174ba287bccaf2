// Primer's page script: copy buttons, figure toggles and search. The page works without it.
(function () {
  "use strict";
  // The words this script shows come from the page, in the book's language (SiteBuilder
  // writes them from Primer's string table).
  var wordsElement = document.getElementById("primer-strings");
  var words = wordsElement ? JSON.parse(wordsElement.textContent) : {};
  function word(key) { return words[key] || key; }
  document.querySelectorAll("pre.source").forEach(function (pre) {
    var button = document.createElement("button");
    button.type = "button"; button.className = "copy"; button.textContent = word("copy");
    button.addEventListener("click", function () {
      var text = pre.querySelector("code").innerText;
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(function () { button.textContent = word("copied"); },
          function () { button.textContent = word("selectAndCopy"); });
      }
      setTimeout(function () { button.textContent = word("copy"); }, 1500);
    });
    // In the cell's header (never over the code); a code block outside a cell gets it above.
    var cell = pre.closest(".cell");
    var header = cell && cell.querySelector(".cell-header");
    if (header) header.appendChild(button); else pre.parentNode.insertBefore(button, pre);
  });
  document.querySelectorAll(".figure-both").forEach(function (figure) {
    var button = figure.querySelector(".figure-toggle");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = figure.classList.toggle("show-text");
      button.textContent = word(text ? "showAsChart" : "showAsText");
    });
  });
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (!input || !list || !window.PRIMER_SEARCH) return;
  var root = document.body.getAttribute("data-root") || "";
  // Query terms: words between non-letters. A run of Chinese or Japanese characters has no
  // spaces to split on, so it is looked up by its overlapping two-character pieces: a text
  // matches when it holds most of them, so 卷积网络 finds 卷积神经网络 and word order or a
  // particle in between does not hide a paragraph.
  var cjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u;
  var runs = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)/u;
  function terms(s) {
    var out = [];
    s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).forEach(function (word) {
      word.split(runs).filter(Boolean).forEach(function (part) {
        var chars = Array.from(part);
        if (!cjk.test(part) || chars.length < 3) { out.push({ text: part, pieces: [part], needed: 1 }); return; }
        var pieces = [];
        for (var i = 0; i + 1 < chars.length; i++) pieces.push(chars[i] + chars[i + 1]);
        out.push({ text: part, pieces: pieces, needed: Math.ceil(pieces.length * 0.6) });
      });
    });
    return out;
  }
  input.addEventListener("input", function () {
    var query = terms(input.value);
    list.textContent = "";
    if (query.length === 0) return;
    var hits = [];
    window.PRIMER_SEARCH.forEach(function (entry) {
      var title = entry.title.toLowerCase();
      var hay = title + " " + entry.text.toLowerCase();
      var score = 0, at = -1;
      for (var i = 0; i < query.length; i++) {
        var found = query[i].pieces.filter(function (p) { return hay.indexOf(p) >= 0; });
        if (found.length < query[i].needed) return;
        score += found.length * (title.indexOf(found[0]) >= 0 ? 3 : 1);
        if (at < 0) at = hay.indexOf(found[0]);
      }
      hits.push({ entry: entry, score: score, at: at });
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
    if (hits.length === 0) { var li = document.createElement("li"); li.textContent = word("noMatches"); list.appendChild(li); }
  });
})();
