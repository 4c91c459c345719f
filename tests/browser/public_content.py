"""A small, realistic published record for the browser tests: every public page type has
something to show, in English, Ukrainian and Azerbaijani.

Two aid packages (different sectors and years, so a filter changes the count), two
reconstruction projects with milestones and before/after photos, two rehabilitation groups,
two partnerships between places with coordinates, and the official figures the home page
shows. The energy package has a gallery of several photos with renditions.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw

from aid.models import AidItem, AidPackage, DeliveryStatus, ReportedFigure, Sector
from editorial.models import Organization, Photo, Place, Source, Status
from editorial.renditions import ensure_renditions
from people.models import Cohort, RehabilitationGroup, SisterCityPartnership
from projects.models import FacilityType, Phase, ReconstructionProject, WorkKind
from tests.factories import (
    AidItemFactory,
    AidPackageFactory,
    MilestoneFactory,
    OrganizationFactory,
    PartnershipActivityFactory,
    PhotoFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    ReportedFigureFactory,
    SisterCityPartnershipFactory,
    SourceFactory,
)

LANGUAGES = ("en", "uk", "az")
PUBLISHED = {"status": Status.PUBLISHED}

# A word found in each language's texts, for the search page.
SEARCH_TERMS = {"en": "Irpin", "uk": "Ірпінь", "az": "İrpen"}


@dataclass(frozen=True)
class PublicContent:
    packages: list[AidPackage]
    projects: list[ReconstructionProject]
    groups: list[RehabilitationGroup]
    partnerships: list[SisterCityPartnership]
    figures: list[ReportedFigure]

    @property
    def gallery(self) -> AidPackage:
        """The item with the most photos: a lead photo and a gallery below the fold."""
        return self.packages[0]


def texts(name: str, en: str, uk: str, az: str) -> dict[str, str]:
    """`name` in each language column."""
    return {f"{name}_en": en, f"{name}_uk": uk, f"{name}_az": az}


def image_file(name: str, colour: tuple[int, int, int], size: tuple[int, int] = (400, 266)) -> Any:
    """A JPEG that reads as a picture in a screenshot: a sky, a ground and a building.

    Narrower than the narrowest rendition width, so each photo gets one WebP and one JPEG:
    image work is most of the time it takes to build this record."""
    image = Image.new("RGB", size, (176, 204, 226))
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, height * 2 // 3, width, height), fill=(112, 128, 96))
    draw.rectangle((width // 4, height // 3, width * 3 // 4, height * 2 // 3), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def add_photo(obj: Any, n: int, *, role: str = Photo.Role.GENERAL, **fields: Any) -> Photo:
    colour = ((160, 60, 40), (40, 90, 150), (200, 160, 40), (70, 120, 70), (120, 70, 140))[n % 5]
    photo = PhotoFactory(
        content_object=obj,
        image=image_file(f"photo-{n}.jpg", colour),
        role=role,
        order=n,
        credit=fields.pop("credit", "AZERTAC"),
        **fields,
    )
    ensure_renditions(photo)
    return photo


def place(
    slug: str, en: str, uk: str, az: str, country: str, lat: str, lon: str, **kw: Any
) -> Place:
    return PlaceFactory(
        slug=slug,
        country=country,
        latitude=Decimal(lat),
        longitude=Decimal(lon),
        **texts("name", en, uk, az),
        **kw,
    )


def organisation(slug: str, en: str, uk: str, az: str, **kw: Any) -> Organization:
    return OrganizationFactory(slug=slug, **texts("name", en, uk, az), **kw)


def source(title: str, publisher: str, published_on: dt.date) -> Source:
    return SourceFactory(title=title, publisher=publisher, published_on=published_on)


@transaction.atomic
def build_public_content() -> PublicContent:
    """Everything published, linked as in the real record; a few dozen rows."""
    irpin = place("irpin", "Irpin", "Ірпінь", "İrpen", "UA", "50.521", "30.250")
    kyiv = place("kyiv", "Kyiv", "Київ", "Kiyev", "UA", "50.450", "30.523")
    odesa = place("odesa", "Odesa", "Одеса", "Odessa", "UA", "46.482", "30.723")
    kharkiv_region = place(
        "kharkiv-region",
        "Kharkiv region",
        "Харківська область",
        "Xarkov vilayəti",
        "UA",
        "49.993",
        "36.231",
        kind=Place.Kind.REGION,
    )
    lachin = place("lachin", "Lachin", "Лачин", "Laçın", "AZ", "39.640", "46.546")
    baku = place("baku", "Baku", "Баку", "Bakı", "AZ", "40.409", "49.867")
    sumgait = place("sumgait", "Sumgait", "Сумгаїт", "Sumqayıt", "AZ", "40.589", "49.668")
    gabala = place("gabala", "Gabala", "Габала", "Qəbələ", "AZ", "40.981", "47.846")

    socar = organisation(
        "socar",
        "State Oil Company of the Azerbaijan Republic",
        "Державна нафтова компанія Азербайджанської Республіки",
        "Azərbaycan Respublikası Dövlət Neft Şirkəti",
        acronym="SOCAR",
        kind=Organization.Kind.STATE_COMPANY,
    )
    anama = organisation(
        "anama",
        "Mine Action Agency of the Republic of Azerbaijan",
        "Агентство з розмінування Азербайджанської Республіки",
        "Azərbaycan Respublikasının Minatəmizləmə Agentliyi",
        acronym="ANAMA",
        kind=Organization.Kind.AGENCY,
    )
    ukrenergo = organisation(
        "ukrenergo",
        "Ukrenergo",
        "Укренерго",
        "Ukrenerqo",
        kind=Organization.Kind.STATE_COMPANY,
        country="UA",
    )
    emergency_service = organisation(
        "dsns",
        "State Emergency Service of Ukraine",
        "Державна служба України з надзвичайних ситуацій",
        "Ukrayna Dövlət Fövqəladə Hallar Xidməti",
        kind=Organization.Kind.GOVERNMENT_BODY,
        country="UA",
    )
    foundation = organisation(
        "heydar-aliyev-foundation",
        "Heydar Aliyev Foundation",
        "Фонд Гейдара Алієва",
        "Heydər Əliyev Fondu",
        kind=Organization.Kind.NGO,
    )
    rehab_centre = organisation(
        "gabala-rehabilitation-centre",
        "Gabala Rehabilitation Centre",
        "Реабілітаційний центр у Габалі",
        "Qəbələ Reabilitasiya Mərkəzi",
        kind=Organization.Kind.INSTITUTION,
    )

    azertac_energy = source(
        "Azerbaijan sends another batch of energy equipment to Ukraine",
        "AZERTAC",
        dt.date(2025, 1, 20),
    )
    ukrinform_energy = source(
        "Transformers from Azerbaijan reach Kyiv region", "Ukrinform", dt.date(2025, 1, 28)
    )
    anama_source = source(
        "ANAMA hands over demining machines to Ukraine", "AZERTAC", dt.date(2024, 5, 14)
    )
    total_source = source(
        "Azerbaijan's humanitarian aid to Ukraine exceeds 40 million dollars",
        "Ministry of Foreign Affairs of Azerbaijan",
        dt.date(2025, 7, 10),
    )

    energy = AidPackageFactory(
        slug="energy-equipment-kyiv-region-2025",
        **texts(
            "title",
            "Energy equipment for the Kyiv region, January 2025",
            "Енергетичне обладнання для Київщини, січень 2025",
            "Kiyev vilayəti üçün enerji avadanlığı, yanvar 2025",
        ),
        **texts(
            "summary",
            "Transformers, generators and cable from SOCAR for substations damaged by strikes.",
            "Трансформатори, генератори й кабель від SOCAR для пошкоджених обстрілами підстанцій.",
            "Zərbələrdən zədələnmiş yarımstansiyalar üçün SOCAR-dan transformator, generator "
            "və kabel.",
        ),
        **texts(
            "body",
            "The equipment left Sumgait by rail and was handed to Ukrenergo in Kyiv. It "
            "restores power to about forty thousand homes in Irpin and Bucha.",
            "Обладнання вирушило із Сумгаїта залізницею й було передане Укренерго в Києві. "
            "Воно відновлює живлення приблизно сорока тисяч домівок в Ірпені й Бучі.",
            "Avadanlıq Sumqayıtdan dəmir yolu ilə yola salınıb və Kiyevdə Ukrenerqo-ya təhvil "
            "verilib. O, İrpen və Buçada təxminən qırx min evin elektrik enerjisini bərpa edir.",
        ),
        **texts(
            "legal_basis",
            "Presidential order of 16 January 2025",
            "Розпорядження Президента від 16 січня 2025 року",
            "Prezidentin 16 yanvar 2025-ci il tarixli sərəncamı",
        ),
        sector=Sector.ENERGY,
        decided_on=dt.date(2025, 1, 16),
        dispatched_on=dt.date(2025, 1, 20),
        delivered_on=dt.date(2025, 1, 27),
        delivery_status=DeliveryStatus.DELIVERED,
        value=Decimal("1300000"),
        currency="USD",
        value_usd=Decimal("1300000"),
        exchange_rate=Decimal("1"),
        funder=socar,
        recipient=ukrenergo,
        origin=sumgait,
        **PUBLISHED,
    )
    for order, (kind, quantity, unit, description) in enumerate(
        [
            (AidItem.Kind.TRANSFORMER, "14", AidItem.Unit.PIECES, ("10/0.4 kV, 630 kVA",) * 3),
            (
                AidItem.Kind.GENERATOR,
                "46",
                AidItem.Unit.PIECES,
                ("Diesel, 100 kW", "Дизельні, 100 кВт", "Dizel, 100 kVt"),
            ),
            (
                AidItem.Kind.CABLE,
                "8000",
                AidItem.Unit.METRES,
                ("Medium-voltage", "Середньої напруги", "Orta gərginlikli"),
            ),
        ]
    ):
        AidItemFactory(
            package=energy,
            kind=kind,
            quantity=Decimal(quantity),
            unit=unit,
            order=order,
            **texts("description", *description),
        )
    energy.sources.set([azertac_energy, ukrinform_energy])
    gallery_photos = [
        (
            "Transformers lined up on a loading dock in Sumgait",
            "Трансформатори на вантажній платформі в Сумгаїті",
            "Sumqayıtda yükləmə meydançasında düzülmüş transformatorlar",
        ),
        (
            "Generators loaded onto rail wagons",
            "Генератори завантажують у вагони",
            "Generatorlar vaqonlara yüklənir",
        ),
        (
            "Drums of cable at the Kyiv depot",
            "Барабани з кабелем на складі в Києві",
            "Kiyev anbarında kabel barabanları",
        ),
        (
            "Engineers connecting a transformer in Irpin",
            "Інженери під'єднують трансформатор в Ірпені",
            "Mühəndislər İrpendə transformatoru qoşurlar",
        ),
        (
            "A repaired substation at dusk",
            "Відремонтована підстанція надвечір",
            "Axşamüstü bərpa olunmuş yarımstansiya",
        ),
    ]
    for n, (en, uk, az) in enumerate(gallery_photos):
        add_photo(
            energy,
            n,
            credit="Ukrenergo" if n == 3 else "AZERTAC",
            **texts("alt_text", en, uk, az),
            **texts("caption", en, uk, az),
        )

    demining = AidPackageFactory(
        slug="demining-machines-kharkiv-region-2024",
        **texts(
            "title",
            "Demining machines for the Kharkiv region",
            "Машини для розмінування для Харківщини",
            "Xarkov vilayəti üçün minatəmizləmə maşınları",
        ),
        **texts(
            "summary",
            "Two armoured demining machines and protective gear from ANAMA.",
            "Дві броньовані машини для розмінування та захисне спорядження від ANAMA.",
            "ANAMA-dan iki zirehli minatəmizləmə maşını və qoruyucu geyim.",
        ),
        sector=Sector.DEMINING,
        decided_on=dt.date(2024, 5, 1),
        dispatched_on=dt.date(2024, 5, 10),
        delivery_status=DeliveryStatus.DELIVERED,
        value=Decimal("850000"),
        currency="USD",
        value_usd=Decimal("850000"),
        exchange_rate=Decimal("1"),
        funder=anama,
        recipient=emergency_service,
        **PUBLISHED,
    )
    AidItemFactory(package=demining, kind=AidItem.Kind.DEMINING_MACHINE, quantity=Decimal("2"))
    AidItemFactory(
        package=demining,
        kind=AidItem.Kind.PROTECTIVE_GEAR,
        quantity=Decimal("120"),
        unit=AidItem.Unit.SETS,
        order=1,
    )
    demining.sources.set([anama_source])
    add_photo(
        demining,
        0,
        credit="ANAMA",
        **texts(
            "alt_text",
            "An armoured demining machine on a field",
            "Броньована машина для розмінування в полі",
            "Tarlada zirehli minatəmizləmə maşını",
        ),
    )

    lyceum = ReconstructionProjectFactory(
        slug="irpin-lyceum-restored",
        **texts(
            "title",
            "Irpin lyceum No. 2 restored",
            "Ірпінський ліцей № 2 відновлено",
            "İrpen 2 nömrəli liseyi bərpa olunub",
        ),
        **texts(
            "summary",
            "A school for 900 pupils, burnt in 2022, rebuilt with Azerbaijan's funding.",
            "Школу на 900 учнів, що згоріла 2022 року, відбудовано коштом Азербайджану.",
            "2022-ci ildə yanmış 900 şagirdlik məktəb Azərbaycanın vəsaiti ilə bərpa olunub.",
        ),
        place=irpin,
        facility_type=FacilityType.SCHOOL,
        work_kind=WorkKind.RESTORATION,
        phase=Phase.COMPLETED,
        actual_start=dt.date(2023, 6, 1),
        actual_completion=dt.date(2024, 8, 30),
        budget=Decimal("2500000"),
        currency="USD",
        budget_usd=Decimal("2500000"),
        **PUBLISHED,
    )
    lyceum.funders.set([foundation])
    lyceum.sources.set([source("Irpin lyceum reopens", "Ukrinform", dt.date(2024, 9, 1))])
    for date, en, uk, az in [
        (dt.date(2023, 6, 1), "Works began", "Роботи розпочато", "İşlərə başlanılıb"),
        (dt.date(2024, 2, 15), "Roof completed", "Дах завершено", "Dam tamamlanıb"),
        (dt.date(2024, 8, 30), "School reopened", "Школу відкрито", "Məktəb açılıb"),
    ]:
        MilestoneFactory(project=lyceum, date=date, **texts("title", en, uk, az))
    add_photo(
        lyceum,
        0,
        role=Photo.Role.BEFORE,
        **texts(
            "alt_text",
            "The burnt-out lyceum in 2022",
            "Згорілий ліцей у 2022 році",
            "2022-ci ildə yanmış lisey",
        ),
    )
    add_photo(
        lyceum,
        1,
        role=Photo.Role.AFTER,
        **texts(
            "alt_text",
            "The restored lyceum with a new facade",
            "Відновлений ліцей з новим фасадом",
            "Yeni fasadlı bərpa olunmuş lisey",
        ),
    )

    polyclinic = ReconstructionProjectFactory(
        slug="kyiv-polyclinic-reconstruction",
        **texts(
            "title",
            "Reconstruction of a Kyiv polyclinic",
            "Реконструкція київської поліклініки",
            "Kiyev poliklinikasının yenidən qurulması",
        ),
        **texts(
            "summary",
            "A district polyclinic damaged by a missile is being rebuilt.",
            "Районну поліклініку, пошкоджену ракетою, відбудовують.",
            "Raketdən zədələnmiş rayon poliklinikası yenidən qurulur.",
        ),
        place=kyiv,
        facility_type=FacilityType.POLYCLINIC,
        work_kind=WorkKind.RECONSTRUCTION,
        phase=Phase.UNDER_CONSTRUCTION,
        actual_start=dt.date(2025, 3, 1),
        planned_completion=dt.date(2026, 6, 30),
        **PUBLISHED,
    )
    polyclinic.funders.set([foundation])
    MilestoneFactory(
        project=polyclinic,
        date=dt.date(2025, 3, 1),
        **texts("title", "Works began", "Роботи розпочато", "İşlərə başlanılıb"),
    )
    add_photo(
        polyclinic,
        2,
        role=Photo.Role.BEFORE,
        **texts(
            "alt_text",
            "The damaged polyclinic with boarded windows",
            "Пошкоджена поліклініка із забитими вікнами",
            "Pəncərələri taxta ilə bağlanmış zədəli poliklinika",
        ),
    )

    summer = RehabilitationGroupFactory(
        slug="kharkiv-region-summer-2025",
        **texts(
            "title",
            "Children from the Kharkiv region, summer 2025",
            "Діти з Харківщини, літо 2025",
            "Xarkov vilayətindən uşaqlar, yay 2025",
        ),
        **texts(
            "summary",
            "Thirty children of fallen defenders spent three weeks in Gabala.",
            "Тридцятеро дітей загиблих захисників провели три тижні в Габалі.",
            "Həlak olmuş müdafiəçilərin otuz uşağı Qəbələdə üç həftə keçirib.",
        ),
        arrived_on=dt.date(2025, 6, 2),
        departed_on=dt.date(2025, 6, 22),
        children_count=30,
        adults_count=4,
        cohort=Cohort.FALLEN_DEFENDERS,
        host_institution=rehab_centre,
        host_place=gabala,
        **PUBLISHED,
    )
    summer.home_regions.set([kharkiv_region])
    add_photo(
        summer,
        3,
        **texts(
            "alt_text",
            "The rehabilitation centre in Gabala",
            "Реабілітаційний центр у Габалі",
            "Qəbələdəki reabilitasiya mərkəzi",
        ),
    )
    autumn = RehabilitationGroupFactory(
        slug="sumy-region-autumn-2024",
        **texts(
            "title",
            "Children from the Sumy region, autumn 2024",
            "Діти з Сумщини, осінь 2024",
            "Sumı vilayətindən uşaqlar, payız 2024",
        ),
        **texts(
            "summary",
            "Twenty-five children deprived of parental care on a psychosocial programme.",
            "Двадцять п'ятеро дітей, позбавлених батьківського піклування, на психосоціальній "
            "програмі.",
            "Valideyn himayəsindən məhrum iyirmi beş uşaq psixososial proqramda.",
        ),
        arrived_on=dt.date(2024, 10, 5),
        departed_on=dt.date(2024, 10, 25),
        children_count=25,
        adults_count=3,
        cohort=Cohort.PARENTAL_CARE,
        host_place=gabala,
        **PUBLISHED,
    )

    irpin_lachin = SisterCityPartnershipFactory(
        slug="irpin-lachin",
        **texts("title", "Irpin and Lachin", "Ірпінь і Лачин", "İrpen və Laçın"),
        **texts(
            "summary",
            "Two towns rebuilt after occupation, twinned in 2023.",
            "Два міста, що відбудовуються після окупації, побратими з 2023 року.",
            "İşğaldan sonra bərpa olunan iki şəhər, 2023-cü ildən qardaşlaşıb.",
        ),
        ukrainian_place=irpin,
        azerbaijani_place=lachin,
        established_on=dt.date(2023, 4, 20),
        kind=SisterCityPartnership.Kind.SISTER_CITIES,
        **PUBLISHED,
    )
    irpin_lachin.sources.set(
        [source("Irpin and Lachin sign a twinning agreement", "AZERTAC", dt.date(2023, 4, 21))]
    )
    for date, en, uk, az in [
        (dt.date(2023, 4, 20), "Agreement signed", "Угоду підписано", "Saziş imzalanıb"),
        (
            dt.date(2025, 4, 16),
            "Working visit to Lachin",
            "Робочий візит до Лачина",
            "Laçına işgüzar səfər",
        ),
    ]:
        PartnershipActivityFactory(
            partnership=irpin_lachin, date=date, **texts("title", en, uk, az)
        )
    add_photo(
        irpin_lachin,
        4,
        **texts(
            "alt_text",
            "The mayors of Irpin and Lachin shaking hands",
            "Мери Ірпеня і Лачина тиснуть руки",
            "İrpen və Laçın merləri əl sıxır",
        ),
    )
    odesa_baku = SisterCityPartnershipFactory(
        slug="odesa-baku",
        **texts("title", "Odesa and Baku", "Одеса і Баку", "Odessa və Bakı"),
        **texts(
            "summary",
            "Two port cities on the Black Sea and the Caspian.",
            "Два портові міста на Чорному та Каспійському морях.",
            "Qara dəniz və Xəzər sahilində iki liman şəhəri.",
        ),
        ukrainian_place=odesa,
        azerbaijani_place=baku,
        kind=SisterCityPartnership.Kind.PARTNERSHIP,
        **PUBLISHED,
    )

    figures = [
        ReportedFigureFactory(
            **texts(
                "title",
                "Total aid by July 2025",
                "Загальна допомога станом на липень 2025",
                "İyul 2025-ə qədər ümumi yardım",
            ),
            metric=ReportedFigure.Metric.TOTAL_AID_USD,
            value=Decimal("42000000"),
            qualifier=ReportedFigure.Qualifier.MORE_THAN,
            as_of=dt.date(2025, 7, 10),
            source=total_source,
            **PUBLISHED,
        ),
        ReportedFigureFactory(
            **texts(
                "title",
                "Children rehabilitated in Azerbaijan",
                "Діти, що пройшли реабілітацію в Азербайджані",
                "Azərbaycanda reabilitasiya olunan uşaqlar",
            ),
            metric=ReportedFigure.Metric.CHILDREN_REHABILITATED,
            value=Decimal("2000"),
            qualifier=ReportedFigure.Qualifier.ABOUT,
            as_of=dt.date(2025, 7, 10),
            source=total_source,
            **PUBLISHED,
        ),
    ]
    return PublicContent(
        packages=[energy, demining],
        projects=[lyceum, polyclinic],
        groups=[summer, autumn],
        partnerships=[irpin_lachin, odesa_baku],
        figures=figures,
    )
