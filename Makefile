# prosit — thin wrapper over scripts/install-deps, CMake and CTest.
BUILD ?= build
DB ?= var/prosit.db
PORT ?= 8080
JOBS ?= $(shell nproc)

.PHONY: all deps build binary run test bench clean format

all: build

deps:
	@scripts/install-deps

$(BUILD)/Makefile: CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

# Only the server and the web UI, for a quicker first `make run`.
binary: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS) --target prosit web

# Sets up ./var/prosit.db with the demo data on first start (and a demo admin whose
# one-time password and read-only API token go to var/demo-admin.txt), then serves it.
DEMO_ADMIN ?= $(dir $(DB))demo-admin.txt
run: binary
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then \
	  $(BUILD)/prosit init --database $(DB) && $(BUILD)/prosit demo --database $(DB) && \
	  (umask 077; $(BUILD)/prosit user add --database $(DB) --login admin --role admin > $(DEMO_ADMIN) && \
	   $(BUILD)/prosit token add --database $(DB) --login admin --scope read --name demo >> $(DEMO_ADMIN) && \
	   sed -n 's/.*TOKEN): //p' $(DEMO_ADMIN) > $(dir $(DB))demo-token) && \
	  echo "demo admin: see $(DEMO_ADMIN) (one-time password, read-only API token in $(dir $(DB))demo-token)"; \
	fi
	$(BUILD)/prosit serve --database $(DB) --port $(PORT)

test: build
	cd $(BUILD) && ctest --output-on-failure -j 2

bench: build
	bench/run-all

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD)
