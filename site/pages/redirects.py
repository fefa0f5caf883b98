"""Wagtail's redirects, keeping the visitor's query string.

A page renamed or moved in the admin leaves a redirect from its old address (Wagtail creates it).
Wagtail's middleware answers with the redirect's target alone, so ``/en/metodbank/?q=truancy``
lost the search on its way to ``/en/method-bank/``. Here the visitor's query string is carried
over whenever the target has none of its own.
"""

from wagtail.contrib.redirects.middleware import RedirectMiddleware


class RedirectKeepingQueryMiddleware(RedirectMiddleware):
    def process_response(self, request, response):
        answer = super().process_response(request, response)
        query = request.META.get("QUERY_STRING", "")
        if answer is response or not query or answer.status_code not in (301, 302):
            return answer
        if "?" not in answer["Location"]:
            answer["Location"] = f"{answer['Location']}?{query}"
        return answer
