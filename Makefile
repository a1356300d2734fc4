# The two commands: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:8080
DB ?= trappa.db

.PHONY: run test build bootstrap bootstrap-test configure sanitize bench clean

run: bootstrap build
	$(BUILD_DIR)/trappa --db $(DB) serve --demo --listen $(LISTEN)

test: bootstrap-test configure
	cmake --build $(BUILD_DIR) -j $(JOBS)
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target trappa

bootstrap:
	bash scripts/bootstrap.sh build

bootstrap-test:
	bash scripts/bootstrap.sh test

configure:
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then \
	  cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_EXTRA); \
	fi

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: bootstrap-test
	cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTRAPPA_SANITIZE=ON -DTRAPPA_BUILD_BENCHMARKS=OFF
	cmake --build build-sanitize -j $(JOBS)
	cd build-sanitize && ctest --output-on-failure -j $(JOBS)

bench: bootstrap-test configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) build-sanitize
