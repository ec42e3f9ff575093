# Two commands do everything: `make run` and `make test` (see README.md).
.PHONY: install build run test test-unit test-integration bench lint typecheck format clean

NPM_STAMP := node_modules/.package-lock.json

install: $(NPM_STAMP)

# `npm ci` installs the lock file as committed and never rewrites it; the check after it proves that,
# so a fresh clone stays clean after `make run` or `make test`.
$(NPM_STAMP): package.json package-lock.json
	@command -v node >/dev/null || { echo "Node.js 20+ is required (apt-get install nodejs npm)"; exit 1; }
	@before=$$(sha256sum < package-lock.json) && echo "npm ci --no-audit --no-fund" && \
	  npm ci --no-audit --no-fund && \
	  { [ "$$(sha256sum < package-lock.json)" = "$$before" ] || \
	    { echo "installing rewrote package-lock.json: regenerate and commit it"; exit 1; }; }
	@touch $(NPM_STAMP)

build: install
	npm run build

run: build
	node dist/scripts/stack/main.js

test: install
	bash scripts/ensure-tools.sh chromium docker-compose
	npm run typecheck
	npm run lint
	npm run format:check
	npx jest --selectProjects unit
	npx jest --selectProjects integration --maxWorkers=2
	bash scripts/audit.sh

test-unit: install
	npx jest --selectProjects unit

# Two test files at a time (each has its own namespace, indices and task queues), so one slow
# reliability file does not hold the others; jest's default on a 2-core machine would be one.
test-integration: install
	npx jest --selectProjects integration --maxWorkers=2

bench: build
	bash scripts/ensure-tools.sh wrk
	npm run bench

lint: install
	npm run lint

typecheck: install
	npm run typecheck

format: install
	npm run format

clean:
	rm -rf dist coverage
