"""The one way to cut a listing into pages: a bad or too high page number never errors."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(items, page_number, per_page):
    """The ``Page`` of ``items`` numbered ``page_number``: the first page when the number is
    missing or not a number, the last when it is past the end (``page.paginator`` has the
    count)."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(page_number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
