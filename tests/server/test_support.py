"""The support contact IT staff set on the server (``TAZA_SERVER_SUPPORT_CONTACT``): in the
enrolment answer and in a pull to an app that asks (and knows another), never to an older app,
whose strict models would refuse the field."""

from __future__ import annotations

import pytest

from fieldapp.support import support_tag
from sync.protocol import EnrolResponse, PullResponse
from tests.records import OKRUG
from tests.server.live import LiveServer

CONTACT = "Талғар ауданы әкімдігі, IT: +7 727 745 12 34"


def enrol(server: LiveServer, **params: str) -> dict[str, object]:
    code = server.enrolment_code(OKRUG)
    answer = server.caller().post(
        "/enrol", params=params, json={"code": code, "device_name": "Қайнар", "app_version": "0.1.0"}
    )
    assert answer.status_code == 200, answer.text
    EnrolResponse.model_validate_json(answer.content)  # what this app reads
    return answer.json()


@pytest.mark.server_settings(support_contact=CONTACT)
def test_the_contact_goes_to_an_app_that_asks(sqlite_server: LiveServer) -> None:
    assert "support" not in enrol(sqlite_server)  # an older app does not ask
    assert enrol(sqlite_server, support="")["support"] == CONTACT
    laptop = sqlite_server.enrol(OKRUG)

    def pull(**params: str) -> dict[str, object]:
        answer = laptop.get("/pull", params=params)
        assert answer.status_code == 200, answer.text
        PullResponse.model_validate_json(answer.content)
        return answer.json()

    assert "support" not in pull()
    assert "support" not in pull(release="")  # asking of the release is not asking of this
    assert pull(support="")["support"] == CONTACT
    assert "support" not in pull(support=support_tag(CONTACT))  # it has this one already
    assert pull(support=support_tag("an older contact"))["support"] == CONTACT


def test_none_set_is_said_as_none(sqlite_server: LiveServer) -> None:
    assert enrol(sqlite_server, support="")["support"] == ""
    laptop = sqlite_server.enrol(OKRUG)
    assert "support" not in laptop.get("/pull", params={"support": ""}).json()  # knows none: nothing new
    assert laptop.get("/pull", params={"support": support_tag(CONTACT)}).json()["support"] == ""  # withdrawn
