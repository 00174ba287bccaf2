"""Save-to-reload latency of `primer serve`: the time from writing a chapter to the moment the
preview tells open pages to reload (the `reload` Server-Sent Event), for a prose edit (a cache
hit: re-render only) and for a one-cell edit (compile and run the small chapter). Prints the
median and the range of N saves each; loopback only.

    python3 Benchmarks/serve_latency.py [path/to/primer] [N]
"""
import os, signal, socket, statistics, subprocess, sys, tempfile, time, shutil

CHAPTER = "# Latency\n\n{prose}\n\n```swift\nlet n = {n}\nprint(\"n squared:\", n * n)\n```\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def events(port):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /__primer/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    buffer = b""
    while b"event: state" not in buffer:
        buffer += sock.recv(65536)
    return sock


def wait_for_reload(sock, seconds=120):
    sock.settimeout(seconds)
    buffer = b""
    while b"event: reload" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("the event stream ended")
        buffer += chunk


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    primer = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(root, ".build/debug/primer")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    work = tempfile.mkdtemp(prefix="primer-serve-bench-")
    book = os.path.join(work, "book")
    os.makedirs(book)
    chapter = os.path.join(book, "01-latency.md")
    with open(chapter, "w") as f:
        f.write(CHAPTER.format(prose="Words 0.", n=3))
    port = free_port()
    server = subprocess.Popen([primer, "serve", book, "--port", str(port), "--cache-dir", os.path.join(work, "cache")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                              env=dict(os.environ, PRIMER_HOME=root))
    try:
        for line in server.stdout:
            if line.startswith("Serving "):
                break
        sock = events(port)

        def save(text):
            start = time.perf_counter()
            with open(chapter, "w") as f:
                f.write(text)
            wait_for_reload(sock)
            return time.perf_counter() - start

        prose = [save(CHAPTER.format(prose=f"Words {i + 1}.", n=3)) for i in range(count)]
        cells = [save(CHAPTER.format(prose=f"Words {count}.", n=100 + i)) for i in range(count)]
        for name, times in (("prose edit (cache hit, re-render)", prose), ("one-cell edit (compile and run)", cells)):
            print(f"{name}: median {statistics.median(times):.3f} s, range {min(times):.3f}-{max(times):.3f} s, {count} saves")
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
