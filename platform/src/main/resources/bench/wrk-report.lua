-- Shared by the tracker benchmark's wrk runs: the request to send, an optional pause between requests on each
-- connection (for runs at a chosen rate). Its result line comes from wrk-result.lua.
local mode = os.getenv("PUSHTECH_WRK_MODE") or "pixel"
local pacing = os.getenv("PUSHTECH_WRK_PACING") or "none"
local pause_ms = tonumber(os.getenv("PUSHTECH_WRK_PAUSE_MS") or "0")
local counter = 0
local threads = 0

if mode == "batch" then
  local events = {}
  for i = 1, 50 do
    events[i] = string.format(
      '{"type":"location","deviceId":"bench-%d","lat":52.%04d,"lng":13.%04d,"props":{"screen":"map","i":%d}}', i, i, i, i)
  end
  wrk.method = "POST"
  wrk.path = "/t/batch"
  wrk.body = "[" .. table.concat(events, ",") .. "]"
  wrk.headers["Content-Type"] = "application/json"
else
  request = function()
    counter = counter + 1
    return wrk.format("GET", "/t/view?deviceId=bench-" .. (counter % 1000) .. "&screen=home")
  end
end

-- each thread draws its own random pauses
setup = function(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

init = function(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
end

if pacing == "fixed" and pause_ms > 0 then
  delay = function()
    return pause_ms
  end
elseif pacing == "random" and pause_ms > 0 then
  -- exponentially distributed, so that the connections act as independent clients (wrk counts in whole ms)
  delay = function()
    return math.floor(-pause_ms * math.log(1 - math.random()) + 0.5)
  end
end
