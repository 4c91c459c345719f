"""Organisations and places named in the seed texts.

Coordinates are approximate city centres (for regions: the regional centre), enough to put
a pin on a map; the seeds give none.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from demo.content import Text
from editorial.models import Organization, Place

GOV, COMPANY, AGENCY, NGO, INSTITUTION, CITY_HALL = (
    Organization.Kind.GOVERNMENT_BODY,
    Organization.Kind.STATE_COMPANY,
    Organization.Kind.AGENCY,
    Organization.Kind.NGO,
    Organization.Kind.INSTITUTION,
    Organization.Kind.MUNICIPALITY,
)

# slug -> fields; `name` is a Text.
ORGANIZATIONS: dict[str, dict[str, Any]] = {
    "government-of-azerbaijan": {
        "name": Text(
            "Government of the Republic of Azerbaijan",
            "Уряд Азербайджанської Республіки",
            "Azərbaycan Respublikasının Hökuməti",
        ),
        "kind": GOV,
        "country": "AZ",
    },
    "ministry-of-energy-azerbaijan": {
        "name": Text(
            "Ministry of Energy of the Republic of Azerbaijan",
            "Міністерство енергетики Азербайджанської Республіки",
            "Azərbaycan Respublikasının Energetika Nazirliyi",
        ),
        "kind": GOV,
        "country": "AZ",
    },
    "socar": {
        "name": Text(
            "State Oil Company of the Republic of Azerbaijan",
            "Державна нафтова компанія Азербайджанської Республіки",
            "Azərbaycan Respublikası Dövlət Neft Şirkəti",
        ),
        "acronym": "SOCAR",
        "kind": COMPANY,
        "country": "AZ",
    },
    "socar-ukraine": {
        # The Ukrainian subsidiary runs filling stations; the seeds call it SOCAR Ukraine.
        "name": Text("SOCAR Ukraine", "SOCAR Україна", "SOCAR Ukrayna"),
        "kind": COMPANY,
        "country": "UA",
    },
    "anama": {
        "name": Text(
            "Mine Action Agency of the Republic of Azerbaijan",
            "Агентство з розмінування Азербайджанської Республіки",
            "Azərbaycan Respublikasının Minatəmizləmə Agentliyi",
        ),
        "acronym": "ANAMA",
        "kind": AGENCY,
        "country": "AZ",
    },
    "state-emergency-service-of-ukraine": {
        "name": Text(
            "State Emergency Service of Ukraine",
            "Державна служба України з надзвичайних ситуацій",
            "Ukrayna Dövlət Fövqəladə Hallar Xidməti",
        ),
        "acronym": "SES",
        "kind": AGENCY,
        "country": "UA",
    },
    "embassy-of-azerbaijan-in-ukraine": {
        "name": Text(
            "Embassy of the Republic of Azerbaijan in Ukraine",
            "Посольство Азербайджанської Республіки в Україні",
            "Azərbaycan Respublikasının Ukraynadakı Səfirliyi",
        ),
        "kind": GOV,
        "country": "AZ",
    },
    "embassy-of-ukraine-in-azerbaijan": {
        "name": Text(
            "Embassy of Ukraine in the Republic of Azerbaijan",
            "Посольство України в Азербайджанській Республіці",
            "Ukraynanın Azərbaycan Respublikasındakı Səfirliyi",
        ),
        "kind": GOV,
        "country": "UA",
    },
    "irpin-city-council": {
        "name": Text("Irpin City Council", "Ірпінська міська рада", "İrpin Şəhər Şurası"),
        "kind": CITY_HALL,
        "country": "UA",
    },
    "kyiv-city-state-administration": {
        "name": Text(
            "Kyiv City State Administration",
            "Київська міська державна адміністрація",
            "Kiyev Şəhər Dövlət Administrasiyası",
        ),
        "kind": CITY_HALL,
        "country": "UA",
    },
    "national-library-of-ukraine-for-children": {
        "name": Text(
            "National Library of Ukraine for Children",
            "Національна бібліотека України для дітей",
            "Ukrayna Milli Uşaq Kitabxanası",
        ),
        "kind": INSTITUTION,
        "country": "UA",
    },
    "council-of-azerbaijanis-of-ukraine": {
        "name": Text(
            "Council of Azerbaijanis of Ukraine",
            "Рада азербайджанців України",
            "Ukrayna Azərbaycanlıları Şurası",
        ),
        "kind": NGO,
        "country": "UA",
    },
    "coordination-headquarters-prisoners-of-war": {
        "name": Text(
            "Coordinating Headquarters for the Treatment of Prisoners of War",
            "Координаційний штаб з питань поводження з військовополоненими",
            "Hərbi Əsirlərlə Rəftar üzrə Koordinasiya Qərargahı",
        ),
        "kind": GOV,
        "country": "UA",
    },
    "dity-help": {
        # The seed calls it "the Dity.Help platform" and says no more about who runs it.
        "name": Text("Dity.Help platform", "Платформа Dity.Help", "Dity.Help platforması"),
        "kind": INSTITUTION,
        "country": "UA",
    },
    "donors-in-azerbaijan": {
        # Not one body: the seeds credit "individuals and organisations in Azerbaijan" and
        # "NGOs and Azerbaijani diasporas". A funder is required, so they are named as such.
        "name": Text(
            "Private donors, NGOs and diaspora from Azerbaijan",
            "Приватні донори, громадські організації та діаспора з Азербайджану",
            "Azərbaycandan olan fərdi donorlar, QHT-lər və diaspor",
        ),
        "kind": NGO,
        "country": "AZ",
    },
}

CITY, REGION, COUNTRY = Place.Kind.CITY, Place.Kind.REGION, Place.Kind.COUNTRY


def _at(lat: str, lon: str) -> dict[str, Decimal]:
    return {"latitude": Decimal(lat), "longitude": Decimal(lon)}


# slug -> fields; `region` names another slug, so regions come before their cities.
PLACES: dict[str, dict[str, Any]] = {
    "ukraine": {
        "name": Text("Ukraine", "Україна", "Ukrayna"),
        "kind": COUNTRY,
        "country": "UA",
        **_at("49.0", "31.4"),
    },
    "azerbaijan": {
        "name": Text("Azerbaijan", "Азербайджан", "Azərbaycan"),
        "kind": COUNTRY,
        "country": "AZ",
        **_at("40.3", "47.7"),
    },
    "kyiv-region": {
        "name": Text("Kyiv region", "Київська область", "Kiyev vilayəti"),
        "kind": REGION,
        "country": "UA",
        **_at("50.4501", "30.5234"),
    },
    "sumy-region": {
        "name": Text("Sumy region", "Сумська область", "Sumı vilayəti"),
        "kind": REGION,
        "country": "UA",
        **_at("50.9077", "34.7981"),
    },
    "kharkiv-region": {
        "name": Text("Kharkiv region", "Харківська область", "Xarkov vilayəti"),
        "kind": REGION,
        "country": "UA",
        **_at("49.9935", "36.2304"),
    },
    "cherkasy-region": {
        "name": Text("Cherkasy region", "Черкаська область", "Çerkası vilayəti"),
        "kind": REGION,
        "country": "UA",
        **_at("49.4444", "32.0598"),
    },
    "chernihiv-region": {
        "name": Text("Chernihiv region", "Чернігівська область", "Çerniqov vilayəti"),
        "kind": REGION,
        "country": "UA",
        **_at("51.4982", "31.2893"),
    },
    "odesa-region": {
        "name": Text("Odesa region", "Одеська область", "Odessa vilayəti"),
        "kind": REGION,
        "country": "UA",
        **_at("46.4825", "30.7233"),
    },
    "kyiv": {
        # Kyiv is a city with special status, not part of the Kyiv region.
        "name": Text("Kyiv", "Київ", "Kiyev"),
        "kind": CITY,
        "country": "UA",
        **_at("50.4501", "30.5234"),
    },
    "irpin": {
        "name": Text("Irpin", "Ірпінь", "İrpin"),
        "kind": CITY,
        "country": "UA",
        "region": "kyiv-region",
        **_at("50.5218", "30.2506"),
    },
    "cherkasy": {
        "name": Text("Cherkasy", "Черкаси", "Çerkası"),
        "kind": CITY,
        "country": "UA",
        "region": "cherkasy-region",
        **_at("49.4444", "32.0598"),
    },
    "odesa": {
        "name": Text("Odesa", "Одеса", "Odessa"),
        "kind": CITY,
        "country": "UA",
        "region": "odesa-region",
        **_at("46.4825", "30.7233"),
    },
    "baku": {
        "name": Text("Baku", "Баку", "Bakı"),
        "kind": CITY,
        "country": "AZ",
        **_at("40.4093", "49.8671"),
    },
    "sumgait": {
        "name": Text("Sumgait", "Сумгаїт", "Sumqayıt"),
        "kind": CITY,
        "country": "AZ",
        **_at("40.5897", "49.6686"),
    },
    "ganja": {
        "name": Text("Ganja", "Гянджа", "Gəncə"),
        "kind": CITY,
        "country": "AZ",
        **_at("40.6828", "46.3606"),
    },
    "lachin": {
        "name": Text("Lachin", "Лачин", "Laçın"),
        "kind": CITY,
        "country": "AZ",
        **_at("39.6383", "46.5461"),
    },
}
