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
