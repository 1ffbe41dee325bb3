-- wrk script: cycles through typical filtered text searches of the catalog
-- (a word or two within a region or an ORP), so that no single answer is cached anywhere.
local words = {"psycholog", "poradna", "skola", "sas%20rodiny", "krizova%20pomoc",
               "azylovy%20dum", "dluhy", "pediatr", "nizkoprahove", "terenni%20program"}
local regions = {"CZ010", "CZ020", "CZ031", "CZ032", "CZ041", "CZ042", "CZ051", "CZ052",
                 "CZ053", "CZ063", "CZ064", "CZ071", "CZ072", "CZ080"}
local paths = {}
for i = 1, 140 do
  local w = words[(i % #words) + 1]
  local r = regions[(i % #regions) + 1]
  paths[i] = "/api/v1/service-cards?q=" .. w .. "&region=" .. r .. "&limit=20"
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
