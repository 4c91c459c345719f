"""The four city partnerships the seeds name, with the one dated event that concerns them.

Only Irpin-Lachin is called a sister-city partnership; the others are 'partnerships between
cities and regions'. No founding date is given for any, so `established_on` stays empty.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from demo.content import Event, Text
from people.models import PartnershipKind

_REGIONAL_TIES = Text(
    "Azerbaijan's ambassador counts ties between cities and regions among the important parts "
    "of the two countries' cooperation, and uses his visits to Ukrainian regions to widen them.",
    "Посол Азербайджану вважає зв'язки між містами й регіонами важливою частиною співпраці двох "
    "країн і використовує поїздки українськими регіонами, щоб їх розширювати.",
    "Azərbaycan səfiri şəhərlər və regionlar arasındakı əlaqələri iki ölkənin əməkdaşlığının "
    "mühüm hissəsi sayır və Ukrayna regionlarına səfərlərindən onları genişləndirmək üçün "
    "istifadə edir.",
)

PARTNERSHIPS: dict[str, dict[str, Any]] = {
    "kyiv-baku": {
        "title": Text("Kyiv and Baku", "Київ і Баку", "Kiyev və Bakı"),
        "summary": Text(
            "The two capitals are among the Ukrainian and Azerbaijani cities linked by "
            "partnerships. The sources do not say when the partnership was established.",
            "Дві столиці належать до українських і азербайджанських міст, пов'язаних "
            "партнерством. Коли його встановлено, джерела не повідомляють.",
            "İki paytaxt tərəfdaşlıq əlaqələri ilə bağlı olan Ukrayna və Azərbaycan şəhərləri "
            "sırasındadır. Tərəfdaşlığın nə vaxt qurulduğunu mənbələr bildirmir.",
        ),
        "body": _REGIONAL_TIES,
        "ukrainian_place": "kyiv",
        "azerbaijani_place": "baku",
        "kind": PartnershipKind.PARTNERSHIP,
        "sources": ["mardaliyev_interview"],
    },
    "cherkasy-sumgait": {
        "title": Text("Cherkasy and Sumgait", "Черкаси і Сумгаїт", "Çerkası və Sumqayıt"),
        "summary": Text(
            "Cherkasy and Sumgait are partner cities. Azerbaijan's ambassador visited Cherkasy "
            "in April 2025 to discuss cooperation with the regional authorities. The sources do "
            "not give the date the partnership was founded.",
            "Черкаси та Сумгаїт — міста-партнери. У квітні 2025 року посол Азербайджану "
            "відвідав Черкаси, щоб обговорити співпрацю з обласною владою. Дати встановлення "
            "партнерства джерела не наводять.",
            "Çerkası və Sumqayıt tərəfdaş şəhərlərdir. 2025-ci ilin aprelində Azərbaycan səfiri "
            "regional hakimiyyətlə əməkdaşlığı müzakirə etmək üçün Çerkasıya səfər edib. "
            "Mənbələr tərəfdaşlığın qurulma tarixini göstərmir.",
        ),
        "body": _REGIONAL_TIES,
        "ukrainian_place": "cherkasy",
        "azerbaijani_place": "sumgait",
        "kind": PartnershipKind.PARTNERSHIP,
        "activities": [
            Event(
                dt.date(2025, 4, 16),
                Text(
                    "Ambassador meets the head of the Cherkasy Regional Military Administration",
                    "Посол зустрівся з очільником Черкаської обласної військової адміністрації",
                    "Səfir Çerkası Vilayət Hərbi Administrasiyasının rəhbəri ilə görüşüb",
                ),
                Text(
                    "Seymur Mardaliyev met Ihor Taburets. In 2025 the ambassador visited the "
                    "Cherkasy and Chernihiv regions to talk with regional and municipal "
                    "authorities about cooperation with Azerbaijan.",
                    "Сеймур Мардалієв зустрівся з Ігорем Табурцем. У 2025 році посол побував на "
                    "Черкащині та Чернігівщині, щоб обговорити з обласною й міською владою "
                    "співпрацю з Азербайджаном.",
                    "Seymur Mərdəliyev İhor Taburets ilə görüşüb. 2025-ci ildə səfir Çerkası və "
                    "Çerniqov vilayətlərində olub, regional və bələdiyyə rəhbərləri ilə "
                    "Azərbaycanla əməkdaşlığı müzakirə edib.",
                ),
            ),
        ],
        "sources": ["mardaliyev_interview"],
    },
    "odesa-ganja": {
        "title": Text("Odesa and Ganja", "Одеса і Гянджа", "Odessa və Gəncə"),
        "summary": Text(
            "Odesa and Ganja are partner cities. The sources give neither the founding date nor "
            "any dated joint event.",
            "Одеса та Гянджа — міста-партнери. Джерела не наводять ні дати встановлення "
            "партнерства, ні датованих спільних подій.",
            "Odessa və Gəncə tərəfdaş şəhərlərdir. Mənbələr nə tərəfdaşlığın qurulma tarixini, "
            "nə də tarixli birgə tədbirləri göstərir.",
        ),
        "body": Text(
            "In April 2025 Ukraine opened cargo ferry services from the ports of Odesa to "
            "Georgia, with onward links to Azerbaijan; both countries' ambassadors see better "
            "transport links as the key to their trade.",
            "У квітні 2025 року Україна запустила вантажні пороми з портів Одеси до Грузії з "
            "подальшим сполученням з Азербайджаном; посли обох країн вважають кращу логістику "
            "ключем до торгівлі між ними.",
            "2025-ci ilin aprelində Ukrayna Odessa limanlarından Gürcüstana, oradan da "
            "Azərbaycana bağlantısı olan yük bərə xətlərini işə salıb; hər iki ölkənin səfirləri "
            "daha yaxşı nəqliyyat əlaqələrini ticarətin açarı sayırlar.",
        ),
        "ukrainian_place": "odesa",
        "azerbaijani_place": "ganja",
        "kind": PartnershipKind.PARTNERSHIP,
        "sources": ["mardaliyev_interview", "ukrinform_gusev"],
    },
    "irpin-lachin": {
        "title": Text("Irpin and Lachin", "Ірпінь і Лачин", "İrpin və Laçın"),
        "summary": Text(
            "Irpin, where Azerbaijan has rebuilt a school and a polyclinic, most recently became "
            "a sister city of Lachin. The sources do not give the date.",
            "Ірпінь, де Азербайджан відбудував школу й поліклініку, нещодавно став містом-"
            "побратимом Лачина. Дати джерела не наводять.",
            "Azərbaycanın məktəb və poliklinikanı bərpa etdiyi İrpin bu yaxınlarda Laçınla "
            "qardaşlaşmış şəhər olub. Mənbələr tarixi göstərmir.",
        ),
        "body": Text(
            "Irpin has long ties to Azerbaijan: a monument to the academician Zarifa Aliyeva, a "
            "lyceum in her name that teaches Azerbaijani, and a large Azerbaijani community. "
            "Four more facilities funded by Azerbaijan are planned in the town.",
            "Ірпінь давно пов'язаний з Азербайджаном: тут є пам'ятник академіку Зарифі Алієвій, "
            "ліцей її імені, де викладають азербайджанську мову, і численна азербайджанська "
            "громада. У місті заплановано ще чотири об'єкти, які фінансуватиме Азербайджан.",
            "İrpinin Azərbaycanla köklü bağları var: akademik Zərifə Əliyevanın abidəsi, onun "
            "adını daşıyan və Azərbaycan dilinin tədris olunduğu lisey, eləcə də böyük "
            "Azərbaycan icması. Şəhərdə Azərbaycanın maliyyələşdirəcəyi daha dörd obyekt "
            "planlaşdırılır.",
        ),
        "ukrainian_place": "irpin",
        "azerbaijani_place": "lachin",
        "kind": PartnershipKind.SISTER_CITIES,
        "sources": ["mardaliyev_interview", "ukrinform_gusev"],
    },
}
