-- wrk script for bench/load.sh: mixed traffic of signed-in people against `trappa serve`.
--
--   TRAPPA_LOAD_ACCOUNTS=ACCOUNTS.lua TRAPPA_LOAD_RESULT=RESULT.txt wrk ... -s bench/load/mixed.lua URL
--
-- (Environment variables rather than script arguments: wrk passes arguments to the threads'
-- init() only, and done() runs in wrk's main Lua state.)
--
-- ACCOUNTS.lua (written by load.sh) returns a table:
--   { round = "2026",
--     employees = { { id, cookie, csrf, competencies = {"1.1", ...} }, ... },
--     managers  = { { id, cookie, csrf, reports = { { id, competencies }, ... } }, ... },
--     hr        = { { id, cookie, overview = {paths}, csv = {paths}, gaps = {paths} }, ... } }
--
-- The mix, per request (stated in bench/README.md):
--   45 %  an employee saves their own assessment: PUT self levels for every competency of
--         their profile, motivation per area, and half of the time submits (status self_assessed)
--   25 %  a manager agrees levels for one direct report: PUT agreed levels for every competency
--   10 %  HR opens the overview page            GET /oversikt[?filters]
--   10 %  HR downloads an overview table as CSV GET /oversikt.csv?tabell=...
--   10 %  HR reads the gap analytics            GET /api/v1/rounds/R/gaps[?...]
-- Every request is expected to answer 200. RESULT.txt gets `key value` lines that load.sh reads.

local kEmployeeShare = 45
local kManagerShare = 25   -- cumulative 70
local kOverviewShare = 10  -- cumulative 80
local kCsvShare = 10       -- cumulative 90
                           -- gaps: the remaining 10

local data = nil
local threads = {}

-- Counters per thread; done() adds them up.
sent_employee, sent_manager, sent_overview, sent_csv, sent_gaps = 0, 0, 0, 0, 0
status_200, status_other = 0, 0
other_statuses = ""   -- "status:count" pairs, space separated, filled in done()
first_failures = ""   -- the first few unexpected answers of this thread, for diagnosis
local failures_kept = 0
local status_counts = {}

local thread_counter = 0
function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_number", thread_counter)
  table.insert(threads, thread)
end

function init(args)
  data = dofile(assert(os.getenv("TRAPPA_LOAD_ACCOUNTS"), "TRAPPA_LOAD_ACCOUNTS is not set"))
  math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
  for _ = 1, 10 do math.random() end
end

local function pick(list)
  return list[math.random(#list)]
end

-- Motivation is given per area; the demo framework's competency codes are "AREA.N".
local function areas_of(competencies)
  local seen, areas = {}, {}
  for _, code in ipairs(competencies) do
    local area = code:match("^([^.]+)%.")
    if area and not seen[area] then
      seen[area] = true
      table.insert(areas, area)
    end
  end
  return areas
end

local function employee_request()
  local person = pick(data.employees)
  local ratings = {}
  for _, code in ipairs(person.competencies) do
    table.insert(ratings, string.format('{"competency":"%s","self_level":%d}', code, math.random(1, 5)))
  end
  local motivation = {}
  person.areas = person.areas or areas_of(person.competencies)
  for _, area in ipairs(person.areas) do
    table.insert(motivation, string.format('"%s":%d', area, math.random(1, 5)))
  end
  local status = math.random(2) == 1 and ',"status":"self_assessed"' or ""
  local body = string.format('{"ratings":[%s],"motivation":{%s}%s}', table.concat(ratings, ","),
                             table.concat(motivation, ","), status)
  sent_employee = sent_employee + 1
  return wrk.format("PUT", "/api/v1/rounds/" .. data.round .. "/assessments/" .. person.id, {
    ["Cookie"] = person.cookie,
    ["X-CSRF-Token"] = person.csrf,
    ["Content-Type"] = "application/json",
  }, body)
end

local function manager_request()
  local manager = pick(data.managers)
  local report = pick(manager.reports)
  local ratings = {}
  for _, code in ipairs(report.competencies) do
    table.insert(ratings, string.format('{"competency":"%s","agreed_level":%d}', code, math.random(1, 5)))
  end
  sent_manager = sent_manager + 1
  return wrk.format("PUT", "/api/v1/rounds/" .. data.round .. "/assessments/" .. report.id, {
    ["Cookie"] = manager.cookie,
    ["X-CSRF-Token"] = manager.csrf,
    ["Content-Type"] = "application/json",
  }, '{"ratings":[' .. table.concat(ratings, ",") .. "]}")
end

local function hr_request(kind)
  local person = pick(data.hr)
  return wrk.format("GET", pick(person[kind]), { ["Cookie"] = person.cookie })
end

function request()
  local draw = math.random(100)
  if draw <= kEmployeeShare then return employee_request() end
  if draw <= kEmployeeShare + kManagerShare then return manager_request() end
  if draw <= kEmployeeShare + kManagerShare + kOverviewShare then
    sent_overview = sent_overview + 1
    return hr_request("overview")
  end
  if draw <= kEmployeeShare + kManagerShare + kOverviewShare + kCsvShare then
    sent_csv = sent_csv + 1
    return hr_request("csv")
  end
  sent_gaps = sent_gaps + 1
  return hr_request("gaps")
end

function response(status, headers, body)
  if status == 200 then
    status_200 = status_200 + 1
    return
  end
  status_other = status_other + 1
  status_counts[status] = (status_counts[status] or 0) + 1
  local parts = {}
  for code, count in pairs(status_counts) do table.insert(parts, code .. ":" .. count) end
  other_statuses = table.concat(parts, " ")
  if failures_kept < 3 then
    failures_kept = failures_kept + 1
    local text = (body or ""):sub(1, 300):gsub("[\r\n]+", " ")
    first_failures = first_failures .. "  " .. status .. " " .. text .. "\n"
  end
end

function done(summary, latency, requests)
  local total = function(name)
    local sum = 0
    for _, thread in ipairs(threads) do sum = sum + (thread:get(name) or 0) end
    return sum
  end
  local statuses, failures = {}, ""
  for _, thread in ipairs(threads) do
    for pair in (thread:get("other_statuses") or ""):gmatch("%S+") do
      local code, count = pair:match("(%d+):(%d+)")
      statuses[code] = (statuses[code] or 0) + tonumber(count)
    end
    failures = failures .. (thread:get("first_failures") or "")
  end
  local status_list = {}
  for code, count in pairs(statuses) do table.insert(status_list, code .. ":" .. count) end
  table.sort(status_list)

  local seconds = summary.duration / 1e6
  local lines = {
    string.format("duration_s %.1f", seconds),
    string.format("requests %d", summary.requests),
    string.format("requests_per_s %.1f", summary.requests / seconds),
    string.format("bytes %d", summary.bytes),
    string.format("latency_p50_ms %.2f", latency:percentile(50) / 1000),
    string.format("latency_p90_ms %.2f", latency:percentile(90) / 1000),
    string.format("latency_p99_ms %.2f", latency:percentile(99) / 1000),
    string.format("latency_max_ms %.2f", latency.max / 1000),
    string.format("errors_connect %d", summary.errors.connect),
    string.format("errors_read %d", summary.errors.read),
    string.format("errors_write %d", summary.errors.write),
    string.format("errors_timeout %d", summary.errors.timeout),
    string.format("non_2xx_3xx %d", summary.errors.status),
    string.format("status_200 %d", total("status_200")),
    string.format("status_other %d", total("status_other")),
    string.format("status_other_codes %s", #status_list > 0 and table.concat(status_list, " ") or "-"),
    string.format("sent_employee_put %d", total("sent_employee")),
    string.format("sent_manager_put %d", total("sent_manager")),
    string.format("sent_hr_overview %d", total("sent_overview")),
    string.format("sent_hr_csv %d", total("sent_csv")),
    string.format("sent_hr_gaps %d", total("sent_gaps")),
  }
  local out = assert(io.open(assert(os.getenv("TRAPPA_LOAD_RESULT"), "TRAPPA_LOAD_RESULT is not set"), "w"))
  out:write(table.concat(lines, "\n"), "\n")
  if failures ~= "" then out:write("first_failures\n", failures) end
  out:close()
end
