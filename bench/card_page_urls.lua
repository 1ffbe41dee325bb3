-- wrk script: cycles through the public pages of many service cards (/verejne/sluzba/<id>),
-- so that the run measures pages of thousands of cards, not one page served again and again.
-- The ids come one a line from the file named by CARD_IDS (bench/public_card_page writes it).
local ids = {}
for line in io.lines(os.getenv("CARD_IDS")) do
  ids[#ids + 1] = line
end
local n = math.random(#ids)
request = function()
  n = n % #ids + 1
  return wrk.format("GET", "/verejne/sluzba/" .. ids[n])
end
