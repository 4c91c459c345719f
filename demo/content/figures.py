"""Officially reported cumulative figures, each with the date it refers to and its source.

They stand beside what the record itemises: the site never presents its own sum as the whole.
Figures stated for a year ('by the end of 2023', 'in 2024') are dated the year's last day.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from aid.models import FigureMetric, FigureQualifier
from demo.content import MARDALIYEV_INTERVIEW, ROME_CONFERENCE, Text

ABOUT, MORE_THAN, EXACT = FigureQualifier.ABOUT, FigureQualifier.MORE_THAN, FigureQualifier.EXACT

FIGURES: dict[str, dict[str, Any]] = {
    "total-aid-end-2023": {
        "title": Text(
            "Total aid by the end of 2023",
            "Уся допомога до кінця 2023 року",
            "2023-cü ilin sonunadək ümumi yardım",
        ),
        "summary": Text(
            "All humanitarian aid from Azerbaijan to Ukraine had reached about USD 34 million.",
            "Уся гуманітарна допомога Азербайджану Україні сягнула близько 34 млн доларів США.",
            "Azərbaycanın Ukraynaya bütün humanitar yardımı təxminən 34 milyon ABŞ dollarına "
            "çatmışdı.",
        ),
        "metric": FigureMetric.TOTAL_AID_USD,
        "value": Decimal("34000000"),
        "qualifier": ABOUT,
        "as_of": dt.date(2023, 12, 31),
        "source": "sumgait_2026",
    },
    "aid-in-2024": {
        "title": Text("Aid given in 2024", "Допомога за 2024 рік", "2024-cü ildə verilən yardım"),
        "summary": Text(
            "In 2024 alone, humanitarian and reconstruction support came to more than 70 "
            "million manats, or more than USD 40 million.",
            "Лише у 2024 році гуманітарна підтримка й допомога у відбудові перевищили 70 млн "
            "манатів, тобто понад 40 млн доларів США.",
            "Təkcə 2024-cü ildə humanitar və bərpa dəstəyi 70 milyon manatdan, yəni 40 milyon "
            "ABŞ dollarından çox olub.",
        ),
        "metric": FigureMetric.AID_IN_YEAR_USD,
        "value": Decimal("40000000"),
        "qualifier": MORE_THAN,
        "as_of": dt.date(2024, 12, 31),
        "source": "sumgait_2026",
    },
    "total-aid-spring-2025": {
        "title": Text(
            "Total aid by spring 2025",
            "Уся допомога до весни 2025 року",
            "2025-ci ilin yazınadək ümumi yardım",
        ),
        "summary": Text(
            "Azerbaijan's ambassador put the aid given so far at USD 42 million. The interview "
            "is not dated; it followed the end of April 2025.",
            "Посол Азербайджану оцінив надану на той час допомогу в 42 млн доларів США. "
            "Інтерв'ю не датоване; воно відбулося після кінця квітня 2025 року.",
            "Azərbaycan səfiri o vaxtadək verilən yardımı 42 milyon ABŞ dolları kimi "
            "qiymətləndirdi. Müsahibənin tarixi yoxdur; o, 2025-ci ilin aprel ayının sonundan "
            "sonra verilib.",
        ),
        "metric": FigureMetric.TOTAL_AID_USD,
        "value": Decimal("42000000"),
        "qualifier": ABOUT,
        "as_of": MARDALIYEV_INTERVIEW,
        "source": "mardaliyev_interview",
    },
    "total-aid-july-2025": {
        "title": Text(
            "Total aid by July 2025",
            "Уся допомога до липня 2025 року",
            "2025-ci ilin iyulunadək ümumi yardım",
        ),
        "summary": Text(
            "Azerbaijan's aid to Ukraine exceeded USD 42 million, across more than ten areas "
            "from energy supply to child rehabilitation.",
            "Допомога Азербайджану Україні перевищила 42 млн доларів США в понад десяти "
            "напрямах, від енергопостачання до реабілітації дітей.",
            "Azərbaycanın Ukraynaya yardımı enerji təchizatından uşaqların reabilitasiyasınadək "
            "ondan çox istiqamətdə 42 milyon ABŞ dollarını keçib.",
        ),
        "metric": FigureMetric.TOTAL_AID_USD,
        "value": Decimal("42000000"),
        "qualifier": MORE_THAN,
        "as_of": ROME_CONFERENCE,
        "source": "overview_july_2025",
    },
    "total-aid-early-2026": {
        "title": Text(
            "Total aid by early 2026",
            "Уся допомога на початок 2026 року",
            "2026-cı ilin əvvəlinədək ümumi yardım",
        ),
        "summary": Text(
            "The cumulative volume of aid has passed USD 45 million and is still growing. The "
            "source is not dated; 16 January 2026 is the latest date it mentions.",
            "Загальний обсяг допомоги перевищив 45 млн доларів США й далі зростає. Джерело не "
            "датоване; 16 січня 2026 року — найпізніша дата, яку воно згадує.",
            "Yardımın ümumi həcmi 45 milyon ABŞ dollarını keçib və artmaqda davam edir. Mənbənin "
            "tarixi yoxdur; 16 yanvar 2026 onda çəkilən ən son tarixdir.",
        ),
        "metric": FigureMetric.TOTAL_AID_USD,
        "value": Decimal("45000000"),
        "qualifier": MORE_THAN,
        "as_of": dt.date(2026, 1, 16),
        "source": "sumgait_2026",
    },
    "transformers-july-2025": {
        "title": Text(
            "Transformers delivered by July 2025",
            "Трансформатори, передані до липня 2025 року",
            "2025-ci ilin iyulunadək çatdırılan transformatorlar",
        ),
        "summary": Text(
            "Energy aid, delivered with SOCAR, went to keep hospitals, childcare facilities and "
            "life-support services running.",
            "Енергетичну допомогу, передану разом із SOCAR, спрямували на безперебійну роботу "
            "лікарень, закладів для дітей і служб життєзабезпечення.",
            "SOCAR ilə birlikdə çatdırılan enerji yardımı xəstəxanaların, uşaq müəssisələrinin "
            "və həyat təminatı xidmətlərinin fasiləsiz işinə yönəldilib.",
        ),
        "metric": FigureMetric.TRANSFORMERS,
        "value": Decimal("134"),
        "qualifier": EXACT,
        "as_of": ROME_CONFERENCE,
        "source": "overview_july_2025",
    },
    "generators-july-2025": {
        "title": Text(
            "Generators delivered by July 2025",
            "Генератори, передані до липня 2025 року",
            "2025-ci ilin iyulunadək çatdırılan generatorlar",
        ),
        "summary": Text(
            "Counted in the official total of Azerbaijan's aid, beside transformers and cable.",
            "Враховано в офіційному підсумку допомоги Азербайджану поряд із трансформаторами "
            "й кабелем.",
            "Azərbaycanın yardımının rəsmi yekununda transformatorlar və kabellə yanaşı "
            "hesablanıb.",
        ),
        "metric": FigureMetric.GENERATORS,
        "value": Decimal("70"),
        "qualifier": EXACT,
        "as_of": ROME_CONFERENCE,
        "source": "overview_july_2025",
    },
    "cable-july-2025": {
        "title": Text(
            "Power cable delivered by July 2025",
            "Силовий кабель, переданий до липня 2025 року",
            "2025-ci ilin iyulunadək çatdırılan güc kabeli",
        ),
        "summary": Text(
            "More than two million metres of power cable for Ukraine's damaged civilian grid.",
            "Понад два мільйони метрів силового кабелю для пошкодженої цивільної енергомережі "
            "України.",
            "Ukraynanın zədələnmiş mülki enerji şəbəkəsi üçün iki milyon metrdən çox güc kabeli.",
        ),
        "metric": FigureMetric.CABLE_METRES,
        "value": Decimal("2000000"),
        "qualifier": MORE_THAN,
        "as_of": ROME_CONFERENCE,
        "source": "overview_july_2025",
    },
    "children-rehabilitated-spring-2025": {
        "title": Text(
            "Children rehabilitated by spring 2025",
            "Діти, які пройшли реабілітацію, до весни 2025 року",
            "2025-ci ilin yazınadək reabilitasiya keçən uşaqlar",
        ),
        "summary": Text(
            "Children deprived of parental care who had travelled to Azerbaijan for medical or "
            "psychological rehabilitation, the latest group of 30 in spring 2025.",
            "Діти, позбавлені батьківського піклування, які їздили до Азербайджану на медичну "
            "або психологічну реабілітацію; остання група з 30 дітей — навесні 2025 року.",
            "Tibbi və ya psixoloji reabilitasiya üçün Azərbaycana gələn valideyn himayəsindən "
            "məhrum uşaqlar; sonuncu 30 nəfərlik qrup 2025-ci ilin yazında gəlib.",
        ),
        "metric": FigureMetric.CHILDREN_REHABILITATED,
        "value": Decimal("270"),
        "qualifier": EXACT,
        "as_of": MARDALIYEV_INTERVIEW,
        "source": "mardaliyev_interview",
    },
    "children-rehabilitated-july-2025": {
        "title": Text(
            "Children rehabilitated by July 2025",
            "Діти, які пройшли реабілітацію, до липня 2025 року",
            "2025-ci ilin iyulunadək reabilitasiya keçən uşaqlar",
        ),
        "summary": Text(
            "Presented at the Ukraine Recovery Conference in Rome on 10-11 July 2025: twice as "
            "many as a year earlier, with medical and psychosocial care.",
            "Оприлюднено на Конференції з відновлення України в Римі 10–11 липня 2025 року: "
            "удвічі більше, ніж роком раніше; діти отримали медичну й психосоціальну допомогу.",
            "10–11 iyul 2025-ci ildə Romada keçirilən Ukraynanın Bərpası Konfransında təqdim "
            "olunub: bir il əvvəlkindən iki dəfə çox; uşaqlar tibbi və psixososial dəstək alıb.",
        ),
        "metric": FigureMetric.CHILDREN_REHABILITATED,
        "value": Decimal("330"),
        "qualifier": EXACT,
        "as_of": ROME_CONFERENCE,
        "source": "overview_july_2025",
    },
    "areas-of-aid-july-2025": {
        "title": Text(
            "Areas of aid by July 2025",
            "Напрями допомоги до липня 2025 року",
            "2025-ci ilin iyulunadək yardım istiqamətləri",
        ),
        "summary": Text(
            "From energy supply to child rehabilitation, Azerbaijan's aid covered more than ten "
            "areas.",
            "Від енергопостачання до реабілітації дітей: допомога Азербайджану охопила понад "
            "десять напрямів.",
            "Enerji təchizatından uşaqların reabilitasiyasınadək Azərbaycanın yardımı ondan çox "
            "istiqaməti əhatə edib.",
        ),
        "metric": FigureMetric.AREAS_OF_AID,
        "value": Decimal("10"),
        "qualifier": MORE_THAN,
        "as_of": ROME_CONFERENCE,
        "source": "overview_july_2025",
    },
}
