-- Shared by the tracker benchmark's wrk runs: the request to send, an optional pause between requests on each
-- connection (for runs at a chosen rate), and one machine-readable result line.
local mode = os.getenv("PUSHTECH_WRK_MODE") or "pixel"
local pause_ms = tonumber(os.getenv("PUSHTECH_WRK_PAUSE_MS") or "0")
local counter = 0

if mode == "batch" then
  local events = {}
  for i = 1, 50 do
    events[i] = string.format(
      '{"type":"location","deviceId":"bench-%d","lat":52.%04d,"lng":13.%04d,"props":{"screen":"map","i":%d}}', i, i, i, i)
  end
  wrk.method = "POST"
  wrk.body = "[" .. table.concat(events, ",") .. "]"
  wrk.headers["Content-Type"] = "application/json"
end

request = function()
  if mode == "batch" then
    return wrk.format(nil, "/t/batch")
  end
  counter = counter + 1
  return wrk.format("GET", "/t/view?deviceId=bench-" .. (counter % 1000) .. "&screen=home")
end

if pause_ms > 0 then
  delay = function()
    return pause_ms
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %.1f %.1f %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors))
end
