"""The method finder's facet index: every facet value as a bit set over the methods.

Row ``i`` of the index is the ``i``-th live method in Swedish title order, and a set of methods
is one Python integer with bit ``i`` set for row ``i``. OR within a facet, AND across facets and
the count of every facet value are then a few integer operations per facet value, and reading a
page of results in title order is reading the lowest set bits — the cost hardly grows with the
number of methods. The index is built once per process and content generation
(:class:`kcsite.pages.caching.ProcessMemo`).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Sum

from kcsite.pages.caching import ProcessMemo

from . import taxonomy

ROW_FIELDS = ["pk", "title", "first_published_at"] + [facet.field for facet in taxonomy.FACETS]
SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})
NOT_YET_PUBLISHED = datetime.datetime.max.replace(tzinfo=datetime.UTC)


def title_key(title):
    """Sort key putting å, ä, ö after z, as in Swedish."""
    return title.lower().translate(SWEDISH_ORDER)


def set_bits(mask):
    """Positions of the set bits of ``mask``, lowest first."""
    digits = bin(mask)[:1:-1]  # least significant digit first, without the "0b" prefix
    return [position for position, digit in enumerate(digits) if digit == "1"]


@dataclass(frozen=True)
class FacetIndex:
    rows: list  # facet rows (dicts of ROW_FIELDS), in title order
    position: dict  # pk -> row number
    masks: dict  # facet param -> {code: bit set of the rows with that code}
    newest_first: list  # row numbers, most recently first published first (ties by title)

    @classmethod
    def build(cls, rows):
        rows = sorted(rows, key=lambda row: title_key(row["title"]))
        masks = {facet.param: dict.fromkeys(facet.codes, 0) for facet in taxonomy.FACETS}
        for number, row in enumerate(rows):
            bit = 1 << number
            for facet in taxonomy.FACETS:
                facet_masks = masks[facet.param]
                for code in facet.values_of(row):
                    if code in facet_masks:
                        facet_masks[code] |= bit
        newest_first = sorted(
            range(len(rows)),
            key=lambda number: rows[number]["first_published_at"] or NOT_YET_PUBLISHED,
            reverse=True,
        )
        return cls(
            rows=rows,
            position={row["pk"]: number for number, row in enumerate(rows)},
            masks=masks,
            newest_first=newest_first,
        )

    @property
    def everything(self):
        return (1 << len(self.rows)) - 1

    def mask_of(self, pks):
        """The bit set of the methods with these primary keys (unknown ones are left out)."""
        mask = 0
        for pk in pks:
            number = self.position.get(pk)
            if number is not None:
                mask |= 1 << number
        return mask

    def narrow(self, base, selected):
        """Apply the selected facet codes to the rows in ``base``.

        Returns ``(matching, counts)``: the rows that match every selected facet (OR within a
        facet, AND across facets), and for each facet param and code the number of rows of
        ``base`` with that code that match every *other* selected facet — what a visitor gets
        when ticking that box next."""
        chosen = {}
        for param, codes in selected.items():
            mask = 0
            for code in codes:
                mask |= self.masks[param].get(code, 0)
            chosen[param] = mask
        counts = {}
        for param, code_masks in self.masks.items():
            others = base
            for other_param, mask in chosen.items():
                if other_param != param:
                    others &= mask
            counts[param] = {code: (others & mask).bit_count() for code, mask in code_masks.items()}
        matching = base
        for mask in chosen.values():
            matching &= mask
        return matching, counts

    def points(self, weighted_codes):
        """Row number -> the sum of ``weight`` over the ``(param, code, weight)`` entries whose
        code the row has (rows with none are left out)."""
        points = {}
        for param, code, weight in weighted_codes:
            for number in set_bits(self.masks[param].get(code, 0)):
                points[number] = points.get(number, 0) + weight
        return points

    def ordered(self, matching, sort, ranked_pks=()):
        """Row numbers of ``matching`` in the order of ``sort`` ("relevance" follows
        ``ranked_pks``, best first)."""
        if sort == "relevance":
            members = set(set_bits(matching))
            numbers = (self.position.get(pk) for pk in ranked_pks)
            return [number for number in numbers if number in members]
        if sort == "newest":
            members = set(set_bits(matching))
            return [number for number in self.newest_first if number in members]
        return set_bits(matching)


_INDEXES = {}  # finder pk -> (ProcessMemo, [the finder page as last passed in])


def facet_index(finder):
    """The facet index of the live, public methods under ``finder`` (kept per process)."""
    entry = _INDEXES.get(finder.pk)
    if entry is None:
        current = [finder]
        memo = ProcessMemo(
            build=lambda _version: FacetIndex.build(list(current[0].methods().values(*ROW_FIELDS))),
            db_version=lambda: (
                current[0]
                .methods()
                .aggregate(n=Count("pk"), s=Sum("pk"), t=Max("last_published_at"))
            ),
        )
        entry = _INDEXES[finder.pk] = (memo, current)
    memo, current = entry
    current[0] = finder  # a moved finder page has a new tree path
    return memo.get()
