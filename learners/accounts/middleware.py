from django.utils.cache import patch_cache_control


class PrivateWhenSignedInMiddleware:
    """Keeps what a signed-in person is shown out of every cache.

    Pages for a signed-in user hold their name, progress, results or, for
    staff, other people's. A response that chose its own caching, such as the
    public verification page, keeps what it chose.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, private=True, no_store=True)
        return response
