"""The four larger facilities Azerbaijan plans in Irpin, paid for by its government budget.

The draft agreement on them was still under consideration in July 2025, so all four are
'planned', without budget or start date (the ambassador only hoped work would start in 2025).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from demo.content import Event, Text
from projects.models import FacilityType, Phase, WorkKind

_ROME_MILESTONE = Event(
    dt.date(2025, 7, 10),
    Text(
        "Readiness restated at the Rome recovery conference",
        "Готовність підтверджено на конференції з відновлення в Римі",
        "Roma bərpa konfransında hazırlıq bir daha bildirildi",
    ),
    Text(
        "At the Ukraine Recovery Conference in Rome (10-11 July 2025) Azerbaijan said again "
        "that it stood ready to build community facilities in Irpin.",
        "На Конференції з відновлення України в Римі (10–11 липня 2025 року) Азербайджан "
        "знову заявив про готовність будувати громадські об'єкти в Ірпені.",
        "Romada keçirilən Ukraynanın Bərpası Konfransında (10–11 iyul 2025) Azərbaycan İrpində "
        "ictimai obyektlər tikməyə hazır olduğunu bir daha bildirdi.",
    ),
)

_FOUR_FACILITIES_BODY = Text(
    "In July 2025 a draft agreement on four public facilities in Irpin, to be paid for by "
    "Azerbaijan's government, was still under consideration, its details close to final "
    "approval. One overview describes the four as including rehabilitation centres and "
    "cultural and educational venues. No budget or start date has been published.",
    "У липні 2025 року проєкт угоди про чотири громадські об'єкти в Ірпені, які фінансуватиме "
    "уряд Азербайджану, ще розглядався, а деталі були близькі до остаточного затвердження. "
    "Один з оглядів описує ці об'єкти як реабілітаційні центри та культурно-освітні заклади. "
    "Ні кошторису, ні дати початку робіт не оприлюднено.",
    "2025-ci ilin iyulunda İrpində Azərbaycan hökumətinin maliyyələşdirəcəyi dörd ictimai "
    "obyekt barədə saziş layihəsi hələ nəzərdən keçirilirdi, təfərrüatlar isə son təsdiqə "
    "yaxın idi. Bir icmalda bu obyektlərin reabilitasiya mərkəzləri və mədəni-təhsil "
    "məkanları olduğu qeyd edilir. Nə smeta, nə də işlərin başlama tarixi açıqlanıb.",
)

_FOUR_FACILITIES: dict[str, Any] = {
    "place": "irpin",
    "phase": Phase.PLANNED,
    "body": _FOUR_FACILITIES_BODY,
    "funders": ["government-of-azerbaijan"],
    "milestones": [_ROME_MILESTONE],
    "sources": ["mardaliyev_interview", "ukrinform_gusev", "overview_july_2025"],
}

PLANNED_PROJECTS: dict[str, dict[str, Any]] = {
    "irpin-cultural-centre": {
        **_FOUR_FACILITIES,
        "title": Text(
            "Restoration of Irpin's cultural centre",
            "Відновлення культурного центру в Ірпені",
            "İrpində mədəniyyət mərkəzinin bərpası",
        ),
        "summary": Text(
            "The first of four larger projects Azerbaijan plans in Irpin: restoring a cultural "
            "centre badly damaged in the fighting around Kyiv. Azerbaijan's government budget is "
            "to pay for it; the ambassador hoped work would start in 2025.",
            "Перший із чотирьох більших проєктів, які Азербайджан планує в Ірпені: відновлення "
            "культурного центру, сильно пошкодженого під час боїв навколо Києва. Фінансувати "
            "його має державний бюджет Азербайджану; посол сподівався, що роботи почнуться у "
            "2025 році.",
            "Azərbaycanın İrpində planlaşdırdığı dörd böyük layihədən birincisi: Kiyev "
            "ətrafındakı döyüşlərdə ciddi zədələnmiş mədəniyyət mərkəzinin bərpası. Layihə "
            "Azərbaycanın dövlət büdcəsi hesabına maliyyələşdiriləcək; səfir işlərin 2025-ci "
            "ildə başlayacağına ümid edirdi.",
        ),
        "facility_type": FacilityType.CULTURAL_CENTRE,
        "work_kind": WorkKind.RESTORATION,
    },
    "irpin-youth-sports-complex": {
        **_FOUR_FACILITIES,
        "title": Text(
            "Reconstruction of the children's and youth sports complex in Irpin",
            "Відбудова дитячо-юнацького спортивного комплексу в Ірпені",
            "İrpində uşaq-gənclər idman kompleksinin yenidən qurulması",
        ),
        "summary": Text(
            "The second of four planned projects in Irpin: rebuilding the badly damaged "
            "children's and youth sports complex. Ukraine's ambassador in Baku mentions a sports "
            "school among the facilities. Azerbaijan's government budget is to pay for it.",
            "Другий із чотирьох запланованих проєктів в Ірпені: відбудова сильно пошкодженого "
            "дитячо-юнацького спортивного комплексу. Посол України в Баку згадує серед об'єктів "
            "спортивну школу. Фінансувати проєкт має державний бюджет Азербайджану.",
            "İrpində planlaşdırılan dörd layihədən ikincisi: ciddi zədələnmiş uşaq-gənclər idman "
            "kompleksinin yenidən qurulması. Ukraynanın Bakıdakı səfiri obyektlər arasında idman "
            "məktəbini də çəkir. Layihə Azərbaycanın dövlət büdcəsi hesabına maliyyələşdiriləcək.",
        ),
        "facility_type": FacilityType.SPORTS_COMPLEX,
        "work_kind": WorkKind.RECONSTRUCTION,
    },
    "irpin-childrens-art-centre": {
        **_FOUR_FACILITIES,
        "title": Text(
            "A new children's art centre in Irpin",
            "Новий дитячий центр мистецтв в Ірпені",
            "İrpində yeni uşaq incəsənət mərkəzi",
        ),
        "summary": Text(
            "The third planned project: a children's art centre, which Irpin did not have before "
            "the war, to be built from scratch as Azerbaijan's gift to the town's children. "
            "Ukraine's ambassador in Baku speaks of a school of arts. Azerbaijan's government "
            "budget is to pay for it.",
            "Третій запланований проєкт: дитячий центр мистецтв, якого в Ірпені до війни не "
            "було; його збудують з нуля як подарунок Азербайджану дітям міста. Посол України в "
            "Баку говорить про школу мистецтв. Фінансувати проєкт має державний бюджет "
            "Азербайджану.",
            "Planlaşdırılan üçüncü layihə: müharibədən əvvəl İrpində olmayan uşaq incəsənət "
            "mərkəzi, Azərbaycanın şəhər uşaqlarına hədiyyəsi kimi sıfırdan tikiləcək. "
            "Ukraynanın Bakıdakı səfiri incəsənət məktəbindən danışır. Layihə Azərbaycanın "
            "dövlət büdcəsi hesabına maliyyələşdiriləcək.",
        ),
        "facility_type": FacilityType.ART_CENTRE,
        "work_kind": WorkKind.NEW_CONSTRUCTION,
    },
    "irpin-residential-building": {
        **_FOUR_FACILITIES,
        "title": Text(
            "A new residential building in Irpin",
            "Новий житловий будинок в Ірпені",
            "İrpində yeni yaşayış binası",
        ),
        "summary": Text(
            "The fourth planned project in Irpin is a residential building. Like the other "
            "three, it is to be paid for from Azerbaijan's government budget; no size, cost or "
            "dates have been published.",
            "Четвертий запланований проєкт в Ірпені — житловий будинок. Як і інші три, його має "
            "профінансувати державний бюджет Азербайджану; ні розмірів, ні вартості, ні дат не "
            "оприлюднено.",
            "İrpində planlaşdırılan dördüncü layihə yaşayış binasıdır. Digər üçü kimi, o da "
            "Azərbaycanın dövlət büdcəsi hesabına maliyyələşdiriləcək; nə ölçüsü, nə dəyəri, nə "
            "də tarixləri açıqlanıb.",
        ),
        "facility_type": FacilityType.RESIDENTIAL_BUILDING,
        "work_kind": WorkKind.NEW_CONSTRUCTION,
    },
}
