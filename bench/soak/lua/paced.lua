-- A bench/spike role script (signer, confirmer or reader: SOAK_ROLE) with think time: each connection
-- waits THINK_MS (jittered by +-50%) before every request, so a few connections give a steady, moderate
-- rate instead of as many requests as the server takes (wrk2 is not installed; wrk's delay() hook does
-- the pacing). Everything else, including what is recorded, is the spike script's.
dofile(os.getenv("BENCH_LUA_DIR") .. "/" .. os.getenv("SOAK_ROLE") .. ".lua")

local think_ms = tonumber(os.getenv("THINK_MS") or "500")

function delay()
  return math.floor(think_ms * (0.5 + math.random()))
end
