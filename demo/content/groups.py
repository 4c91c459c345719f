"""Children's rehabilitation groups: counts only, never a record of an individual child.

What the seeds fix: 270 children deprived of parental care by spring 2025, the last of them a
group of 30 that spring; two groups a year until 2024, three in 2024; 330 children by the
Rome conference of July 2025; in 2025 also a group of children of prisoners of war and a
group from the Sumy region; groups of about 30. What they do not give: each earlier group's
size, and any arrival date finer than the year (spring, for the latest group of children
deprived of parental care, is a season, not a month). So every arrival is recorded as its
year, the seven earlier groups share the remaining 240 children evenly, and the two other
2025 groups make up the 60 between 270 (children deprived of parental care only) and 330.
The totals are checked by the tests.
"""

from __future__ import annotations

from typing import Any

from demo.content import Text, in_year
from people.models import Cohort, Programme

PARENTAL_CARE_PARTNERS = ["government-of-azerbaijan", "embassy-of-azerbaijan-in-ukraine"]
PARENTAL_CARE_SOURCES = ["mardaliyev_interview", "overview_july_2025"]

# Ukrainian and Azerbaijani need the words and suffixes spelled out.
_UK_OF = {2: "двох", 3: "трьох"}
_AZ_ORDINAL = {1: "1-ci", 2: "2-ci", 3: "3-cü"}
_AZ_YEAR = {2022: "2022-ci", 2023: "2023-cü", 2024: "2024-cü"}

_EARLIER_BODY = Text(
    "Azerbaijan hosted two groups a year until 2024, when it raised the number to three. During "
    "stays in specialised children's institutions the children received medical treatment and "
    "psychological support. No record of any individual child is kept here.",
    "До 2024 року Азербайджан приймав дві групи на рік, а у 2024 році збільшив їх кількість до "
    "трьох. Під час перебування в спеціалізованих дитячих закладах діти отримували лікування та "
    "психологічну підтримку. Жодних записів про окремих дітей тут не ведеться.",
    "Azərbaycan 2024-cü ilədək ildə iki qrup qəbul edirdi, 2024-cü ildə isə onların sayını üçə "
    "çatdırdı. İxtisaslaşmış uşaq müəssisələrində qaldıqları müddətdə uşaqlar həm müalicə, həm "
    "də psixoloji dəstək alıblar. Burada heç bir uşaq barədə fərdi qeyd aparılmır.",
)


def _earlier_group(year: int, number: int, of: int, children: int) -> dict[str, Any]:
    """One of the seven groups before spring 2025, whose own size the sources do not give."""
    return {
        "title": Text(
            f"Children deprived of parental care, {year}: group {number} of {of}",
            f"Діти, позбавлені батьківського піклування, {year}: група {number} з {of}",
            f"Valideyn himayəsindən məhrum uşaqlar: {_AZ_YEAR[year]} ilin "
            f"{_AZ_ORDINAL[number]} qrupu",
        ),
        "summary": Text(
            f"One of the {of} groups of children deprived of parental care that Azerbaijan "
            f"hosted in {year} for medical or psychological rehabilitation, at its government's "
            f"expense. The sources give only totals (270 children by spring 2025), so the size "
            f"of {children} is an even share.",
            f"Одна з {_UK_OF[of]} груп дітей, позбавлених батьківського піклування, яких "
            f"Азербайджан прийняв у {year} році на медичну чи психологічну реабілітацію коштом "
            f"свого уряду. Джерела наводять лише загальні цифри (270 дітей до весни 2025 року), "
            f"тож кількість ({children}) — рівна частка.",
            f"Azərbaycanın {_AZ_YEAR[year]} ildə hökumətin hesabına tibbi və ya psixoloji "
            f"reabilitasiya üçün qəbul etdiyi valideyn himayəsindən məhrum uşaqlardan ibarət "
            f"{of} qrupdan biri. Mənbələr yalnız ümumi rəqəmləri verir (2025-ci ilin yazınadək "
            f"270 uşaq), buna görə say ({children}) bərabər bölgüdür.",
        ),
        "body": _EARLIER_BODY,
        # The sources count groups per year, never dating one.
        "arrived_on": in_year(year),
        "children_count": children,
        "cohort": Cohort.PARENTAL_CARE,
        "programme": Programme.BOTH,
        "host_place": "azerbaijan",
        "partners": PARENTAL_CARE_PARTNERS,
        "sources": PARENTAL_CARE_SOURCES,
    }


GROUPS: dict[str, dict[str, Any]] = {
    "parental-care-2022-1": _earlier_group(2022, 1, 2, 34),
    "parental-care-2022-2": _earlier_group(2022, 2, 2, 34),
    "parental-care-2023-1": _earlier_group(2023, 1, 2, 34),
    "parental-care-2023-2": _earlier_group(2023, 2, 2, 34),
    "parental-care-2024-1": _earlier_group(2024, 1, 3, 34),
    "parental-care-2024-2": _earlier_group(2024, 2, 3, 35),
    "parental-care-2024-3": _earlier_group(2024, 3, 3, 35),
    "parental-care-spring-2025": {
        "title": Text(
            "Children deprived of parental care: spring 2025 group",
            "Діти, позбавлені батьківського піклування: весняна група 2025 року",
            "Valideyn himayəsindən məhrum uşaqlar: 2025-ci ilin yaz qrupu",
        ),
        "summary": Text(
            "Thirty children deprived of parental care, with several accompanying adults, came "
            "to Azerbaijan for rehabilitation in spring 2025, bringing the total since 2022 to "
            "270. The number of adults is not given.",
            "Навесні 2025 року тридцятеро дітей, позбавлених батьківського піклування, разом із "
            "кількома супровідниками приїхали на реабілітацію до Азербайджану; загалом із 2022 "
            "року їх стало 270. Кількість дорослих не названо.",
            "2025-ci ilin yazında valideyn himayəsindən məhrum otuz uşaq bir neçə müşayiətçi ilə "
            "birlikdə reabilitasiya üçün Azərbaycana gəlib; beləliklə, 2022-ci ildən bəri onların "
            "sayı 270-ə çatıb. Böyüklərin sayı göstərilmir.",
        ),
        "body": Text(
            "Azerbaijan's government pays for the programme in full. The ambassador expected "
            "the number of groups to rise again in 2025.",
            "Уряд Азербайджану повністю оплачує програму. Посол очікував, що у 2025 році "
            "кількість груп знову зросте.",
            "Proqramın bütün xərclərini Azərbaycan hökuməti ödəyir. Səfir 2025-ci ildə "
            "qrupların sayının yenidən artacağını gözləyirdi.",
        ),
        # 'In the spring of 2025': a season, so the record keeps the year.
        "arrived_on": in_year(2025),
        "children_count": 30,
        # 'Several' adults came: no number, so adults_count stays empty.
        "cohort": Cohort.PARENTAL_CARE,
        "programme": Programme.BOTH,
        "host_place": "azerbaijan",
        "partners": PARENTAL_CARE_PARTNERS,
        "sources": ["mardaliyev_interview"],
    },
    "children-of-prisoners-of-war-2025": {
        "title": Text(
            "Children of prisoners of war, 2025",
            "Діти військовополонених, 2025",
            "Hərbi əsirlərin uşaqları, 2025",
        ),
        "summary": Text(
            "A group of children whose parents are held captive by Russia came to Azerbaijan "
            "for rehabilitation in 2025. Ukraine's embassy, the Dity.Help platform and the "
            "Coordinating Headquarters for the Treatment of Prisoners of War organised a concert "
            "by the children. The size of 30 is approximate.",
            "У 2025 році група дітей, чиї батьки перебувають у російському полоні, приїхала на "
            "реабілітацію до Азербайджану. Посольство України, платформа Dity.Help і "
            "Координаційний штаб з питань поводження з військовополоненими організували "
            "концерт дітей. Кількість (30) приблизна.",
            "2025-ci ildə valideynləri Rusiya əsirliyində olan uşaqlardan ibarət qrup "
            "reabilitasiya üçün Azərbaycana gəlib. Ukrayna səfirliyi, Dity.Help platforması və "
            "Hərbi Əsirlərlə Rəftar üzrə Koordinasiya Qərargahı uşaqların konsertini təşkil "
            "ediblər. Say (30) təxminidir.",
        ),
        "body": Text(
            "Azerbaijani performers joined the concert. Besides well-known Ukrainian songs, the "
            "children sang Azerbaijani songs learned during their stay and read moving poems "
            "about their people's resilience; many in the audience were in tears.",
            "До концерту долучилися азербайджанські артисти. Окрім відомих українських пісень, "
            "діти заспівали азербайджанські, які вивчили під час перебування, і прочитали "
            "зворушливі вірші про стійкість свого народу; багато глядачів не стримували сліз.",
            "Konsertə azərbaycanlı sənətçilər də qoşulub. Uşaqlar tanınmış Ukrayna mahnıları ilə "
            "yanaşı, burada qaldıqları müddətdə öyrəndikləri Azərbaycan mahnılarını oxuyub və "
            "xalqlarının mətanəti haqqında təsirli şeirlər söyləyiblər; tamaşaçıların çoxu göz "
            "yaşlarını saxlaya bilməyib.",
        ),
        # 'Earlier this year', in the Ukrinform interview of July 2025.
        "arrived_on": in_year(2025),
        "children_count": 30,
        "cohort": Cohort.PRISONERS_OF_WAR,
        "programme": Programme.BOTH,
        "host_place": "azerbaijan",
        "partners": [
            "embassy-of-ukraine-in-azerbaijan",
            "dity-help",
            "coordination-headquarters-prisoners-of-war",
        ],
        "sources": ["ukrinform_gusev", "overview_july_2025"],
    },
    "sumy-region-group-2025": {
        "title": Text(
            "Children from the Sumy region, 2025",
            "Діти із Сумщини, 2025",
            "Sumı vilayətindən olan uşaqlar, 2025",
        ),
        "summary": Text(
            "A group of children from the Sumy region came to Baku for rehabilitation in 2025. "
            "Having read about them in the news, Azerbaijani individuals and entrepreneurs "
            "contacted Ukraine's embassy to give the children presents. The size of 30 is "
            "approximate.",
            "У 2025 році група дітей із Сумщини приїхала на реабілітацію до Баку. Дізнавшись "
            "про них із новин, азербайджанці — приватні особи та підприємці — звернулися до "
            "посольства України, щоб передати дітям подарунки. Кількість (30) приблизна.",
            "2025-ci ildə Sumı vilayətindən olan uşaqlar qrupu reabilitasiya üçün Bakıya gəlib. "
            "Onlar barədə xəbərlərdən öyrənən azərbaycanlı şəxslər və sahibkarlar uşaqlara "
            "hədiyyə vermək üçün Ukrayna səfirliyinə müraciət ediblər. Say (30) təxminidir.",
        ),
        "body": Text(
            "The sources do not say which cohort the group belonged to; in 2025 the programme "
            "also took in children of fallen defenders and of those serving in the National "
            "Guard and the Armed Forces. Two more groups of 30 were expected after July 2025.",
            "Джерела не уточнюють, до якої категорії належала група; у 2025 році програма "
            "охопила також дітей полеглих захисників і тих, хто служить у Національній гвардії "
            "та Збройних силах. Після липня 2025 року очікували ще дві групи по 30 дітей.",
            "Mənbələr qrupun hansı kateqoriyaya aid olduğunu göstərmir; 2025-ci ildə proqrama "
            "həlak olmuş müdafiəçilərin, eləcə də Milli Qvardiyada və Silahlı Qüvvələrdə xidmət "
            "edənlərin uşaqları da cəlb olunub. 2025-ci ilin iyulundan sonra daha iki 30 "
            "nəfərlik qrup gözlənilirdi.",
        ),
        # 'Recently visited Baku', in the Ukrinform interview of July 2025.
        "arrived_on": in_year(2025),
        "children_count": 30,
        "cohort": Cohort.OTHER,
        "programme": Programme.BOTH,
        "home_regions": ["sumy-region"],
        "host_place": "baku",
        "partners": ["embassy-of-ukraine-in-azerbaijan"],
        "sources": ["ukrinform_gusev", "overview_july_2025"],
    },
}
