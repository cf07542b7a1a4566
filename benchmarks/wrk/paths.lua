-- wrk script: cycles through the request paths of a file, one path per line (the "path" fields of
-- a `bench mix` JSON-lines file, extracted by scripts/bench-queries). Each wrk thread starts at its
-- own offset; within a thread every request, whichever connection sends it, takes the next path.
-- Usage: PATHS=/tmp/paths.txt wrk -s benchmarks/wrk/paths.lua http://127.0.0.1:8080
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  paths[#paths + 1] = line
end
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 97)
end

function init(args)
  i = offset or 0
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
