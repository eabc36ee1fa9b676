"""Timelines: how many passages (or quotes) fall in each day, week, month or year.

The unit is chosen from the span of the dates unless asked for: up to two months
by day, up to a year by week (Monday to Sunday), up to six years by month, then by
year. Buckets run from the first dated period to the last, empty ones included,
so a chart of them is true to time. Passages of undated articles are counted
apart. An article dated only by year or month counts on its first day (that is
where `date:` finds it too).
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from store.index.collect import UNDATED
from store.index.forward import IntArray
from store.views import Timeline, TimelineBucket

UNITS = ("day", "week", "month", "year")
EPOCH = date(1970, 1, 1).toordinal()
DAY_UP_TO = 62
WEEK_UP_TO = 366
MONTH_UP_TO = 366 * 6


def choose_unit(first: int, last: int) -> str:
    """The unit for dates from day number `first` to `last`."""
    span = last - first
    if span <= DAY_UP_TO:
        return "day"
    if span <= WEEK_UP_TO:
        return "week"
    if span <= MONTH_UP_TO:
        return "month"
    return "year"


def timeline(days: IntArray, query: str, by: str | None = None, counts: str = "passages") -> Timeline:
    """The timeline of items dated by `days` (day numbers, UNDATED for none)."""
    if by is not None and by not in UNITS:
        raise ValueError(f"by must be one of {', '.join(UNITS)}, not {by!r}")
    undated_mask = days == UNDATED
    undated = int(undated_mask.sum())
    dated = days[~undated_mask]
    if not len(dated):
        return Timeline(query, by or "month", int(len(days)), undated, [], counts)
    unit = by or choose_unit(int(dated.min()), int(dated.max()))
    starts = _period_starts(dated, unit)
    low = int(starts.min())
    per_day = np.bincount(starts - low)
    values = np.flatnonzero(per_day) + low
    tally = dict(zip(values.tolist(), per_day[values - low].tolist(), strict=True))
    buckets = []
    period = date.fromordinal(int(values[0]))
    last = date.fromordinal(int(values[-1]))
    while period <= last:
        after = _next(period, unit)
        buckets.append(
            TimelineBucket(
                start=period.isoformat(),
                end=(after - timedelta(days=1)).isoformat(),
                count=int(tally.get(period.toordinal(), 0)),
                clause=date_clause(period, unit),
            )
        )
        period = after
    return Timeline(query, unit, int(len(days)), undated, buckets, counts)


def _period_starts(days: IntArray, unit: str) -> IntArray:
    """The day number of the first day of each day's period."""
    if unit == "day":
        return days
    if unit == "week":
        return days - (days - EPOCH + 3) % 7  # 1970-01-01 was a Thursday
    as_dates = (days - EPOCH).astype("datetime64[D]")
    coarse = as_dates.astype("datetime64[M]" if unit == "month" else "datetime64[Y]")
    return coarse.astype("datetime64[D]").astype(np.int64) + EPOCH


def _next(period: date, unit: str) -> date:
    if unit == "day":
        return period + timedelta(days=1)
    if unit == "week":
        return period + timedelta(days=7)
    if unit == "month":
        return date(period.year + period.month // 12, period.month % 12 + 1, 1)
    return date(period.year + 1, 1, 1)


def date_clause(period: date, unit: str) -> str:
    """The query clause selecting the period: date:2019-06, date:[2019-06-03 to 2019-06-09], ..."""
    if unit == "day":
        return f"date:{period.isoformat()}"
    if unit == "week":
        return f"date:[{period.isoformat()} to {(period + timedelta(days=6)).isoformat()}]"
    if unit == "month":
        return f"date:{period.isoformat()[:7]}"
    return f"date:{period.year}"
