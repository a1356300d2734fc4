#!/usr/bin/env bash
# Installs the Debian packages Trappa needs to build, test and run, and nothing else.
# Idempotent: packages already present are skipped, and `apt-get update` runs only when
# something is missing. Usage: scripts/bootstrap.sh [build|test]
set -euo pipefail

purpose="${1:-build}"

build_packages=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-locale1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev
  libkainjow-mustache-dev libsodium-dev libspdlog-dev libfmt-dev
  libcli11-dev libtoml11-dev libxlsxwriter-dev libcurl4-openssl-dev
  libzip-dev libexpat1-dev  # reading XLSX workbooks for the imports (src/io/xlsx/xlsx_reader.hpp)
  libgtest-dev libgmock-dev libbenchmark-dev
  gettext  # msgfmt compiles the text catalogues po/*.po (docs/web.md, "Texts and languages")
  chromium  # prints the committee's reports to PDF (app/printing; `trappa report plan --format pdf`)
)
test_packages=(
  postgresql-15 postgresql-client-15 sqlite3
  wrk time
)
# Fuzzing (`make fuzz`, docs/fuzzing.md): clang-16 with libFuzzer and the sanitizer runtimes.
# Not clang-14: it cannot compile libstdc++ 12's <expected>.
test_packages+=(clang-16 libfuzzer-16-dev libclang-rt-16-dev)
# HTTP-level tests (tests/web_http) drive a real `trappa serve` with curl.
test_packages+=(curl)
# The small-groups HTTP test (tests/web_http/small_groups_test.sh) reads the API's JSON with jq.
test_packages+=(jq)
# The reminder test (tests/web_http/reminders_test.sh) sends its e-mails to a local SMTP sink.
test_packages+=(python3-aiosmtpd)
# The PDF tests (tests/app/html_to_pdf_test.cpp) read printed reports back with pdftotext/pdfinfo.
test_packages+=(poppler-utils)
# The report test opens the supply plan's workbook in LibreOffice (soffice --headless --convert-to csv),
# as a committee member's spreadsheet would.
test_packages+=(libreoffice-calc-nogui)

wanted=("${build_packages[@]}")
if [[ "$purpose" == "test" ]]; then
  wanted+=("${test_packages[@]}")
fi

# Node.js with npm runs the browser tests. Some machines carry a Node.js build that bundles npm
# and conflicts with Debian's npm package, so ask for Debian's packages only when npm is absent.
if [[ "$purpose" == "test" ]] && ! command -v npm >/dev/null 2>&1; then
  wanted+=(nodejs npm)
fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if (( ${#missing[@]} > 0 )); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "bootstrap: missing packages: ${missing[*]}" >&2
    echo "bootstrap: run as root (or install them) and try again" >&2
    exit 1
  fi
  echo "bootstrap: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "$purpose" == "test" ]]; then
  # Browser tests drive Debian's Chromium with playwright-core and check pages with axe-core.
  e2e_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/e2e"
  if [[ -f "$e2e_dir/package.json" && ! -d "$e2e_dir/node_modules/playwright-core" ]]; then
    echo "bootstrap: installing browser-test packages with npm"
    (cd "$e2e_dir" && npm install --no-audit --no-fund --silent)
  fi
  # The API contract test lints docs/openapi.yaml (@redocly/cli) and validates live answers
  # against it (ajv).
  api_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/api"
  if [[ -f "$api_dir/package.json" && ! -d "$api_dir/node_modules/@redocly/cli" ]]; then
    echo "bootstrap: installing API-contract test packages with npm"
    (cd "$api_dir" && npm install --no-audit --no-fund --silent)
  fi
fi
