"""``fieldapp-server signoff``: the month sign-off chain from the command line, for IT staff.

    fieldapp-server signoff show 2026-03 [--region 190000000] [--json]
    fieldapp-server signoff sign 2026-03 --level district --unit 196200000
    fieldapp-server signoff reopen 2026-03 --level district --unit 196200000 --reason "a late record"

``sign`` and ``reopen`` act as an admin (the audit log names ``cli:<user>``) with the same rules as
the API (``server.signoffs``): a refusal is printed with what stands in the way, exit 2.
"""

from __future__ import annotations

import argparse
import getpass
import json
import re

from pydantic import ValidationError
from sqlalchemy import Engine

from fieldapp.kato import default_kato
from server.accounts import Principal, now_utc
from server.errors import ApiError
from server.reports import today_in_kazakhstan
from server.signoffs import NATIONAL_UNIT, Tree, chain_for, decide
from sync.protocol import Role, SignoffChain, SignoffLevel, SignoffRequest, UnitSignoff

MONTH = re.compile(r"^20[2-9][0-9]-(0[1-9]|1[0-2])$")


class SignoffCliError(Exception):
    """A mistake in what was asked, or a refusal: printed, exit 2."""


def _month(text: str) -> str:
    if not MONTH.match(text):
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {text!r}")
    return text


def add_signoff_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    actions = sub.add_parser("signoff", help="the month sign-off chain: district → region → ministry")
    kinds = actions.add_subparsers(dest="action", required=True)
    show = kinds.add_parser("show", help="who has signed a month off, and what stands in the way")
    show.add_argument("month", type=_month, help="YYYY-MM")
    show.add_argument("--region", help="KATO code of a region: its districts too")
    show.add_argument("--json", action="store_true", help="the chain as the API answers it")
    show.add_argument("--lang", choices=["kk", "ru", "en"], default="ru", help="language of place names")
    for name, text in (
        ("sign", "sign a month off at a level (as an admin)"),
        ("reopen", "reopen it, with a reason"),
    ):
        parser = kinds.add_parser(name, help=text)
        parser.add_argument("month", type=_month, help="YYYY-MM")
        parser.add_argument("--level", choices=[level.value for level in SignoffLevel], required=True)
        parser.add_argument("--unit", help="KATO code of the district or region (none for national)")
        if name == "reopen":
            parser.add_argument("--reason", required=True, help="why: kept and shown at every level")


def run_signoff(args: argparse.Namespace, engine: Engine) -> int:
    kato = default_kato()
    today = today_in_kazakhstan()
    admin = Principal(Role.ADMIN, "cli", f"cli:{getpass.getuser()}")
    if args.action == "show":
        if args.region is not None and not Tree(kato).takes_part(SignoffLevel.REGION, args.region):
            raise SignoffCliError(f"{args.region} is not a region that reports in KATO")
        with engine.connect() as conn:
            chain = chain_for(conn, kato, admin, args.month, today, args.region)
        if not args.region:
            chain = chain.model_copy(update={"districts": []})
        if args.json:
            print(json.dumps(chain.model_dump(mode="json"), ensure_ascii=False, indent=2))
        else:
            _print_chain(chain, args.lang)
        return 0
    if args.level != "national" and not args.unit:
        raise SignoffCliError(f"name the {args.level} with --unit (its KATO code)")
    try:
        request = SignoffRequest(
            month=args.month,
            decision="sign" if args.action == "sign" else "reopen",
            level=SignoffLevel(args.level),
            unit=None if args.level == "national" else args.unit,
            reason=getattr(args, "reason", "") or "",
        )
    except ValidationError as exc:
        raise SignoffCliError(f"not a KATO code: {args.unit!r}") from exc
    try:
        with engine.begin() as conn:
            answer = decide(conn, kato, admin, request, now_utc(), today, address="cli")
    except ApiError as exc:
        details = "; ".join(f"{k}: {v}" for k, v in exc.details.get("blockers", {}).items())
        raise SignoffCliError(exc.message + (f" ({details})" if details else "")) from None
    done = (
        "already so"
        if answer.outcome.value == "already"
        else ("signed off" if request.decision == "sign" else "reopened")
    )
    print(f"{args.month} {args.level} {request.unit or NATIONAL_UNIT}: {done}")
    return 0


def _print_chain(chain: SignoffChain, lang: str) -> None:
    kato = default_kato()

    def name(code: str) -> str:
        if code == NATIONAL_UNIT:
            return "Kazakhstan"
        place = kato.get(code)
        return place.name(lang) if place else code

    def line(row: UnitSignoff) -> str:
        if row.signed:
            state = f"signed off by {row.signed_by} at {row.signed_at:%Y-%m-%d %H:%M} UTC"
        elif row.blockers:
            state = "waiting: " + ", ".join(f"{k} {v}" for k, v in row.blockers.items())
        else:
            state = "ready to sign off"
        return f"{row.level.value:9}  {row.unit:9}  {name(row.unit)[:40]:40}  {state}"

    print(f"month {chain.month}")
    for row in [chain.national, *chain.regions, *chain.districts]:
        print(line(row))
    for event in chain.events:
        why = f" — {event.reason}" if event.reason else ""
        what = f"{event.actor} {event.action} {event.level.value} {event.unit}"
        print(f"{event.at:%Y-%m-%d %H:%M} UTC  {what}{why}")
