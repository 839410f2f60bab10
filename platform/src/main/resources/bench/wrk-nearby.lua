-- The storage benchmark's nearby queries: each request is the next line of the file PUSHTECH_WRK_PATHS (one
-- request path per line, e.g. /store/offers?lat=..&lng=..&radius=1000&limit=20); each wrk thread starts at a
-- different line. Its result line comes from wrk-result.lua.
local threads = 0

setup = function(thread)
  thread:set("first", threads * 7919)
  threads = threads + 1
end

local paths = {}
local next_index = 0

init = function(args)
  for line in io.lines(os.getenv("PUSHTECH_WRK_PATHS")) do
    paths[#paths + 1] = line
  end
  next_index = (first or 0) % #paths
end

request = function()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
