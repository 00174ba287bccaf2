"""Loads every page of a built Primer site in headless Chromium through the DevTools protocol,
fails on console errors, uncaught exceptions and failed requests, and saves a screenshot of
each page. Standard library only (a minimal WebSocket client); traffic stays on loopback.

    python3 scripts/browser_check.py _site [screenshots-folder]

A site of several editions (_site/index.html, _site/en/…, _site/zh/…) is checked page by page
too, and further: every language-switcher link must lead to a page that exists, searching the
Chinese edition for 卷积 ("convolution", inside sentences with no spaces) must find sections
about convolution, and a Chinese page's text must be drawn with a font that has its glyphs
(no missing-glyph boxes).
"""
import base64, glob, http.client, json, os, re, shutil, socket, struct, subprocess, sys, tempfile, time


class DevTools:
    """A WebSocket connection to one DevTools target (RFC 6455, client side, text frames)."""

    def __init__(self, url):
        match = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        host, port, path = match.group(1), int(match.group(2)), match.group(3)
        self.sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                   f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(4096)
        if b" 101 " not in response.split(b"\r\n")[0]:
            raise RuntimeError("DevTools refused the WebSocket: " + response.decode(errors="replace"))
        self.buffer = response.split(b"\r\n\r\n", 1)[1]
        self.next_id = 0
        self.events = []

    def _recv_exact(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _recv_message(self):
        message = b""
        while True:
            head = self._recv_exact(2)
            fin, opcode, length = head[0] & 0x80, head[0] & 0x0F, head[1] & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._recv_exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._recv_exact(8))[0]
            payload = self._recv_exact(length)
            if opcode == 8:
                raise RuntimeError("DevTools closed the connection")
            if opcode in (0, 1, 2):
                message += payload
                if fin:
                    return json.loads(message)

    def send(self, method, **params):
        self.next_id += 1
        body = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(body) < 126:
            header += bytes([0x80 | len(body)])
        elif len(body) < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(body))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(body))
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(body))
        self.sock.settimeout(60)
        self.sock.sendall(header + mask + masked)
        while True:
            message = self._recv_message()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event, seconds):
        deadline = time.time() + seconds
        self.sock.settimeout(0.5)
        while time.time() < deadline:
            if any(e.get("method") == event for e in self.events):
                return True
            try:
                self.events.append(self._recv_message())
            except socket.timeout:
                continue
        return False

    def drain(self, seconds):
        self.wait_for("__never__", seconds)


def problems_in(events, page_dir):
    found = []
    for e in events:
        method, p = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            found.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            found.append("uncaught exception: " + p.get("exceptionDetails", {}).get("text", "")
                         + " " + p.get("exceptionDetails", {}).get("exception", {}).get("description", ""))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            found.append("log error: " + p["entry"].get("text", "") + " " + p["entry"].get("url", ""))
        elif method == "Network.loadingFailed":
            found.append("failed request: " + p.get("errorText", "") + " " + p.get("requestId", ""))
        elif method == "Network.requestWillBeSent":
            url = p.get("request", {}).get("url", "")
            if not url.startswith("file://" + page_dir) and not url.startswith("data:"):
                found.append("request outside the site: " + url)
    return found


def edition_links(page):
    """The language switcher's links on a page, as (href, resolved path)."""
    with open(page, encoding="utf-8") as f:
        html = f.read()
    return [(href, os.path.normpath(os.path.join(os.path.dirname(page), href)))
            for href in re.findall(r'<a class="edition-link" href="([^"]+)"', html)]


def search_for(tools, query):
    """Types a query into the page's search box; returns the results' (title, href) pairs."""
    script = ("(function(){var i=document.getElementById('search-input'); if(!i) return null;"
              "i.value=%s; i.dispatchEvent(new Event('input'));"
              "return Array.from(document.querySelectorAll('#search-results a')).map(function(a){return [a.textContent,a.getAttribute('href')];});})()"
              % json.dumps(query))
    return tools.send("Runtime.evaluate", expression=script, returnByValue=True).get("result", {}).get("value")


def fonts_drawing(tools, selector):
    """The fonts Chromium drew the first element matching `selector` with: [(family, glyphs)]."""
    tools.send("DOM.enable")
    tools.send("CSS.enable")
    root = tools.send("DOM.getDocument")["root"]["nodeId"]
    node = tools.send("DOM.querySelector", nodeId=root, selector=selector).get("nodeId")
    if not node:
        return None
    fonts = tools.send("CSS.getPlatformFontsForNode", nodeId=node).get("fonts", [])
    return [(f.get("familyName", ""), f.get("glyphCount", 0)) for f in fonts]


def edition_problems(tools, page, site):
    """What is wrong with a page of a multi-edition site beyond loading it."""
    found = []
    for href, target in edition_links(page):
        if not os.path.isfile(target):
            found.append(f"language switcher link {href} leads nowhere ({target} does not exist)")
    relative = os.path.relpath(page, site)
    if relative.startswith("zh" + os.sep):
        fonts = fonts_drawing(tools, "main h1") or []
        if not any("CJK" in family and glyphs > 0 for family, glyphs in fonts):
            found.append(f"Chinese text not drawn with a CJK font (fonts used: {fonts}); install fonts-noto-cjk")
        if relative == os.path.join("zh", "index.html"):
            hits = search_for(tools, "卷积") or []
            if not any("卷积" in title for title, _ in hits):
                found.append(f"searching 卷积 found no section about convolution (results: {hits})")
    if relative == os.path.join("en", "index.html"):
        hits = search_for(tools, "convolution") or []
        if not any("onvolution" in title for title, _ in hits):
            found.append(f"searching convolution found no section about convolution (results: {hits})")
    return found


def main():
    site = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "_site")
    shots = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(site), "browser-screenshots"))
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("browser-check: chromium is not installed (scripts/bootstrap.sh --browser installs it)", file=sys.stderr)
        return 2
    pages = sorted(glob.glob(os.path.join(site, "*.html")) + glob.glob(os.path.join(site, "*", "*.html")))
    editions = os.path.isdir(os.path.join(site, "zh")) or os.path.isdir(os.path.join(site, "en"))
    if not pages:
        print(f"browser-check: no pages in {site}; build the site first (make course)", file=sys.stderr)
        return 2
    os.makedirs(shots, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="primer-chromium-")
    process = subprocess.Popen([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                "--remote-debugging-port=0", "--remote-allow-origins=*", f"--user-data-dir={profile}",
                                "--host-resolver-rules=MAP * ~NOTFOUND", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    failures = 0
    try:
        port = None
        deadline = time.time() + 30
        while port is None and time.time() < deadline:
            line = process.stderr.readline()
            match = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
        if port is None:
            print("browser-check: chromium did not start its DevTools endpoint", file=sys.stderr)
            return 2
        for page in pages:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("PUT", "/json/new?about:blank")
            target = json.loads(connection.getresponse().read())
            tools = DevTools(target["webSocketDebuggerUrl"])
            for domain in ("Runtime", "Log", "Network", "Page"):
                tools.send(f"{domain}.enable")
            tools.send("Emulation.setDeviceMetricsOverride", width=1280, height=1600, deviceScaleFactor=1, mobile=False)
            tools.events.clear()
            tools.send("Page.navigate", url="file://" + page)
            loaded = tools.wait_for("Page.loadEventFired", 30)
            tools.drain(0.7)
            # The top of the page, up to 6,000 pixels: enough to see it, small enough to keep.
            metrics = tools.send("Page.getLayoutMetrics")
            height = min(6000, int(metrics.get("cssContentSize", {}).get("height", 1600)))
            shot = tools.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                              clip={"x": 0, "y": 0, "width": 1280, "height": max(height, 1), "scale": 1})
            name = os.path.splitext(os.path.relpath(page, site))[0].replace(os.sep, "-")
            with open(os.path.join(shots, name + ".png"), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            problems = problems_in(tools.events, site)
            if editions:
                problems += edition_problems(tools, page, site)
            if not loaded:
                problems.append("the page did not finish loading in 30 s")
            if problems:
                failures += 1
                print(f"FAIL  {name}.html")
                for p in problems:
                    print("      " + p)
            else:
                print(f"PASS  {name}.html")
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/json/close/" + target["id"])
            connection.getresponse().read()
    finally:
        process.kill()
        process.wait()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"Screenshots in {shots}")
    print(f"pages: {len(pages) - failures} passed, {failures} failed")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
