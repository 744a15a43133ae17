"""What a request can be refused with (请求错误), and how each is shown.

Routes raise :class:`WebProblem` subclasses (or let a :class:`~luoshi.errors.LuoshiError`
through); :func:`install_handlers` turns each into one shape: a page for a browser, and for
``/api/`` paths the JSON ``{"error": {"status", "code", "message", "hint"}}``.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from luoshi.errors import LuoshiError, NotFound

__all__ = ["WebProblem", "Forbidden", "NotFoundProblem", "LoginRequired", "CsrfFailed", "install_handlers"]


class WebProblem(Exception):
    """A refused request: HTTP status, a catalogue key, and details."""

    status = 400
    code = "bad_request"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail)
        self.detail = detail


class Forbidden(WebProblem):
    status = 403
    code = "forbidden"


class CsrfFailed(WebProblem):
    status = 403
    code = "csrf_failed"


class NotFoundProblem(WebProblem):
    status = 404
    code = "not_found"


class LoginRequired(WebProblem):
    status = 401
    code = "login"


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _json(status: int, code: str, message: str, hint: str = "") -> JSONResponse:
    return JSONResponse(
        {"error": {"status": status, "code": code, "message": message, "hint": hint}}, status_code=status
    )


def install_handlers(app: FastAPI) -> None:
    """Register the handlers: one page shape, one JSON shape."""
    from luoshi.web.render import error_page

    async def web_problem(request: Request, problem: Exception) -> Response:
        assert isinstance(problem, WebProblem)
        if isinstance(problem, LoginRequired) and not _is_api(request):
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        if _is_api(request):
            return _json(problem.status, problem.code, problem.detail or problem.code)
        return error_page(request, problem.status, problem.code, problem.detail)

    async def luoshi_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, LuoshiError)
        status = 404 if isinstance(error, NotFound) else 400
        problems = [str(p) for p in getattr(error, "problems", ())]
        if _is_api(request):
            response = _json(status, type(error).__name__, error.message, error.hint)
            if problems:
                import json

                body = json.loads(bytes(response.body))
                body["error"]["problems"] = problems
                response = JSONResponse(body, status_code=status)
            return response
        return error_page(request, status, "error", error.message, hint=error.hint, problems=problems)

    app.add_exception_handler(WebProblem, web_problem)
    app.add_exception_handler(LuoshiError, luoshi_error)
