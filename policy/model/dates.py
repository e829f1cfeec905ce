"""The policy's calendar: a version takes effect at midnight in Kazakhstan (UTC+5)."""

from __future__ import annotations

import datetime
import os

from ..i18n.message import message

_HOURS = 5
KAZAKHSTAN = datetime.timezone(datetime.timedelta(hours=_HOURS))
"""A fixed offset: Kazakhstan has kept UTC+5 all year since 2024, without summer time."""
OFFSET = f"+{_HOURS:02}:00"
"""The same offset as feeds write it."""
YEARS = range(2000, 2101)
"""The years a version, or a day to build for, may have: every date the site works out (the day
before a version, a week later) stays a date, and a mistyped year is caught at once."""


class DateError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a number of seconds, or not a day in `YEARS`."""


def day(text: str) -> datetime.date:
    """A date given on the command line, `YYYY-MM-DD` in `YEARS`; ValueError otherwise."""
    date = datetime.date.fromisoformat(text)
    if date.year not in YEARS:
        raise ValueError(f"{date} is not between {YEARS[0]} and {YEARS[-1]}")
    return date


def today() -> datetime.date:
    """Kazakhstan's date now, or at SOURCE_DATE_EPOCH when it is set (reproducible builds).

    Every rule that depends on the day (which version is in force, whether a new version is
    backdated) uses this one date, whatever the time zone of the machine."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return datetime.datetime.now(KAZAKHSTAN).date()
    try:
        date = datetime.datetime.fromtimestamp(int(epoch), KAZAKHSTAN).date()
    except (ValueError, OverflowError, OSError) as exc:
        raise DateError(message("SOURCE_DATE_EPOCH=%(epoch)s is not a number of seconds since 1970; unset it or "
                                "correct it", epoch=repr(epoch))) from exc
    if date.year not in YEARS:
        raise DateError(message("SOURCE_DATE_EPOCH=%(epoch)s is the day %(date)s, not a day between %(first)s and "
                                "%(last)s; unset it or correct it", epoch=repr(epoch), date=date, first=YEARS[0],
                                last=YEARS[-1]))
    return date

