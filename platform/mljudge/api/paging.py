"""Lists for @paginate whose items are shaped by a payload function: ninja slices and counts the queryset,
only the page's rows are read and turned into JSON."""
from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet


class Mapped:
    """A queryset whose items come out through `shape` (ninja's pagination needs only slicing and a count)."""

    def __init__(self, queryset: QuerySet, shape: Callable):
        self.queryset = queryset
        self.shape = shape

    def all(self) -> Mapped:   # LimitOffsetPagination counts with queryset.all().count()
        return self

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, page: slice) -> list:
        return [self.shape(item) for item in self.queryset[page]]
