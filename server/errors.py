"""Refusals with a machine-readable reason (``sync.protocol.Reason``) and an HTTP status."""

from __future__ import annotations

from typing import Any

from sync.protocol import ErrorBody, ErrorResponse, Reason


class ApiError(Exception):
    def __init__(self, status: int, reason: Reason, message: str, **details: Any) -> None:
        super().__init__(message)
        self.status, self.reason, self.message, self.details = status, reason, message, details

    def body(self) -> dict[str, Any]:
        return ErrorResponse(
            error=ErrorBody(reason=self.reason, message=self.message, details=self.details)
        ).model_dump(mode="json")
