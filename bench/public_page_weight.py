#!/usr/bin/python3
"""The weight of every public page type (issue 15's budget: ≤ 100 KB without the map).
   bench/public_page_weight.py [DATABASE]
Serves DATABASE (default: a fresh demo database in a temporary folder) and fetches, for each
page type in Czech and English, many pages (every situation, answer, ORP, a spread of cards
with every shelter's among them); a page's weight is its HTML plus every stylesheet,
script, image and frame it loads, each counted once per page, as a browser with an empty
cache fetches them. The small map (an inline <svg> or an image whose class, id, label or
address names a map) is counted apart. Prints the heaviest and the median page of each
type, bytes as sent and gzip-compressed (what a compressing proxy would send)."""

import gzip
import os
import re
import statistics
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
os.environ.setdefault("PROSIT_BIN", os.path.join(HERE, "..", "build", "prosit"))
os.environ.setdefault("PROSIT_DATA", os.path.join(HERE, "..", "data"))
from server import Server, query  # noqa: E402  (the integration tests' real server)

BUDGET = 100 * 1024
REGION = "CZ053"
TOWNS = ("571164", "572241", "571385", "571393")  # Chrudim, Skuteč, Heřmanův Městec, Hlinsko
MAP = re.compile(r"map", re.I)


# An inline map: an <svg> whose class, id or label names a map, to its end.
INLINE_MAP = re.compile(r"<svg\b[^>]*\b(?:class|id|aria-label)=\"[^\"]*map[^\"]*\"[^>]*>.*?</svg>",
                        re.I | re.S)


class Resources(HTMLParser):
    """What a page loads: stylesheets, scripts, icons, images and frames; a map's apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls, self.map_urls = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = a.get("rel") or ""
        url = None
        if tag == "link" and any(r in rel.split() for r in ("stylesheet", "icon", "preload",
                                                             "modulepreload")):
            url = a.get("href")
        elif tag in ("script", "img", "iframe", "source", "object") and (a.get("src") or
                                                                         a.get("data")):
            url = a.get("src") or a.get("data")
        if url:
            names = " ".join(a.get(k) or "" for k in ("class", "id", "aria-label", "alt"))
            (self.map_urls if MAP.search(names + " " + url) else self.urls).append(url)


def fetch(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def weigh(base, path, cache):
    """(status, bytes without the map, gzip bytes without the map, map bytes)."""
    status, body = fetch(base, path)
    page = Resources()
    text = body.decode("utf-8", "replace")
    page.feed(text)
    maps = sum(len(m.group(0).encode()) for m in INLINE_MAP.finditer(text))
    size, packed = len(body) - maps, len(gzip.compress(body, 6))
    for url, is_map in [(u, False) for u in page.urls] + [(u, True) for u in page.map_urls]:
        url = urllib.parse.urljoin(path, url)
        if not url.startswith("/"):
            continue  # another site's: not ours to weigh (there should be none)
        if url not in cache:
            cache[url] = fetch(base, url)[1]
        if is_map:
            maps += len(cache[url])
        else:
            size += len(cache[url])
            packed += len(gzip.compress(cache[url], 6))
    return status, size, packed, maps


def page_types(server):
    db = server.database
    cards = [(i, c) for i, c in query(
        db, "SELECT id, json_extract(doc, '$.confidential_address') FROM service_cards "
        "WHERE json_extract(doc, '$.published') ORDER BY id")]
    sample = [i for n, (i, c) in enumerate(cards) if c or n % max(1, len(cards) // 60) == 0]
    # The demo's region, and the three ORPs with the most cards (the longest lists)
    orps = [o for (o,) in query(db, "SELECT code FROM orps WHERE region_code = ?", (REGION,))]
    busiest = [o for (o, _) in query(
        db, "SELECT m.orp_code, count(*) AS n FROM service_cards c, "
        "json_each(c.doc, '$.locations') l JOIN municipalities m "
        "ON m.code = json_extract(l.value, '$.municipality_code') "
        "GROUP BY m.orp_code ORDER BY n DESC LIMIT 3")]
    orps += [o for o in busiest if o not in orps]
    seats = [m for (m,) in query(db, "SELECT seat_municipality_code FROM orps WHERE code IN (%s)"
                                 % ",".join("?" * len(busiest)), busiest)]
    towns_codes = list(TOWNS) + [m for m in seats if m not in TOWNS]
    situations = [s["id"] for s in server.get("/api/v1/reference/model-situations",
                                              anonymous=True).json()]
    towns = [n for (n,) in query(db, "SELECT name FROM municipalities WHERE code IN (%s)" %
                                 ",".join("?" * len(TOWNS)), TOWNS)]
    return {
        "home": [("/verejne/", "/en/public/")],
        "search": [(f"/verejne/hledat?obec={urllib.parse.quote(t)}&q={q}",
                    f"/en/public/search?obec={urllib.parse.quote(t)}&q={q}")
                   for t in towns for q in ("", "poradna")],
        "card": [(f"/verejne/sluzba/{i}", f"/en/public/service/{i}") for i in sample],
        "situations": [("/verejne/situace/", "/en/public/situations/")],
        "situation": [(f"/verejne/situace/{s}", f"/en/public/situations/{s}") for s in situations],
        "answer": [(f"/verejne/situace/{s}/{t}", f"/en/public/situations/{s}/{t}")
                   for s in situations for t in towns_codes],
        "who does what": [(f"/verejne/orp/{o}/kdo-co-dela", f"/en/public/orp/{o}/who-does-what")
                          for o in orps],
        "widget": [(f"/verejne/vlozit/{t}", f"/en/public/embed/{t}") for t in towns_codes],
        "embed guide": [("/verejne/vlozit", "/en/public/embed")],
        "not found": [("/verejne/sluzba/987654321", "/en/public/service/987654321")],
    }


def main():
    database = sys.argv[1] if len(sys.argv) > 1 else None
    with Server(database=database, demo=database is None) as server:
        print(f"{'page type':<14} {'pages':>5} {'heaviest':>10} {'median':>9} {'gzip max':>9} "
              f"{'map max':>8}  heaviest page")
        over = []
        for name, pairs in page_types(server).items():
            cache, rows = {}, []
            for cs, en in pairs:
                for path in (cs, en):
                    status, size, packed, maps = weigh(server.base, path, cache)
                    if status not in (200, 404):
                        sys.exit(f"{path}: {status}")
                    rows.append((size, packed, maps, path))
            heaviest = max(rows)
            print(f"{name:<14} {len(rows):>5} {heaviest[0] / 1024:>8.1f} KB "
                  f"{statistics.median(r[0] for r in rows) / 1024:>6.1f} KB "
                  f"{max(r[1] for r in rows) / 1024:>6.1f} KB {max(r[2] for r in rows) / 1024:>5.1f} KB"
                  f"  {heaviest[3]}")
            if heaviest[0] > BUDGET:
                over.append(f"{name}: {heaviest[3]} {heaviest[0]} bytes")
        print("budget ≤ 100 KB without the map: " + ("met" if not over else "OVER: " + "; ".join(over)))


if __name__ == "__main__":
    main()
