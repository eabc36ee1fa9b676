"""Publication dates as the inputs write them, read into ISO text (`2005-04-03`).

Understood forms:
- ISO: `2005-04-03`, `2005/4/3`, with a time after it (`2005-04-03T10:00:00Z`);
- numbers with the day and the month in the stated order: `03/04/2005`, `3.4.2005`,
  `03-04-2005` are 3 April 2005 read day first (`DAY_FIRST`, the default), 4 March
  read month first (`MONTH_FIRST`; `newsdesk import --date-order mdy`);
- month names: `3 April 2005`, `April 3, 2005`, `3 Apr 2005`, `26-FEB-1987`,
  `Sun, 03 Apr 2005 10:00:00 GMT`, and a whole month or year (`April 2005` ->
  `2005-04`, `2005`).

A date that cannot be read, or that does not exist (`2005-02-30`, `31/04/2005`),
raises `DateError` saying why: the importer warns naming the record and imports the
article without a date; it never drops one silently.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

DAY_FIRST = "dmy"
MONTH_FIRST = "mdy"
DATE_ORDERS = (DAY_FIRST, MONTH_FIRST)

_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T ]\S*)")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:$|[T ,]\s*\S*)")
_YEAR = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_NAMED_DASHED = re.compile(r"^(\d{1,2})-([A-Za-z]{3,9})-(\d{4})(?:$|\s)")
_PATTERNS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%b. %d, %Y")
_MONTH_PATTERNS = ("%B %Y", "%b %Y")


class DateError(ValueError):
    """A date that cannot be read, or does not exist; the message says which and why."""


def parse_date(value: str, order: str = DAY_FIRST) -> str:
    """ISO text (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for a whole month or year) for a
    date as people write it. Raises `DateError`."""
    if order not in DATE_ORDERS:
        raise ValueError(f"date order must be one of {', '.join(DATE_ORDERS)}, not {order!r}")
    text = " ".join(value.split())
    if not text:
        raise DateError("the date is empty")
    if _YEAR.match(text):
        return text
    if _YEAR_MONTH.match(text):
        if 1 <= int(text[5:7]) <= 12:
            return text
        raise DateError(f"{value!r} is not a date: there is no month {int(text[5:7])}")
    match = _ISO.match(text)
    if match:
        return _checked(value, int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _NUMERIC.match(text)
    if match:
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        day, month = (first, second) if order == DAY_FIRST else (second, first)
        other = "month first (--date-order mdy)" if order == DAY_FIRST else "day first (--date-order dmy)"
        reading = "day first" if order == DAY_FIRST else "month first"
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            hint = f"; if the file writes dates {other}, say so" if _exists(year, day, month) else ""
            raise DateError(f"{value!r} is not a date read {reading}{hint}") from None
    match = _NAMED_DASHED.match(text)
    if match:  # 26-FEB-1987, as the Reuters files write it
        text = f"{match.group(1)} {match.group(2).title()} {match.group(3)}"
    for pattern in _PATTERNS:
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            pass
    for pattern in _MONTH_PATTERNS:
        try:
            return dt.datetime.strptime(text, pattern).strftime("%Y-%m")
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date().isoformat()  # "Sun, 03 Apr 2005 10:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        pass
    raise DateError(f"{value!r} is not a date newsdesk can read; write it YYYY-MM-DD")


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _checked(value: str, year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as exc:
        raise DateError(f"{value!r} is not a date ({exc})") from None


def normalise_date(value: object, order: str = DAY_FIRST) -> str | None:
    """`parse_date` for a value that may be missing or not text: None when it cannot be read."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_date(value, order)
    except DateError:
        return None


def read_date(value: object, order: str, warnings: list[str]) -> str | None:
    """The date of a record's `date` field; a date that is there but cannot be read adds
    a warning (the article is imported without a date)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        warnings.append(f"date {value!r} is not text; imported without a date")
        return None
    try:
        return parse_date(value, order)
    except DateError as exc:
        warnings.append(f"{exc}; imported without a date")
        return None
