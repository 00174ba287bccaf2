# The two commands of the README:
#   make course   builds Primer, runs the course in Chapters/ and writes the site of both
#                 editions (English, Chapters/; Chinese, Chapters-zh/) to _site/
#   make test     runs the whole test suite: the Swift tests, every example and chapter
#                 through `primer check`, and the built site in headless Chromium
# Both install missing Debian packages first (scripts/bootstrap.sh).

SWIFT ?= swift
SITE ?= _site
PRIMER = .build/debug/primer
# A safety net, not a speed limit: a step that hangs fails with a message instead of running
# into CI's own limit (the whole of `make test` takes about 20 minutes on 2 cores).
GUARD = timeout --kill-after=30

.PHONY: course test bootstrap check browser-check benchmarks clean

bootstrap:
	@scripts/bootstrap.sh

course: bootstrap
	$(SWIFT) build --product primer
	$(PRIMER) build Chapters Chapters-zh --out $(SITE)

test:
	@scripts/bootstrap.sh --browser --sandbox
	$(SWIFT) build --build-tests
	$(GUARD) 2400 $(PRIMER) check Examples Chapters Chapters-zh --junit .build/primer-check.xml
	@# The same course on one thread, run again from scratch: its numbers must hold on any machine.
	$(GUARD) 2400 env PRIMER_THREADS=1 OPENBLAS_NUM_THREADS=1 $(PRIMER) check Examples Chapters Chapters-zh --no-cache \
		--cache-dir .build/primer-cache-one-thread
	$(GUARD) 600 $(PRIMER) build Chapters Chapters-zh --out .build/test-site
	$(GUARD) 600 python3 scripts/browser_check.py .build/test-site .build/browser-screenshots
	$(GUARD) 300 python3 scripts/serve_check.py $(PRIMER)
	$(GUARD) 1800 $(SWIFT) test --skip-build

check: bootstrap
	$(SWIFT) build --product primer
	$(PRIMER) check

browser-check: course
	@scripts/bootstrap.sh --browser
	python3 scripts/browser_check.py $(SITE)

benchmarks: bootstrap
	$(SWIFT) build --product primer
	python3 Benchmarks/runner_overhead.py

clean:
	rm -rf .build .build-engines .primer-cache $(SITE)
