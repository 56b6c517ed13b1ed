-- Signers: every connection behaves like a stream of supporters. It loads the petition page (which
-- sets the XSRF-TOKEN cookie and carries the masked _csrf token in the sign form), then posts the sign
-- form with a fresh email address, then loads the page again before the next signature: one page load
-- per signature. Kinds recorded: "page" (GET /petitions/1, success 200) and "sign" (POST, success 302
-- to .../check-your-email).
--
-- Environment: BENCH_LUA_DIR, BENCH_OUT, BENCH_RAW_DIR, EMAIL_PREFIX (unique per run), SIGN_LIMIT (successful
-- signatures per thread after which the thread stops; 0 = no limit), PETITION_ID.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local prefix = os.getenv("EMAIL_PREFIX") or "s"
local limit = tonumber(os.getenv("SIGN_LIMIT") or "0")
local sign_path = PAGE_PATH .. "/signatures"
local success_suffix = PAGE_PATH .. "/check-your-email"

-- Mostly UK supporters, some from elsewhere, so counts by country get several rows.
local countries = { "GB", "GB", "GB", "GB", "GB", "GB", "GB", "GB", "US", "FR", "DE", "IE", "ES", "NL", "CA", "AU" }
local postcodes = { "SW1A 1AA", "M1 1AE", "EH1 1YZ", "CF10 1EP", "BT1 5GS", "" }

local cookie, csrf = nil, nil
local next_is_page = true
local pending = "page"
local n, signed = 0, 0

function init(args)
  math.randomseed(os.time() * 1000 + tid * 7919)
end

function request()
  local headers = { ["X-Forwarded-For"] = random_ip() }
  if cookie then headers["Cookie"] = "XSRF-TOKEN=" .. cookie end
  if next_is_page or csrf == nil or cookie == nil then
    pending = "page"
    sending("page")
    return wrk.format("GET", PAGE_PATH, headers)
  end
  n = n + 1
  local email = string.format("%s-%d-%d@bench.example", prefix, tid, n)
  local country = countries[math.random(#countries)]
  local postcode = country == "GB" and postcodes[math.random(#postcodes)] or ""
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  local body = "name=" .. urlencode("Bench Signer " .. tid .. "-" .. n)
    .. "&email=" .. urlencode(email)
    .. "&country=" .. country
    .. "&postcode=" .. urlencode(postcode)
    .. "&keepUpdated=false"
    .. "&_csrf=" .. urlencode(csrf)
  pending = "sign"
  sending("sign")
  return wrk.format("POST", sign_path, headers, body)
end

function response(status, headers, body)
  local ok
  if pending == "page" then
    ok = status == 200
    answered(status, ok)
    local c = xsrf_cookie(headers)
    if c then
      cookie = c
      csrf = nil -- a new cookie needs the token of the same page
    end
    if csrf == nil and ok then csrf = csrf_field(body) end
    next_is_page = false
  else
    local location = headers["Location"] or headers["location"] or ""
    ok = status == 302 and string.sub(location, -#success_suffix) == success_suffix
    answered(status, ok)
    if status == 403 then cookie, csrf = nil, nil end -- token rejected: start over with a fresh page
    next_is_page = true
    if ok then
      signed = signed + 1
      if limit > 0 and signed >= limit then
        note("stopped_after", signed)
        wrk.thread:stop()
      end
    end
  end
end
