"""Pagination of every API list (`Paged`: ?limit= at most 100, ?offset= at most MAX_OFFSET), and lists whose
items are shaped by a payload function (`Mapped`: ninja slices and counts the queryset, only the page's rows
are read and turned into JSON)."""
from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

# A deeper offset makes the database skip that many rows for nothing a person reads (filter instead), and past
# 2^63 it is a 500 in PostgreSQL.
MAX_OFFSET = 10_000


class Paged(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.NINJA_PAGINATION_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


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
