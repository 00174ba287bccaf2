// Primer's live preview, injected by `primer serve` into the pages it serves (never into
// `primer build`'s site). It listens to the server's event stream: reloads this page when it
// changed (keeping the scroll position), shows which cell runs while a chapter runs, and shows
// each failure as an overlay at its cell until it is fixed.
(function () {
  "use strict";
  // Its words come from the page (#primer-strings, written by SiteBuilder in the book's
  // language); `{cell}`-style placeholders are filled in here.
  var wordsElement = document.getElementById("primer-strings");
  var words = wordsElement ? JSON.parse(wordsElement.textContent) : {};
  function word(key, values) {
    return (words[key] || key).replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }
  // The page's path in the site, as the server names it: "02-next.html", or "zh/02-next.html"
  // when the editions of a course are served side by side.
  var page = decodeURIComponent(location.pathname.replace(/^\/+/, ""));
  if (page === "" || page.slice(-1) === "/") page += "index.html";
  var scrollKey = "primer-scroll:" + page;
  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    window.scrollTo(0, parseFloat(saved));
    window.addEventListener("load", function () { window.scrollTo(0, parseFloat(saved)); });
  }

  var style = document.createElement("style");
  style.textContent =
    "#primer-live-status{position:fixed;right:1rem;bottom:1rem;max-width:40rem;padding:.5rem .8rem;background:#1f2937;" +
    "color:#f9fafb;border-radius:.4rem;font:.85rem/1.4 ui-monospace,monospace;white-space:pre-wrap;z-index:20;box-shadow:0 2px 8px rgba(0,0,0,.3)}" +
    ".primer-live-running{outline:2px solid #2563eb;outline-offset:2px}" +
    ".primer-live-error{border:2px solid #dc2626;background:#fef2f2;color:#7f1d1d;border-radius:.4rem;padding:.5rem .8rem;margin:.4rem 0}" +
    ".primer-live-error pre{margin:.3rem 0 0;white-space:pre-wrap;background:none;border:0;padding:0;color:inherit}";
  document.head.appendChild(style);

  var status = document.createElement("div");
  status.id = "primer-live-status";
  status.setAttribute("role", "status");
  status.hidden = true;
  document.body.appendChild(status);

  function showStatus(text) { status.textContent = text; status.hidden = false; }
  function hideStatus() { status.hidden = true; status.textContent = ""; }
  function clearRunning() {
    document.querySelectorAll(".primer-live-running").forEach(function (el) { el.classList.remove("primer-live-running"); });
  }

  function showFailures(state) {
    document.querySelectorAll(".primer-live-error").forEach(function (el) { el.remove(); });
    var mine = (state.failures || []).filter(function (f) { return f.page === page; });
    if (state.bookError) mine.unshift({ cell: null, location: "book", kind: word("bookError"), message: state.bookError });
    mine.forEach(function (failure, n) {
      var box = document.createElement("div");
      box.className = "primer-live-error";
      box.setAttribute("role", "alert");
      var where = document.createElement("code");
      where.className = "primer-live-location";
      where.textContent = failure.location;
      var what = document.createElement("pre");
      what.className = "primer-live-message";
      what.textContent = failure.kind + ": " + failure.message;
      box.appendChild(where); box.appendChild(what);
      var cell = failure.cell ? document.getElementById("cell-" + failure.cell) : null;
      var anchor = cell || document.querySelector("main") || document.body;
      anchor.insertBefore(box, anchor.firstChild);
      if (n === 0 && cell) cell.scrollIntoView({ block: "center" });
    });
  }

  var source = new EventSource("/__primer/events");
  function on(name, handler) {
    source.addEventListener(name, function (event) { handler(JSON.parse(event.data)); });
  }
  on("state", function (state) {
    clearRunning();
    if (state.building) showStatus(word("rebuilding")); else hideStatus();
    showFailures(state);
  });
  on("building", function () { showStatus(word("rebuilding")); });
  on("compiling", function (e) { if (e.page === page) showStatus(word("compilingChapter")); });
  on("running", function (e) {
    if (e.page !== page) return;
    clearRunning();
    var cell = document.getElementById("cell-" + e.cell);
    if (cell) cell.classList.add("primer-live-running");
    showStatus(word("runningCell", { cell: e.cell }));
  });
  on("progress", function (e) {
    if (e.page === page) showStatus(word("runningCellProgress", { cell: e.cell, text: e.text }));
  });
  on("reload", function (e) {
    if (e.pages.indexOf(page) < 0) return;
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  });
  window.PRIMER_LIVE = source;
})();
