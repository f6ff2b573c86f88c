"""The consolidation endpoints (``/api/v1/reports/...``): totals for a period, and who has reported.

A coordinator sees its own district: with no ``district`` the report is of it, naming another
district (or a region it is not in) is refused with 403 and a line in the log, and grouping by
region or district still only sums its district's records. An admin sees everything and may narrow
by ``district`` and/or ``region``; so may a national user (the ministry). A region user sees its
oblast: with no ``region`` the report is of it, and a district or region outside it is refused with
403 like a coordinator's. Parameters that make no sense (an unknown grouping, an empty
period, a code that is not a district) get 422 with reason ``malformed``, like any other bad request.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, TypeVar

from fastapi import FastAPI, Query

from server import reports
from server.accounts import Principal
from server.app import Reader, Server
from server.errors import ApiError
from server.reports import ReportError, Scope
from sync.protocol import API_PREFIX, CompletenessResponse, Reason, Role, TotalsResponse

T = TypeVar("T")

KatoParam = Annotated[str | None, Query(pattern=r"^[0-9]{9}$", description="KATO code")]


def install_report_routes(app: FastAPI, server: Server) -> None:
    @app.get(f"{API_PREFIX}/reports/totals", response_model=TotalsResponse)
    def totals_report(
        who: Reader,
        start: Annotated[date, Query(description="first day of the period")],
        end: Annotated[date, Query(description="the day after the period (exclusive)")],
        group_by: Annotated[
            str, Query(max_length=200, description="comma-separated: " + ",".join(reports.GROUPS))
        ] = "",
        district: KatoParam = None,
        region: KatoParam = None,
        accepted_only: Annotated[bool, Query(description="count only accepted records")] = False,
    ) -> TotalsResponse:
        scope = _scope(server, who, district, region)
        query = _checked(
            lambda: reports.TotalsQuery(start, end, reports.parse_groups(group_by), scope, accepted_only)
        )
        reference = server.reference()
        return server.read(lambda conn: reports.totals(conn, query, server.kato, reference))

    @app.get(f"{API_PREFIX}/reports/completeness", response_model=CompletenessResponse)
    def completeness_report(
        who: Reader,
        year: Annotated[int | None, Query(ge=1900, le=2200, description="default: this year")] = None,
        district: KatoParam = None,
        region: KatoParam = None,
    ) -> CompletenessResponse:
        scope = _scope(server, who, district, region)
        today = reports.today_in_kazakhstan()
        chosen = year or today.year
        return _checked(
            lambda: server.read(lambda conn: reports.completeness(conn, chosen, scope, server.kato, today))
        )


def _checked(make: Callable[[], T]) -> T:
    try:
        return make()
    except ReportError as exc:
        raise ApiError(422, Reason.MALFORMED, str(exc)) from None


def _scope(server: Server, who: Principal, district: str | None, region: str | None) -> Scope:
    """The data the caller asked for, as far as it may see it."""
    asked = _checked(lambda: reports.check_scope(server.kato, district, region))
    if who.role in (Role.ADMIN, Role.NATIONAL):
        return asked
    if who.role is Role.REGION:
        return _region_scope(server, who, district, region)
    own = who.district
    if not own:
        raise ApiError(403, Reason.FORBIDDEN, "a coordinator without a district sees no reports")
    if district is not None and district != own:
        raise ApiError(
            403,
            Reason.FORBIDDEN,
            f"coordinator {who.name} of {own} asked for district {district}",
            district=district,
        )
    own_region = server.kato.region_of(own)
    if region is not None and (own_region is None or region != own_region.code):
        raise ApiError(
            403, Reason.FORBIDDEN, f"coordinator {who.name} of {own} asked for region {region}", region=region
        )
    return Scope(district=own, region=region)


def _region_scope(server: Server, who: Principal, district: str | None, region: str | None) -> Scope:
    own = who.region
    if not own:
        raise ApiError(403, Reason.FORBIDDEN, "a region user without a region sees no reports")
    if region is not None and region != own:
        raise ApiError(
            403, Reason.FORBIDDEN, f"region user {who.name} of {own} asked for region {region}", region=region
        )
    if district is not None:
        in_region = server.kato.region_of(district)
        if in_region is None or in_region.code != own:
            raise ApiError(
                403,
                Reason.FORBIDDEN,
                f"region user {who.name} of {own} asked for district {district} of another region",
                district=district,
            )
    return Scope(district=district, region=own)
