"""The Local Offer shortlist lives in its own signed cookie for 90 days, so a family's list
survives closing the browser (the session ends after 30 minutes unused). It holds only service
ids, which are public; signing stops a page elsewhere from planting a list."""

from datetime import timedelta

from django.conf import settings

from opensend.directory import shortlist

COOKIE = "local_offer_shortlist"
SALT = "opensend.local-offer.shortlist"
MAX_AGE = int(timedelta(days=90).total_seconds())
PREFIX = "/local-offer/"


class ShortlistStore(dict):
    """The shortlist as `shortlist` reads and writes it, noting whether it changed."""

    modified = False

    def __setitem__(self, key, value):
        self.modified = True
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self.modified = True
        super().__delitem__(key)


def cookie_value(ids) -> str:
    """The ids joined by dots: a comma would make the cookie a quoted string."""
    return shortlist.share_value(ids).replace(",", ".")


def read_store(value: str) -> ShortlistStore:
    ids = shortlist.parse_ids(value.replace(".", ","))
    store = ShortlistStore()
    if ids:
        dict.__setitem__(store, shortlist.SESSION_KEY, [str(i) for i in ids])
    return store


class ShortlistCookieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        value = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE)
        store = request.local_offer_shortlist = read_store(value)
        response = self.get_response(request)
        if store.modified:
            chosen = cookie_value(shortlist.ids(store))
            if chosen:
                response.set_signed_cookie(
                    COOKIE,
                    chosen,
                    salt=SALT,
                    max_age=MAX_AGE,
                    path=PREFIX,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            else:
                response.delete_cookie(COOKIE, path=PREFIX, samesite="Lax")
        return response
