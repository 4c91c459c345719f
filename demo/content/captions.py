"""Captions and alt texts of the demo illustrations, and the look (theme) of each kind.

The seeds carry no images, so every demo picture is a drawn, labelled illustration. Its
caption says so, and its alt text describes what is actually drawn: a coloured background,
one simple shape and the English words on it. No illustration depicts a person.
"""

from __future__ import annotations

from typing import NamedTuple

from aid.models import Sector
from demo.content import Text
from editorial.models import PhotoRole

CREDIT = "Körpü illustration"


class Theme(NamedTuple):
    """How one kind of illustration looks, and the words that describe it."""

    rgb: tuple[int, int, int]
    colour: Text  # uk: agrees with the neuter 'тло'
    shape: str  # a drawing in demo.illustrations
    shape_name: Text  # uk: genitive, after 'зображенням'; az: before 'təsviri'


def _theme(rgb: tuple[int, int, int], colour: Text, shape: str, shape_name: Text) -> Theme:
    return Theme(rgb, colour, shape, shape_name)


_AMBER = Text("amber", "бурштинове", "kəhrəba rəngli")
_BOX = Text("parcel box", "коробки", "bağlama qutusu")

SECTOR_THEMES: dict[str, Theme] = {
    Sector.ENERGY: _theme(
        (214, 150, 40), _AMBER, "bolt", Text("lightning bolt", "блискавки", "ildırım")
    ),
    Sector.DEMINING: _theme(
        (110, 120, 60),
        Text("olive green", "оливкове", "zeytuni"),
        "triangle",
        Text("warning triangle", "попереджувального трикутника", "xəbərdarlıq üçbucağı"),
    ),
    Sector.MEDICAL: _theme(
        (40, 140, 140),
        Text("teal", "бірюзове", "firuzəyi"),
        "plus",
        Text("plus sign", "знака «плюс»", "artı işarəsi"),
    ),
    Sector.FOOD_ESSENTIALS: _theme(
        (205, 175, 90), Text("wheat yellow", "пшенично-жовте", "buğda sarısı"), "box", _BOX
    ),
    Sector.FUEL: _theme(
        (80, 100, 140),
        Text("slate blue", "синьо-сіре", "boz-mavi"),
        "drop",
        Text("drop", "краплі", "damcı"),
    ),
    Sector.OTHER: _theme((90, 150, 200), Text("sky blue", "блакитне", "səma mavisi"), "box", _BOX),
}
SECTOR_THEMES[Sector.REHABILITATION] = SECTOR_THEMES[Sector.MEDICAL]
SECTOR_THEMES[Sector.RECONSTRUCTION] = SECTOR_THEMES[Sector.OTHER]

_TERRACOTTA = (176, 95, 70)
_TERRACOTTA_NAME = Text("terracotta", "теракотове", "terrakota rəngli")
_GREEN = (70, 130, 80)
_GREEN_NAME = Text("leaf green", "зелене", "yaşıl")

# Projects: (is it a park?, role) -> theme. Before and after differ in the drawing.
PROJECT_THEMES: dict[tuple[bool, str], Theme] = {
    (False, PhotoRole.BEFORE): _theme(
        _TERRACOTTA,
        _TERRACOTTA_NAME,
        "building_damaged",
        Text("damaged building", "пошкодженої будівлі", "zədələnmiş bina"),
    ),
    (False, PhotoRole.AFTER): _theme(
        _TERRACOTTA,
        _TERRACOTTA_NAME,
        "building",
        Text("whole building", "цілої будівлі", "bütöv bina"),
    ),
    (False, PhotoRole.GENERAL): _theme(
        _TERRACOTTA,
        _TERRACOTTA_NAME,
        "building_outline",
        Text(
            "dashed outline of a building",
            "пунктирного контуру будівлі",
            "binanın qırıq xətli konturu",
        ),
    ),
    (True, PhotoRole.BEFORE): _theme(
        _GREEN, _GREEN_NAME, "tree_bare", Text("bare tree", "голого дерева", "çılpaq ağac")
    ),
    (True, PhotoRole.AFTER): _theme(
        _GREEN, _GREEN_NAME, "tree", Text("leafy tree", "дерева з кроною", "yarpaqlı ağac")
    ),
    (True, PhotoRole.GENERAL): _theme(
        _GREEN, _GREEN_NAME, "tree", Text("leafy tree", "дерева з кроною", "yarpaqlı ağac")
    ),
}

GROUP_THEME = _theme(
    (150, 120, 180),
    Text("soft lilac", "бузкове", "yasəmən rəngli"),
    "sun",
    Text("sun over hills", "сонця над пагорбами", "təpələr üzərində günəş"),
)

PARTNERSHIP_THEME = _theme(
    (40, 70, 130),
    Text("deep blue", "темно-синє", "tünd göy"),
    "bridge",
    Text(
        "two circles joined by a bridge",
        "двох кіл, з'єднаних мостом",
        "körpü ilə birləşən iki dairə",
    ),
)

_CAPTION_LEAD: dict[str, Text] = {
    PhotoRole.GENERAL: Text("Illustration", "Ілюстрація", "İllüstrasiya"),
    PhotoRole.BEFORE: Text(
        "Before the work (illustration)",
        "До початку робіт (ілюстрація)",
        "İşlərdən əvvəl (illüstrasiya)",
    ),
    PhotoRole.AFTER: Text(
        "After the work (illustration)",
        "Після завершення робіт (ілюстрація)",
        "İşlərdən sonra (illüstrasiya)",
    ),
}


def caption(role: str, title: Text) -> Text:
    """Under the picture: what it illustrates, and that it is a drawing, not a photograph."""
    lead = _CAPTION_LEAD[role]
    return Text(
        f"{lead.en}: {title.en}. A drawing made for the demo, not a photograph.",
        f"{lead.uk}: {title.uk}. Малюнок для демонстрації, а не фотографія.",
        f"{lead.az}: {title.az}. Nümayiş üçün çəkilmiş rəsm, fotoşəkil deyil.",
    )


def alt_text(theme: Theme) -> Text:
    """What a screen reader says instead of the picture: exactly what is drawn on it."""
    colour, shape = theme.colour, theme.shape_name
    return Text(
        f"A drawn illustration, not a photograph: a {colour.en} background with a simple "
        f"{shape.en}, the English word 'Illustration', the item's title and 'Körpü demo'.",
        f"Намальована ілюстрація, не фотографія: {colour.uk} тло з простим зображенням "
        f"{shape.uk}, англійське слово «Illustration», назва запису та напис «Körpü demo».",
        f"Rəsm, fotoşəkil deyil: {colour.az} fonda sadə {shape.az} təsviri, ingiliscə "
        f"«Illustration» sözü, qeydin başlığı və «Körpü demo» yazısı.",
    )
