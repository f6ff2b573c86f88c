"""The month sign-off endpoints (``/api/v1/signoffs``): the chain of a month, and the decisions.

``GET`` answers the chain as far as the caller sees it (a coordinator its district and region, a
region user its region and districts, a national user or an admin every region, or one with
``region``). ``POST`` signs a month off or reopens it (see ``server.signoffs`` for who may, and
when); a village laptop takes no part (403).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Query, Request
from starlette.concurrency import run_in_threadpool

from server import signoffs
from server.accounts import now_utc
from server.app import Reader, Server, _body_schema
from server.bodies import read_model
from server.errors import ApiError
from server.reports import today_in_kazakhstan
from sync.protocol import API_PREFIX, Reason, Role, SignoffChain, SignoffRequest, SignoffResponse

MonthParam = Annotated[str, Query(pattern=r"^20[2-9][0-9]-(0[1-9]|1[0-2])$", description="YYYY-MM")]


def install_signoff_routes(app: FastAPI, server: Server) -> None:
    settings = server.settings

    @app.get(f"{API_PREFIX}/signoffs", response_model=SignoffChain)
    def signoff_chain(
        who: Reader,
        month: MonthParam,
        region: Annotated[
            str | None, Query(pattern=r"^[0-9]{9}$", description="KATO code of a region")
        ] = None,
    ) -> SignoffChain:
        """The month's chain: the ministry, the regions and the districts the caller sees, each signed
        or not (by whom, when) with what still stands in the way, and the sign-offs and reopenings."""
        tree = signoffs.Tree(server.kato)
        if region is not None:
            if who.role not in (Role.NATIONAL, Role.ADMIN):
                raise ApiError(403, Reason.FORBIDDEN, f"a {who.role.value} user sees its own region only")
            if not tree.takes_part(signoffs.SignoffLevel.REGION, region):
                raise ApiError(422, Reason.MALFORMED, f"{region} is not a region that reports in KATO")
        today = today_in_kazakhstan()
        return server.read(lambda conn: signoffs.chain_for(conn, server.kato, who, month, today, region))

    @app.post(
        f"{API_PREFIX}/signoffs", response_model=SignoffResponse, openapi_extra=_body_schema(SignoffRequest)
    )
    async def signoff_decision(request: Request, who: Reader) -> SignoffResponse:
        """Sign a month off at the caller's level, or reopen it with a reason. 409 ``not_ready`` says
        what stands in the way (pending records, records in conflict, okrugs that have not reported,
        districts or regions not signed yet, the month not over); 409 ``conflict``: the level above
        signed it too and reopens first."""
        asked = await read_model(
            request, SignoffRequest, settings.max_body_bytes, settings.max_decompressed_bytes
        )
        now = now_utc()
        today = today_in_kazakhstan()
        address = request.client.host if request.client else ""
        return await run_in_threadpool(
            server.write,
            lambda conn: signoffs.decide(conn, server.kato, who, asked, now, today, address),
        )
