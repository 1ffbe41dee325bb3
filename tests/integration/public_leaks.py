"""What the public must never see, and a detector that finds it in any answer.

`Secrets` holds what stays out of every public page and public API answer: the streets,
points and municipalities of cards with a confidential address, the cards that are not
published, the contacts not marked public, the internal records' texts (meetings, needs,
strategy, …) and actors' notes. test_public_leaks.py fills it as an admin from the
database of a demo server. `LeakDetector` looks for them in a body in every form they
could take there: HTML-escaped, JSON-escaped, percent-encoded, a coordinate with a decimal
point or a decimal comma, rounded or cut to a few digits, a phone number spaced any way.

Kept apart from the crawl so that the detector itself is tested on planted leaks
without a server (LeakDetectorTest in test_public_leaks.py)."""

import html
import json
import re
import urllib.parse

# A decimal number with at least three decimals, with a point or a Czech comma, not part
# of a longer run of digits (a version "1.2.3" or a date would not match three decimals).
DECIMAL = re.compile(r"(?<![\d.])(-?\d{1,3})[.,](\d{3,})(?!\d)")
# Coordinates that belong together (a JSON pair, "49.95, 15.79", a map link's mlat/mlon)
# lie within this many characters of each other.
PAIR_SPAN = 80
# Three decimals are ~100 m: enough to point at a building in a village.
MIN_PAIR_DECIMALS = 3
# One coordinate alone, to ~1 m, already names the place.
MIN_SINGLE_DECIMALS = 5
PHONE_RUN = re.compile(r"\+?\d[\d \u00a0./-]{7,}\d")
CARD_LINK = re.compile(r"/(?:verejne/sluzba|en/public/service)/(\d+)(?!\d)")
WORD = re.compile(r"\w+")


def decoded(body):
    """The body as a reader sees it: HTML entities, JSON \\u escapes, %-encoding and a PDF's
    hyphenation undone, every run of white space (a line break, a no-break space) one space."""
    text = html.unescape(body)
    text = re.sub("\u00ad\\s*", "", text)  # a soft hyphen, and the line break a PDF put after it
    if "\\" in text:
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
        text = text.replace("\\/", "/").replace('\\"', '"')
    if "%" in text:
        text = urllib.parse.unquote(text)
    return re.sub(r"\s+", " ", text)


def digits(phone):
    """The national number of a phone (its last nine digits), or "" when it has fewer."""
    d = re.sub(r"\D", "", phone)
    return d[-9:] if len(d) >= 9 else ""


def matches(number, coordinate):
    """Whether `number` — (integer digits, decimal digits) as written — is `coordinate`
    rounded or cut to as many decimals as it has."""
    whole, frac = number
    value = float(f"{whole}.{frac}")
    step = 10.0 ** -len(frac)
    if abs(value - coordinate) <= step / 2 + 1e-12:
        return True
    return (value < 0) == (coordinate < 0) and 0 <= abs(coordinate) - abs(value) < step


def longest_word(text):
    words = WORD.findall(text)
    return max(words, key=len) if words else text


class Secrets:
    """What no public answer may hold; filled by its user."""

    def __init__(self):
        self.literals = {}  # text → what it is ("the street of confidential card 12", …)
        self.points = []  # (lat, lon, what) of confidential delivery locations
        # Public points (municipality centres, actors' seats, other cards' places): a
        # rounding of a confidential point that also names one of them tells nothing.
        self.public_points = []
        # card id → the names and codes of the municipalities where it is, which its own
        # page and record must not show either
        self.card_places = {}
        self.unpublished = set()  # ids of cards that are not published
        self.phones = {}  # national number of an internal contact → what it is
        self._by_word = None

    def add(self, text, what):
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            self.literals.setdefault(text, what)
            self._by_word = None

    def by_word(self):
        """The literals by their longest word: a body is searched for a literal only when
        it holds that word, so thousands of texts cost a set lookup each."""
        if self._by_word is None:
            self._by_word = {}
            for text in self.literals:
                self._by_word.setdefault(longest_word(text), []).append(text)
        return self._by_word


class LeakDetector:
    """Finds secrets in answers: find(body) → what leaked, described, or []."""

    def __init__(self, secrets):
        self.s = secrets

    def find(self, body, card_id=None):
        """What of the secrets `body` holds. `card_id`: the body is that card's own page
        or record, where the municipality of its confidential place must not show."""
        text = decoded(body)
        found = self._literals(text) + self._coordinates(text) + self._phones(text)
        found += [f"a link to the unpublished card {i}" for i in
                  {int(m.group(1)) for m in CARD_LINK.finditer(text)} if i in self.s.unpublished]
        if card_id is not None:
            found += self._places(text, card_id)
        found += self._in_json(body)
        return sorted(set(found))

    def _literals(self, text):
        words = set(WORD.findall(text))
        return [f"{self.s.literals[t]}: {t!r}" for word, texts in self.s.by_word().items()
                if word in words for t in texts if t in text]

    def _places(self, text, card_id):
        return [f"the municipality {word!r} of confidential card {card_id}"
                for word in self.s.card_places.get(card_id, ())
                if re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)]

    def _coordinates(self, text):
        numbers = [(m.start(), (m.group(1), m.group(2))) for m in DECIMAL.finditer(text)]
        found = []
        for lat, lon, what in self.s.points:
            lats = [(at, n) for at, n in numbers if matches(n, lat)]
            lons = [(at, n) for at, n in numbers if matches(n, lon)]
            for axis, hits in ((0, lats), (1, lons)):
                for _, n in hits:
                    if len(n[1]) >= MIN_SINGLE_DECIMALS and \
                            not any(matches(n, p[axis]) for p in self.s.public_points):
                        found.append(f"the coordinate {n[0]}.{n[1]} of {what}")
            for a, na in lats:
                for b, nb in lons:
                    if abs(a - b) <= PAIR_SPAN and \
                            min(len(na[1]), len(nb[1])) >= MIN_PAIR_DECIMALS and \
                            not any(matches(na, p[0]) and matches(nb, p[1])
                                    for p in self.s.public_points):
                        found.append(f"the point {na[0]}.{na[1]}, {nb[0]}.{nb[1]} of {what}")
        return found

    def _phones(self, text):
        if not self.s.phones:
            return []
        return [f"{self.s.phones[d]}: {d}" for d in
                {digits(m.group(0)) for m in PHONE_RUN.finditer(text)} if d in self.s.phones]

    def _in_json(self, body):
        """In a JSON answer: a card object (or GeoJSON feature) of an unpublished card, and
        the municipality of a confidential card in that card's own object."""
        if not body.lstrip().startswith(("{", "[")):
            return []
        try:
            doc = json.loads(body)
        except ValueError:
            return []
        found = []

        def walk(x):
            if isinstance(x, dict):
                card = x.get("properties") if x.get("type") == "Feature" else x
                if isinstance(card, dict) and isinstance(card.get("id"), int) and \
                        ("service_type" in card or "actor_id" in card):
                    if card["id"] in self.s.unpublished:
                        found.append(f"the unpublished card {card['id']} in JSON")
                    if card["id"] in self.s.card_places:
                        found.extend(self._places(decoded(json.dumps(x, ensure_ascii=False)),
                                                  card["id"]))
                for v in x.values():
                    walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
        walk(doc)
        return found
