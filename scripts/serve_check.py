"""End-to-end check of `primer serve` in headless Chromium (DevTools protocol, the driver of
browser_check.py): opens a chapter through the preview, then edits its prose (the page shows
the new text within 2 s, nothing runs), edits its cell (the page shows the cell running, then
the new output), breaks the cell (an overlay at the cell names file:line), fixes it (the
overlay goes). Everything stays on loopback; the server and the browser end with the script.

    python3 scripts/serve_check.py [path/to/primer]
"""
import http.client, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_check import DevTools  # noqa: E402

PROSE = "The first words of the chapter."
# Filler after the cell makes the page tall enough to scroll.
CHAPTER = "# Live\n\n{prose}\n\n```swift\n{cell}\n```\n" + "".join(f"\nFiller paragraph {i}.\n" for i in range(80))
CELL_LINE = 6


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


class Page:
    def __init__(self, tools):
        self.tools = tools

    def eval(self, expression):
        result = self.tools.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait(self, expression, seconds, every=0.02):
        start = time.time()
        while time.time() - start < seconds:
            try:
                if self.eval(expression):
                    return time.time() - start
            except RuntimeError:
                pass  # the page is reloading
            time.sleep(every)
        return None


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    primer = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(root, ".build/debug/primer")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("serve-check: chromium is not installed", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="primer-serve-check-")
    book = os.path.join(work, "book")
    os.makedirs(book)
    write(os.path.join(book, "01-live.md"), CHAPTER.format(prose=PROSE, cell='print("answer", 6 * 7)'))
    port = free_port()
    server = subprocess.Popen([primer, "serve", book, "--port", str(port), "--cache-dir", os.path.join(work, "cache")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                              env=dict(os.environ, PRIMER_HOME=root, NO_COLOR="1"))
    log = []
    profile = tempfile.mkdtemp(prefix="primer-chromium-")
    chromium = None
    failures = 0
    total = 0

    def check(name, ok, detail=""):
        nonlocal failures, total
        print(("PASS  " if ok else "FAIL  ") + name + (f"  ({detail})" if detail else ""), flush=True)
        failures += 0 if ok else 1
        total += 1

    try:
        while True:
            line = server.stdout.readline()
            if not line:
                print("serve-check: primer serve ended:\n" + "".join(log), file=sys.stderr)
                return 2
            log.append(line)
            if line.startswith("Serving "):
                break
        os.set_blocking(server.stdout.fileno(), False)
        chromium = subprocess.Popen([browser, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
                                     "--remote-allow-origins=*", f"--user-data-dir={profile}", "about:blank"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        devtools_port = None
        while devtools_port is None:
            match = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", chromium.stderr.readline())
            if match:
                devtools_port = int(match.group(1))
        connection = http.client.HTTPConnection("127.0.0.1", devtools_port, timeout=30)
        connection.request("PUT", "/json/new?about:blank")
        tools = DevTools(json.loads(connection.getresponse().read())["webSocketDebuggerUrl"])
        tools.send("Page.enable")
        tools.send("Runtime.enable")
        tools.send("Page.navigate", url=f"http://127.0.0.1:{port}/01-live.html")
        page = Page(tools)
        check("the page opens through primer serve", page.wait("document.body.innerText.includes('answer 42')", 10) is not None)
        check("the live channel is open", page.wait("window.PRIMER_LIVE && window.PRIMER_LIVE.readyState === 1", 5) is not None)

        def server_log():
            try:
                chunk = server.stdout.read()
            except (TypeError, BlockingIOError):
                chunk = None
            if chunk:
                log.append(chunk)
            return "".join(log)

        page.eval("window.scrollTo(0, 600)")
        write(os.path.join(book, "01-live.md"), CHAPTER.format(prose="Edited words, fresh.", cell='print("answer", 6 * 7)'))
        seconds = page.wait("document.body.innerText.includes('Edited words, fresh.')", 2)
        check("a prose edit shows within 2 s", seconds is not None, f"{seconds:.2f} s" if seconds else "")
        scrolled = page.wait("window.scrollY > 500", 2)
        check("the reloaded page keeps its scroll position", scrolled is not None, f"scrollY {page.eval('window.scrollY')}")
        time.sleep(0.2)
        check("a prose edit runs nothing", "(nothing ran)" in server_log().split("changed: 01-live.md")[-1])

        page.eval("window.__sawRunning = false; new MutationObserver(function () {"
                  " var s = document.getElementById('primer-live-status');"
                  " if (s && /Running cell 1|Compiling/.test(s.textContent)) window.__sawRunning = true; })"
                  ".observe(document.body, {subtree: true, childList: true, characterData: true});")
        write(os.path.join(book, "01-live.md"), CHAPTER.format(prose="Edited words, fresh.",
                                                              cell='for i in 1...3 { print("step", i); Thread.sleep(forTimeInterval: 0.3) }\nprint("answer", 6 * 8)'))
        running = page.wait("window.__sawRunning === true || document.querySelector('.primer-live-running') !== null", 30)
        check("a cell edit shows the cell running", running is not None)
        seconds = page.wait("document.body.innerText.includes('answer 48')", 60)
        check("then the new output", seconds is not None)

        write(os.path.join(book, "01-live.md"), CHAPTER.format(prose="Edited words, fresh.", cell='let broken: Int = "no"'))
        expected = f"01-live.md:{CELL_LINE}:"
        seconds = page.wait(f"(function () {{ var box = document.querySelector('#cell-1 .primer-live-error');"
                            f" return box !== null && box.textContent.includes('{expected}'); }})()", 60)
        check("a broken cell shows an overlay at its cell with file:line", seconds is not None,
              page.eval("(document.querySelector('.primer-live-error') || {}).textContent || 'no overlay'"))

        write(os.path.join(book, "01-live.md"), CHAPTER.format(prose="Edited words, fresh.", cell='print("fixed")'))
        seconds = page.wait("document.querySelector('.primer-live-error') === null && document.body.innerText.includes('fixed')", 60)
        check("fixed, the overlay goes", seconds is not None)
    finally:
        if chromium:
            chromium.kill()
            chromium.wait()
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    print(f"checks: {total - failures} passed, {failures} failed")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
