-- Readers: visitors who only look. Alternately GET /petitions/1 (the full page, as a first-time
-- visitor without cookies) and GET /api/petitions/1/count (the live counter's JSON).
-- Kinds recorded: "page" and "count" (success 200).
--
-- Environment: BENCH_LUA_DIR, BENCH_OUT, BENCH_RAW_DIR, PETITION_ID.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local count_path = "/api/petitions/" .. PETITION .. "/count"
local page_next = true

function init(args)
  math.randomseed(os.time() * 1000 + tid * 7919)
  page_next = (tid % 2) == 0
end

function request()
  local headers = { ["X-Forwarded-For"] = random_ip() }
  if page_next then
    sending("page")
    return wrk.format("GET", PAGE_PATH, headers)
  end
  sending("count")
  return wrk.format("GET", count_path, headers)
end

function response(status, headers, body)
  answered(status, status == 200)
  page_next = not page_next
end
