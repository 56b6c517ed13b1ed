-- Shared by the wrk scripts of bench/spike (signer.lua, confirmer.lua, reader.lua).
--
-- Every script is run with as many wrk threads as connections (-t N -c N): wrk's Lua state is per
-- thread and its response() hook does not say which connection answered, so one connection per
-- thread is the only way to give each simulated visitor its own cookie/CSRF token and to know which
-- request a response belongs to. The threads sleep in epoll; the CPU cost is the same as one thread.
--
-- Each thread appends one line per response to its own file $BENCH_RAW_DIR/t<thread>.tsv:
--     kind <TAB> status <TAB> latency_us <TAB> epoch_ms <TAB> success (1/0)
-- (latency from writing the request to the end of the response, CLOCK_MONOTONIC; epoch_ms when the
-- response ended; success: the status and redirect target that request should get) and "#info <TAB> key <TAB> value" lines. py/wrkstats.py turns them into per-kind
-- statistics after wrk has exited (the C library flushes the files at exit).
--
-- Why files: wrk 4.1's thread:get() pops one value too many from the thread's Lua stack for every table
-- it copies (script_copy_value), which crashes wrk (SIGSEGV) once a few tables have been fetched. So
-- done() only reports wrk's own summary, to $BENCH_OUT as JSON.

local ffi = require("ffi")
pcall(ffi.cdef, [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  typedef struct { bench_timeval ru_utime; bench_timeval ru_stime; long ru_other[14]; } bench_rusage;
  int getrusage(int who, bench_rusage *usage);
]])
local timespec = ffi.new("bench_timespec")

function now_us()
  ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC
  return tonumber(timespec.tv_sec) * 1000000 + math.floor(tonumber(timespec.tv_nsec) / 1000)
end

function epoch_ms()
  ffi.C.clock_gettime(0, timespec) -- CLOCK_REALTIME
  return tonumber(timespec.tv_sec) * 1000 + math.floor(tonumber(timespec.tv_nsec) / 1000000)
end

function random_ip()
  return string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
end

function urlencode(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

PETITION = tonumber(os.getenv("PETITION_ID") or "1")
PAGE_PATH = "/petitions/" .. PETITION

-- ---------------------------------------------------------------- per-thread recording
local raw = nil
local sent_at = 0
local sent_kind = "page"

local function raw_file()
  if raw == nil then
    local dir = os.getenv("BENCH_RAW_DIR")
    if dir == nil then
      raw = false
    else
      raw = assert(io.open(string.format("%s/t%d.tsv", dir, tid or 0), "w"))
      raw:setvbuf("full", 65536)
    end
  end
  return raw
end

-- Remember what was sent; call from request() right before returning the request.
function sending(kind)
  sent_kind = kind
  sent_at = now_us()
end

-- Record the answer to the request last sent, and whether it is what that request should get.
function answered(status, success)
  local f = raw_file()
  if f then
    f:write(sent_kind, "\t", status, "\t", now_us() - sent_at, "\t", epoch_ms(), "\t", success and "1" or "0", "\n")
  end
  return sent_kind
end

-- A fact about this thread (e.g. when it ran out of tokens), for the statistics.
function note(key, value)
  local f = raw_file()
  if f then
    f:write("#info\t", key, "\t", tostring(value), "\n")
    f:flush()
  end
end

-- Reads the XSRF-TOKEN cookie set by a response, if any.
function xsrf_cookie(headers)
  for name, value in pairs(headers) do
    if string.lower(name) == "set-cookie" then
      local v = string.match(value, "XSRF%-TOKEN=([^;]*)")
      if v and v ~= "" then return v end
    end
  end
  return nil
end

-- Reads the masked CSRF token of the first form on a page.
function csrf_field(body)
  if body == nil then return nil end
  return string.match(body, 'name="_csrf" value="([^"]+)"')
end

-- ---------------------------------------------------------------- main state: setup() and done()
local nthreads = 0

function setup(thread)
  nthreads = nthreads + 1
  thread:set("tid", nthreads)
end

function done(summary, latency, requests)
  local ru = ffi.new("bench_rusage")
  ffi.C.getrusage(0, ru) -- RUSAGE_SELF: all threads of this wrk process
  local cpu_s = tonumber(ru.ru_utime.tv_sec) + tonumber(ru.ru_utime.tv_usec) / 1e6
    + tonumber(ru.ru_stime.tv_sec) + tonumber(ru.ru_stime.tv_usec) / 1e6
  local e = summary.errors
  local out = string.format(
    '{"role":"%s","threads":%d,"duration_s":%.6f,"wrk_cpu_s":%.3f,"requests":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"p50":%d,"p95":%d,"p99":%d,"max":%d}}',
    os.getenv("BENCH_ROLE") or "unknown", nthreads, summary.duration / 1e6, cpu_s, summary.requests,
    summary.bytes, e.connect, e.read, e.write, e.status, e.timeout, latency.mean,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max)
  local path = os.getenv("BENCH_OUT")
  if path then
    local f = assert(io.open(path, "w"))
    f:write(out, "\n")
    f:close()
  else
    print(out)
  end
end
