# The two commands of the README:
#   make course   builds Primer, runs the course in Chapters/ and writes the site to _site/
#   make test     runs the whole test suite
# Both install missing Debian packages first (scripts/bootstrap.sh).

SWIFT ?= swift
SITE ?= _site

.PHONY: course test bootstrap check browser-check benchmarks clean

bootstrap:
	@scripts/bootstrap.sh

course: bootstrap
	$(SWIFT) build --product primer
	.build/debug/primer build Chapters --out $(SITE)

test: bootstrap
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

check: bootstrap
	$(SWIFT) build --product primer
	.build/debug/primer check

browser-check: course
	@scripts/bootstrap.sh --browser
	scripts/browser-check.sh $(SITE)

clean:
	rm -rf .build .build-engines .primer-cache $(SITE)
