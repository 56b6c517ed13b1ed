-- Confirmers: supporters clicking the link in their confirmation mail. Each connection loads the
-- petition page once (for the XSRF-TOKEN cookie and a masked _csrf token), then POSTs
-- /signatures/confirm once per token from $TOKEN_FILE (one token per line, exported from mail_outbox
-- after the warm-up). With CONFIRM_PAGE=1 it first GETs the link's page (/signatures/confirm?token=...)
-- as a browser following the mail link would. Thread i of n takes lines i, i+n, i+2n, ...
-- When its tokens run out the thread stops and notes when (#info exhausted_at, epoch seconds).
-- Kinds recorded: "page" (success 200), "confirm_view" (200), "confirm" (302 to /petitions/1?confirmed).
--
-- Environment: BENCH_LUA_DIR, BENCH_OUT, BENCH_RAW_DIR, TOKEN_FILE, THREADS (the -t value), CONFIRM_PAGE, PETITION_ID.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local token_file = os.getenv("TOKEN_FILE")
local nthreads = tonumber(os.getenv("THREADS") or "1")
local view_first = os.getenv("CONFIRM_PAGE") == "1"
local success_suffix = PAGE_PATH .. "?confirmed"

local tokens = {}
local idx = 1
local cookie, csrf = nil, nil
local viewed = false
local pending = "page"
local exhausted = false

function init(args)
  math.randomseed(os.time() * 1000 + tid * 7919)
  local line_no = 0
  for line in io.lines(token_file) do
    if (line_no % nthreads) == (tid - 1) and string.match(line, "^[A-Za-z0-9_-]+$") then
      tokens[#tokens + 1] = line
    end
    line_no = line_no + 1
  end
  note("tokens", #tokens)
end

function request()
  local headers = { ["X-Forwarded-For"] = random_ip() }
  if cookie then headers["Cookie"] = "XSRF-TOKEN=" .. cookie end
  if idx > #tokens then
    -- nothing left to confirm; the response handler stops this thread
    pending = "done"
    sending("count")
    return wrk.format("GET", "/api/petitions/" .. PETITION .. "/count", headers)
  end
  if csrf == nil or cookie == nil then
    pending = "page"
    sending("page")
    return wrk.format("GET", PAGE_PATH, headers)
  end
  local token = tokens[idx]
  if view_first and not viewed then
    pending = "confirm_view"
    sending("confirm_view")
    return wrk.format("GET", "/signatures/confirm?token=" .. token, headers)
  end
  pending = "confirm"
  sending("confirm")
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  return wrk.format("POST", "/signatures/confirm", headers,
    "token=" .. urlencode(token) .. "&_csrf=" .. urlencode(csrf))
end

function response(status, headers, body)
  if pending == "done" then
    answered(status, status == 200)
    if not exhausted then note("exhausted_at", epoch_ms() / 1000); exhausted = true end
    wrk.thread:stop()
  elseif pending == "page" then
    local ok = status == 200
    answered(status, ok)
    local c = xsrf_cookie(headers)
    if c then cookie = c; csrf = nil end
    if ok and csrf == nil then csrf = csrf_field(body) end
  elseif pending == "confirm_view" then
    answered(status, status == 200)
    viewed = true
  else
    local location = headers["Location"] or headers["location"] or ""
    local ok = status == 302 and string.sub(location, -#success_suffix) == success_suffix
    answered(status, ok)
    if status == 403 then
      cookie, csrf = nil, nil -- token rejected: fetch a new page, retry this token
    else
      idx = idx + 1
      viewed = false
      if idx > #tokens then
        note("exhausted_at", epoch_ms() / 1000)
        exhausted = true
        wrk.thread:stop()
      end
    end
  end
end
