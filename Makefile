# The two commands: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:8080
DB ?= trappa.db

.PHONY: run test build bootstrap bootstrap-test configure sanitize bench clean

run: bootstrap build
	$(BUILD_DIR)/trappa --db $(DB) serve --demo --listen $(LISTEN)

# After the suite: every fuzz target for 30 s, then 60 s of mixed load on the sanitized build.
test: bootstrap-test configure
	cmake --build $(BUILD_DIR) -j $(JOBS)
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) fuzz FUZZ_SECONDS=30
	$(MAKE) load-sanitized

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
	rm -rf $(BUILD_DIR) build-sanitize $(FUZZ_BUILD_DIR)

# Fuzzing (docs/fuzzing.md): builds the libFuzzer targets with clang-16 in build-fuzz and runs
# each for FUZZ_SECONDS on a copy of its seed corpus in tests/fuzz/; fails on any crash.
FUZZ_SECONDS ?= 60
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_TARGETS ?= fuzz_csv_reader fuzz_framework_json fuzz_framework_source fuzz_form_query fuzz_http_request

.PHONY: fuzz fuzz-configure
fuzz: fuzz-configure
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target $(FUZZ_TARGETS)
	bash tests/fuzz/run_fuzzers.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Every layer in build-fuzz is compiled with ASan and UBSan, so the sanitized load run below
# links its trappa from the same objects instead of compiling everything a second time.
fuzz-configure: bootstrap-test
	CC=clang-16 CXX=clang++-16 cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" -DTRAPPA_FUZZ=ON -DTRAPPA_BUILD_TESTS=OFF -DTRAPPA_BUILD_BENCHMARKS=OFF

# Mixed load under ASan/UBSan (bench/README.md): trappa from the sanitized clang build of
# build-fuzz serves 60 s of bench/load.sh traffic at 5 000 people. Any sanitizer report, a
# failed request, or a server that does not exit 0 (LeakSanitizer runs at its exit) fails it.
.PHONY: load-sanitized
load-sanitized: fuzz-configure
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target trappa
	ASAN_OPTIONS=halt_on_error=1:exitcode=86:detect_leaks=1 \
	UBSAN_OPTIONS=halt_on_error=1:exitcode=87:print_stacktrace=1 \
	  bash bench/load.sh --trappa $(FUZZ_BUILD_DIR)/trappa --people 5000 --duration 60 --employees 10 \
	    --memory-bound off --out $(FUZZ_BUILD_DIR)/load
