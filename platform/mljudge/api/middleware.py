from mljudge.core.ratelimits import client_ip

from .services import token_use_record


class TokenUseMiddleware:
    """Writes the usage log of the token a request was authenticated with (api.auth sets request.api_token),
    once its response status is known."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token = getattr(request, "api_token", None)
        # A refused flood (429) is not logged row by row: the limit already bounds it, the log would not be.
        if token is not None and response.status_code != 429:
            token_use_record(token=token, method=request.method, path=request.path, status=response.status_code,
                             ip=client_ip(request))
        return response
