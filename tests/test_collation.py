"""Names in the order of the Kazakh alphabet (which holds the Russian one), numbers as numbers."""

from __future__ import annotations

from fieldapp.collation import CYRILLIC_ORDER, sort_key, sorted_names


def test_the_kazakh_letters_have_their_places() -> None:
    names = ["Ярославка", "Қайнар", "Сақтан", "Көктал", "Әйтеке би", "Алмалы", "Іргелі", "Ынтымақ"]
    names += ["Ұзынағаш", "Үлкен", "Узынбулак", "Өрнек", "Орловка", "Һ", "Харьков", "Ғарыш", "Гулдала"]
    names += ["Жаңаталап", "Жалқамыс", "Жамбыл"]
    assert sorted(names, key=sort_key) == [
        "Алмалы",
        "Әйтеке би",
        "Гулдала",
        "Ғарыш",
        "Жалқамыс",
        "Жамбыл",
        "Жаңаталап",
        "Көктал",
        "Қайнар",
        "Орловка",
        "Өрнек",
        "Сақтан",
        "Узынбулак",
        "Ұзынағаш",
        "Үлкен",
        "Харьков",
        "Һ",
        "Ынтымақ",
        "Іргелі",
        "Ярославка",
    ]
    assert sorted(names) != sorted(names, key=sort_key)  # Python's own order puts Қ after Я


def test_the_russian_order_is_kept_within_it() -> None:
    russian = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    assert [c for c in CYRILLIC_ORDER if c in russian] == list(russian)
    assert sorted(["Ельник", "Ёлкино", "Жетысу", "ешки"], key=sort_key) == [
        "Ельник",
        "ешки",
        "Ёлкино",
        "Жетысу",
    ]


def test_case_numbers_spaces_and_old_look_alike_letters() -> None:
    assert sorted(["ауыл №10", "Ауыл №2", "ауыл №2"], key=sort_key) == ["Ауыл №2", "ауыл №2", "ауыл №10"]
    assert sorted(["Ақсу", "Ак су", "Ақ"], key=sort_key) == ["Ак су", "Ақ", "Ақсу"]
    assert sort_key("Ќарасу")[0] == sort_key("Қарасу")[0]  # the old fonts' Ќ is Қ
    assert sorted(["Zhetisu", "Almaty", "Астана"], key=sort_key) == ["Almaty", "Zhetisu", "Астана"]


def test_codes_in_the_order_of_their_names() -> None:
    assert sorted_names({"3": "Сақтан", "1": "Қайнар", "2": "Еркін"}) == ("2", "1", "3")
