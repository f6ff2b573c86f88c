"""Plausible clean-up records for demos, benchmarks and tests.

The figures follow the programme's 2025 averages (about 0.12 t and 0.16 ha per participant) with
the spread real villages show, and the campaigns follow their seasons: «Марш парков» from late
March to early June, World Clean-up Day on the third Saturday of September, subbotniks in spring
and autumn. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from fieldapp.kato import Kato
from fieldapp.models import CleanupAction, PhotoRef, PhotoRole, Status, utc_now
from fieldapp.reference import ReferenceData

if TYPE_CHECKING:
    from fieldapp.photo_library import PhotoLibrary
    from fieldapp.store import Store

_PLACES = (
    ("Орталық саябақ", "Центральный парк"),
    ("Мектеп маңы", "Территория школы"),
    ("Өзен жағасы", "Берег реки"),
    ("Зират маңы", "Территория кладбища"),
    ("Жол бойы", "Вдоль дороги"),
    ("Стадион", "Стадион"),
    ("Ауыл кіреберісі", "Въезд в село"),
)
_REPORTERS = ("А. Сәрсенова", "Б. Жұмабаев", "Е. Ким", "Г. Нұрланқызы", "С. Петренко")


def world_cleanup_day(year: int) -> date:
    """The third Saturday of September."""
    first = date(year, 9, 1)
    return first + timedelta(days=(5 - first.weekday()) % 7 + 14)


def _date_for(campaign: str, rng: random.Random, start: date, end: date) -> date:
    for _ in range(20):
        year = rng.randint(start.year, end.year)
        if campaign == "world_cleanup_day":
            day = world_cleanup_day(year)
        elif campaign == "march_of_parks":
            day = date(year, 3, 22) + timedelta(days=rng.randint(0, 75))
        elif campaign == "tree_planting":
            day = rng.choice((date(year, 4, 1), date(year, 10, 1))) + timedelta(days=rng.randint(0, 45))
        elif campaign in ("taza_aula", "ulgili_auyl"):
            day = date(year, 5, 15) + timedelta(days=rng.randint(0, 120))
        else:
            day = date(year, 3, 15) + timedelta(days=rng.randint(0, 230))
        if start <= day <= end:
            return day
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def demo_actions(
    kato: Kato,
    reference: ReferenceData,
    okrugs: Sequence[str],
    count: int,
    *,
    seed: int = 2025,
    start: date = date(2024, 3, 1),
    end: date | None = None,
    fractions_per_action: int | None = None,
    photos: Sequence[str] = (),
    photos_per_action: int = 0,
    reporters: Sequence[str] = _REPORTERS,
) -> Iterator[CleanupAction]:
    """``count`` first revisions spread over the settlements of ``okrugs``."""
    rng = random.Random(seed)
    end = end or date.today()
    settlements = {ok: [p.code for p in kato.settlements(ok)] or [ok] for ok in okrugs}
    campaigns = [c.code for c in reference.active_campaigns()]
    weights = [6 if c == "subbotnik" else 2 for c in campaigns]
    fractions = [f.code for f in reference.active_fractions()]
    roles = list(PhotoRole)
    for _ in range(count):
        okrug = rng.choice(okrugs)
        campaign = rng.choices(campaigns, weights)[0]
        day = _date_for(campaign, rng, start, end)
        people = max(1, int(rng.lognormvariate(3.6, 0.8)))
        n_fractions = fractions_per_action or rng.randint(1, 4)
        chosen = ["mixed", *rng.sample([f for f in fractions if f != "mixed"], n_fractions - 1)]
        total_kg = people * rng.uniform(40, 250)
        shares = [rng.random() + 0.2 for _ in chosen]
        waste = [
            {"fraction": f, "kg": max(1, round(total_kg * s / sum(shares)))}
            for f, s in zip(chosen, shares, strict=True)
        ]
        area = round(people * rng.uniform(300, 3000), -2) if rng.random() < 0.8 else 0
        trees = rng.randint(5, 200) if campaign == "tree_planting" else 0
        picked = rng.sample(list(photos), min(photos_per_action, len(photos)))
        stamp = datetime.combine(day, time(18, 0), UTC) - timedelta(hours=5)
        place_kk, place_ru = rng.choice(_PLACES)
        yield CleanupAction.new(
            now=min(stamp + timedelta(seconds=rng.randint(0, 3 * 86400)), utc_now()),
            okrug=okrug,
            settlement=rng.choice(settlements[okrug]),
            action_date=day,
            campaign=campaign,
            place=rng.choice((place_kk, place_ru)),
            participants=people,
            waste=waste,
            area_m2=int(area),
            trees=trees,
            reporter=rng.choice(reporters),
            photos=[PhotoRef(sha256=h, role=rng.choice(roles)) for h in picked],
            status=Status.READY,
        )


# -- a demo laptop ---------------------------------------------------------------------------------

DEMO_OKRUG = "196247000"  # Қайнар а.о., Талғар ауданы, Алматы облысы: 10 settlements
_DEMO_GPS = (43.331, 77.301)


def demo_photo(index: int, taken: date | None = None) -> bytes:
    """A small synthetic field photo (sky, steppe, filled bags) with EXIF time and GPS; taken on
    ``taken`` (in the morning), else on a day of the 2025 season."""
    import io

    from PIL import Image, ImageDraw

    rng = random.Random(index)
    width, height = 1200, 900
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = rng.randint(330, 480)
    for y in range(horizon):
        shade = int(150 + 90 * y / horizon)
        draw.line([(0, y), (width, y)], fill=(shade - 60, shade - 20, 255))
    ground = (rng.randint(90, 130), rng.randint(120, 160), rng.randint(50, 80))
    draw.rectangle([0, horizon, width, height], fill=ground)
    for _ in range(rng.randint(3, 9)):
        x, y = rng.randint(50, width - 150), rng.randint(horizon + 40, height - 120)
        size = rng.randint(60, 110)
        colour = rng.choice(((30, 30, 30), (40, 90, 200), (230, 230, 230), (210, 120, 40)))
        draw.ellipse([x, y, x + size, y + int(size * 1.2)], fill=colour, outline=(10, 10, 10))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    lat, lon = _DEMO_GPS[0] + rng.uniform(-0.03, 0.03), _DEMO_GPS[1] + rng.uniform(-0.03, 0.03)
    gps.update({1: "N", 2: _dms(lat), 3: "E", 4: _dms(lon)})
    day = taken or date(2025, rng.randint(4, 9), rng.randint(10, 28))
    exif.get_ifd(0x8769)[0x9003] = f"{day:%Y:%m:%d} 11:{rng.randint(10, 59)}:00"
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return (float(degrees), float(minutes), seconds)


def seed_demo(
    store: Store, library: PhotoLibrary, okrug: str, count: int, *, photos: int = 24, reviewed: bool = True
) -> int:
    """Fill a demo laptop: ``count`` records over the last two seasons, some with photos (at most
    ``photos``, a before and an after taken on each photographed action's day: a photo dated far
    from its record's day would be warned about), a few drafts. Marks the store as a demo so that
    real data is never mixed in by accident.
    ``reviewed``: the older records as if sent and reviewed already (a demo with no server); else
    they wait to be sent, for a demo server to receive and its coordinator to review."""
    from fieldapp.kato import default_kato
    from fieldapp.reference import default_reference

    store.set_meta("demo", "1")
    today = date.today()
    records = list(
        demo_actions(
            default_kato(),
            default_reference(),
            [okrug],
            count,
            seed=count,
            start=date(today.year - 1, 3, 1),
            end=today,
        )
    )
    rng = random.Random(count)
    taken: dict[date, list[PhotoRef]] = {}  # the photos of each day photographed
    for i, action in enumerate(records):
        day = action.action_date
        if i % 3 == 0 and (day in taken or len(taken) * 2 < photos):  # most records carry none
            if day not in taken:
                taken[day] = []
                for role in (PhotoRole.BEFORE, PhotoRole.AFTER):
                    index = len(taken) * 2 + len(taken[day])
                    info = library.import_bytes(demo_photo(index, day), f"IMG_{day:%Y%m%d}_{index:04d}.jpg")
                    store.add_photo(info)
                    taken[day].append(PhotoRef(sha256=info.sha256, role=role))
            action = action.model_copy(update={"photos": tuple(taken[day])})
        if rng.random() < 0.1:
            action = action.model_copy(update={"status": Status.DRAFT})
        records[i] = action
    store.save_many(records)
    if reviewed:
        _simulate_review(store, records, rng, today)
    return len(records)


_DEMO_COMMENTS = (
    "Фотосуреттер жоқ: акцияға дейінгі және кейінгі суреттерді қосыңыз.",
    "Укажите точное место проведения и количество участников — цифры не сходятся.",
    "Қалдық көлемі тым көп көрінеді, тексеріп қайта жіберіңіз.",
)


def _simulate_review(store: Store, records: list[CleanupAction], rng: random.Random, today: date) -> None:
    """What a district coordinator would have done with the older records: most accepted, a few
    returned with a comment (on a real laptop these come from the server)."""
    older = [r for r in records if r.status is Status.READY and (today - r.action_date).days > 30]
    returned = set(rng.sample(range(len(older)), min(3, len(older))))
    for index, record in enumerate(older):
        store.mark_sent(record.id, record.revision)
        for photo in record.photos:
            store.mark_photo_uploaded(photo.sha256)
        if index in returned:
            comment = _DEMO_COMMENTS[len(returned) % len(_DEMO_COMMENTS)]
            returned.discard(index)
            store.apply_review(record.id, record.revision, Status.RETURNED, comment)
        elif rng.random() < 0.85:
            store.apply_review(record.id, record.revision, Status.ACCEPTED, "")
