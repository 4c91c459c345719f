"""Small vocabularies in English, Ukrainian and Azerbaijani for `seedbulk`'s synthetic record.

Texts are assembled from these pieces as "label: value" lines and whole parallel sentences,
so that no piece has to be declined or agreed in Ukrainian or Azerbaijani. Places and
organisations reuse the demo directory's names and translations; the sentences are our own.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from aid.models import ItemKind, ItemUnit, Sector
from demo.content import Text
from editorial.models import Organization
from people.models import Cohort, PartnershipKind, Programme
from projects.models import FacilityType, Phase, WorkKind


class PlaceSpec(NamedTuple):
    """A city or region: slug stem, names, coordinates and (for cities) its region's stem."""

    stem: str
    name: Text
    latitude: Decimal
    longitude: Decimal
    region: str = ""


class OrgSpec(NamedTuple):
    stem: str
    name: Text
    acronym: str
    kind: str
    country: str


def _p(stem: str, en: str, uk: str, az: str, lat: str, lon: str, region: str = "") -> PlaceSpec:
    return PlaceSpec(stem, Text(en, uk, az), Decimal(lat), Decimal(lon), region)


UA_REGIONS: tuple[PlaceSpec, ...] = (
    _p("kyiv-region", "Kyiv region", "Київська область", "Kiyev vilayəti", "50.450", "30.523"),
    _p(
        "kharkiv-region",
        "Kharkiv region",
        "Харківська область",
        "Xarkov vilayəti",
        "49.993",
        "36.231",
    ),
    _p("sumy-region", "Sumy region", "Сумська область", "Sumı vilayəti", "50.907", "34.798"),
    _p(
        "chernihiv-region",
        "Chernihiv region",
        "Чернігівська область",
        "Çerniqov vilayəti",
        "51.498",
        "31.289",
    ),
    _p("odesa-region", "Odesa region", "Одеська область", "Odessa vilayəti", "46.482", "30.723"),
    _p(
        "mykolaiv-region",
        "Mykolaiv region",
        "Миколаївська область",
        "Nikolayev vilayəti",
        "46.975",
        "31.995",
    ),
    _p(
        "zaporizhzhia-region",
        "Zaporizhzhia region",
        "Запорізька область",
        "Zaporojye vilayəti",
        "47.838",
        "35.139",
    ),
    _p(
        "dnipro-region",
        "Dnipropetrovsk region",
        "Дніпропетровська область",
        "Dnepropetrovsk vilayəti",
        "48.464",
        "35.046",
    ),
    _p(
        "cherkasy-region",
        "Cherkasy region",
        "Черкаська область",
        "Çerkası vilayəti",
        "49.444",
        "32.060",
    ),
    _p(
        "kherson-region",
        "Kherson region",
        "Херсонська область",
        "Xerson vilayəti",
        "46.635",
        "32.617",
    ),
)

UA_CITIES: tuple[PlaceSpec, ...] = (
    _p("kyiv", "Kyiv", "Київ", "Kiyev", "50.450", "30.523", "kyiv-region"),
    _p("irpin", "Irpin", "Ірпінь", "İrpin", "50.521", "30.250", "kyiv-region"),
    _p("bucha", "Bucha", "Буча", "Buça", "50.543", "30.212", "kyiv-region"),
    _p("borodianka", "Borodianka", "Бородянка", "Borodyanka", "50.645", "29.917", "kyiv-region"),
    _p("hostomel", "Hostomel", "Гостомель", "Qostomel", "50.569", "30.265", "kyiv-region"),
    _p("kharkiv", "Kharkiv", "Харків", "Xarkov", "49.993", "36.231", "kharkiv-region"),
    _p("izium", "Izium", "Ізюм", "İzyum", "49.209", "37.257", "kharkiv-region"),
    _p("sumy", "Sumy", "Суми", "Sumı", "50.907", "34.798", "sumy-region"),
    _p("okhtyrka", "Okhtyrka", "Охтирка", "Oxtırka", "50.310", "34.899", "sumy-region"),
    _p("chernihiv", "Chernihiv", "Чернігів", "Çerniqov", "51.498", "31.289", "chernihiv-region"),
    _p("odesa", "Odesa", "Одеса", "Odessa", "46.482", "30.723", "odesa-region"),
    _p("izmail", "Izmail", "Ізмаїл", "İzmail", "45.351", "28.837", "odesa-region"),
    _p("mykolaiv", "Mykolaiv", "Миколаїв", "Nikolayev", "46.975", "31.995", "mykolaiv-region"),
    _p(
        "zaporizhzhia",
        "Zaporizhzhia",
        "Запоріжжя",
        "Zaporojye",
        "47.838",
        "35.139",
        "zaporizhzhia-region",
    ),
    _p("dnipro", "Dnipro", "Дніпро", "Dnepr", "48.464", "35.046", "dnipro-region"),
    _p("kryvyi-rih", "Kryvyi Rih", "Кривий Ріг", "Krivoy Roq", "47.910", "33.392", "dnipro-region"),
    _p("cherkasy", "Cherkasy", "Черкаси", "Çerkası", "49.444", "32.060", "cherkasy-region"),
    _p("uman", "Uman", "Умань", "Uman", "48.749", "30.221", "cherkasy-region"),
    _p("kherson", "Kherson", "Херсон", "Xerson", "46.635", "32.617", "kherson-region"),
    _p(
        "bilhorod",
        "Bilhorod-Dnistrovskyi",
        "Білгород-Дністровський",
        "Bilhorod-Dnestrovski",
        "46.186",
        "30.341",
        "odesa-region",
    ),
)

AZ_CITIES: tuple[PlaceSpec, ...] = (
    _p("baku", "Baku", "Баку", "Bakı", "40.409", "49.867"),
    _p("sumgait", "Sumgait", "Сумгаїт", "Sumqayıt", "40.589", "49.669"),
    _p("ganja", "Ganja", "Гянджа", "Gəncə", "40.683", "46.361"),
    _p("lachin", "Lachin", "Лачин", "Laçın", "39.640", "46.547"),
    _p("shusha", "Shusha", "Шуша", "Şuşa", "39.758", "46.750"),
    _p("mingachevir", "Mingachevir", "Мінгечевір", "Mingəçevir", "40.770", "47.049"),
    _p("sheki", "Sheki", "Шекі", "Şəki", "41.192", "47.171"),
    _p("lankaran", "Lankaran", "Ленкорань", "Lənkəran", "38.754", "48.851"),
    _p("gabala", "Gabala", "Габала", "Qəbələ", "40.981", "47.846"),
    _p("nakhchivan", "Nakhchivan", "Нахчиван", "Naxçıvan", "39.209", "45.412"),
)

GOV, COMPANY, AGENCY, NGO, INSTITUTION, CITY_HALL = (
    Organization.Kind.GOVERNMENT_BODY,
    Organization.Kind.STATE_COMPANY,
    Organization.Kind.AGENCY,
    Organization.Kind.NGO,
    Organization.Kind.INSTITUTION,
    Organization.Kind.MUNICIPALITY,
)


def _o(stem: str, en: str, uk: str, az: str, acronym: str, kind: str, country: str) -> OrgSpec:
    return OrgSpec(stem, Text(en, uk, az), acronym, kind, country)


FUNDERS: tuple[OrgSpec, ...] = (
    _o(
        "government-az",
        "Government of the Republic of Azerbaijan",
        "Уряд Азербайджанської Республіки",
        "Azərbaycan Respublikasının Hökuməti",
        "",
        GOV,
        "AZ",
    ),
    _o(
        "energy-ministry-az",
        "Ministry of Energy of Azerbaijan",
        "Міністерство енергетики Азербайджану",
        "Azərbaycan Energetika Nazirliyi",
        "",
        GOV,
        "AZ",
    ),
    _o(
        "socar",
        "State Oil Company of Azerbaijan",
        "Державна нафтова компанія Азербайджану",
        "Azərbaycan Dövlət Neft Şirkəti",
        "SOCAR",
        COMPANY,
        "AZ",
    ),
    _o(
        "anama",
        "Mine Action Agency of Azerbaijan",
        "Агентство з розмінування Азербайджану",
        "Azərbaycan Minatəmizləmə Agentliyi",
        "ANAMA",
        AGENCY,
        "AZ",
    ),
    _o(
        "emergency-ministry-az",
        "Ministry of Emergency Situations of Azerbaijan",
        "Міністерство з надзвичайних ситуацій Азербайджану",
        "Azərbaycan Fövqəladə Hallar Nazirliyi",
        "FHN",
        GOV,
        "AZ",
    ),
    _o(
        "health-ministry-az",
        "Ministry of Health of Azerbaijan",
        "Міністерство охорони здоров'я Азербайджану",
        "Azərbaycan Səhiyyə Nazirliyi",
        "",
        GOV,
        "AZ",
    ),
    _o("azerenerji", "Azerenerji", "Азеренерджі", "Azərenerji", "", COMPANY, "AZ"),
    _o(
        "donors-az",
        "Private donors and diaspora from Azerbaijan",
        "Приватні донори та діаспора з Азербайджану",
        "Azərbaycandan özəl donorlar və diaspor",
        "",
        NGO,
        "AZ",
    ),
)

RECIPIENTS: tuple[OrgSpec, ...] = (
    _o(
        "energy-ministry-ua",
        "Ministry of Energy of Ukraine",
        "Міністерство енергетики України",
        "Ukrayna Energetika Nazirliyi",
        "",
        GOV,
        "UA",
    ),
    _o("ukrenergo", "Ukrenergo", "Укренерго", "Ukrenerqo", "", COMPANY, "UA"),
    _o(
        "emergency-service-ua",
        "State Emergency Service of Ukraine",
        "Державна служба України з надзвичайних ситуацій",
        "Ukrayna Dövlət Fövqəladə Hallar Xidməti",
        "SESU",
        AGENCY,
        "UA",
    ),
    _o(
        "health-ministry-ua",
        "Ministry of Health of Ukraine",
        "Міністерство охорони здоров'я України",
        "Ukrayna Səhiyyə Nazirliyi",
        "",
        GOV,
        "UA",
    ),
    _o("socar-ukraine", "SOCAR Ukraine", "СОКАР Україна", "SOCAR Ukrayna", "", COMPANY, "UA"),
    _o(
        "irpin-council",
        "Irpin City Council",
        "Ірпінська міська рада",
        "İrpin Şəhər Şurası",
        "",
        CITY_HALL,
        "UA",
    ),
    _o(
        "kyiv-administration",
        "Kyiv City State Administration",
        "Київська міська державна адміністрація",
        "Kiyev Şəhər Dövlət Administrasiyası",
        "KMDA",
        CITY_HALL,
        "UA",
    ),
    _o(
        "kharkiv-council",
        "Kharkiv City Council",
        "Харківська міська рада",
        "Xarkov Şəhər Şurası",
        "",
        CITY_HALL,
        "UA",
    ),
    _o(
        "azerbaijanis-council-ua",
        "Council of Azerbaijanis of Ukraine",
        "Рада азербайджанців України",
        "Ukrayna Azərbaycanlıları Şurası",
        "",
        NGO,
        "UA",
    ),
)

HOSTS: tuple[OrgSpec, ...] = (
    _o(
        "naftalan-centre",
        "Naftalan Rehabilitation Centre",
        "Реабілітаційний центр «Нафталан»",
        "Naftalan Reabilitasiya Mərkəzi",
        "",
        INSTITUTION,
        "AZ",
    ),
    _o(
        "gabala-camp",
        "Gabala Children's Health Camp",
        "Дитячий оздоровчий табір у Габалі",
        "Qəbələ Uşaq Sağlamlıq Düşərgəsi",
        "",
        INSTITUTION,
        "AZ",
    ),
    _o(
        "baku-clinic",
        "Baku Children's Clinical Hospital",
        "Бакинська дитяча клінічна лікарня",
        "Bakı Uşaq Kliniki Xəstəxanası",
        "",
        INSTITUTION,
        "AZ",
    ),
    _o(
        "lankaran-sanatorium",
        "Lankaran Sanatorium",
        "Ленкоранський санаторій",
        "Lənkəran Sanatoriyası",
        "",
        INSTITUTION,
        "AZ",
    ),
)

BUILDERS: tuple[OrgSpec, ...] = (
    _o(
        "azerinsaat",
        "Azerinshaat Construction",
        "Будівельна компанія «Азеріншаат»",
        "Azərinşaat Tikinti",
        "",
        COMPANY,
        "AZ",
    ),
    _o("kyivmiskbud", "Kyivmiskbud", "Київміськбуд", "Kiyevmiskbud", "", COMPANY, "UA"),
    _o(
        "dity-help",
        "Dity.Help platform",
        "Платформа Dity.Help",
        "Dity.Help platforması",
        "",
        INSTITUTION,
        "UA",
    ),
)

PUBLISHERS = ("AZERTAC", "Ukrinform", "Report.az", "Trend", "APA", "Interfax-Ukraine")

SECTOR_WORDS: dict[str, Text] = {
    Sector.ENERGY: Text("Energy equipment", "Енергетичне обладнання", "Enerji avadanlığı"),
    Sector.DEMINING: Text("Demining support", "Підтримка розмінування", "Minatəmizləmə dəstəyi"),
    Sector.MEDICAL: Text("Medical aid", "Медична допомога", "Tibbi yardım"),
    Sector.FOOD_ESSENTIALS: Text(
        "Food and essentials", "Продукти та предмети першої потреби", "Ərzaq və zəruri əşyalar"
    ),
    Sector.FUEL: Text("Fuel supply", "Постачання пального", "Yanacaq təchizatı"),
    Sector.REHABILITATION: Text(
        "Rehabilitation supplies", "Засоби для реабілітації", "Reabilitasiya ləvazimatı"
    ),
    Sector.RECONSTRUCTION: Text(
        "Reconstruction materials", "Матеріали для відбудови", "Bərpa materialları"
    ),
    Sector.OTHER: Text("Humanitarian cargo", "Гуманітарний вантаж", "Humanitar yük"),
}

# The item kinds each sector's packages are made of, with the unit they are counted in.
SECTOR_ITEMS: dict[str, tuple[tuple[str, str], ...]] = {
    Sector.ENERGY: (
        (ItemKind.TRANSFORMER, ItemUnit.PIECES),
        (ItemKind.GENERATOR, ItemUnit.PIECES),
        (ItemKind.CABLE, ItemUnit.METRES),
        (ItemKind.LOW_VOLTAGE_PANEL, ItemUnit.PIECES),
        (ItemKind.SPARE_PARTS, ItemUnit.SETS),
    ),
    Sector.DEMINING: (
        (ItemKind.DEMINING_MACHINE, ItemUnit.PIECES),
        (ItemKind.PROTECTIVE_GEAR, ItemUnit.SETS),
        (ItemKind.SPARE_PARTS, ItemUnit.SETS),
    ),
    Sector.MEDICAL: (
        (ItemKind.MEDICINE, ItemUnit.KG),
        (ItemKind.PROTECTIVE_GEAR, ItemUnit.SETS),
        (ItemKind.GENERATOR, ItemUnit.PIECES),
        (ItemKind.OTHER, ItemUnit.PIECES),
    ),
    Sector.FOOD_ESSENTIALS: (
        (ItemKind.FOOD, ItemUnit.TONNES),
        (ItemKind.OTHER, ItemUnit.SETS),
        (ItemKind.MEDICINE, ItemUnit.KG),
    ),
    Sector.FUEL: ((ItemKind.FUEL, ItemUnit.LITRES), (ItemKind.GENERATOR, ItemUnit.PIECES)),
    Sector.REHABILITATION: ((ItemKind.MEDICINE, ItemUnit.KG), (ItemKind.OTHER, ItemUnit.SETS)),
    Sector.RECONSTRUCTION: (
        (ItemKind.CABLE, ItemUnit.METRES),
        (ItemKind.SPARE_PARTS, ItemUnit.SETS),
        (ItemKind.OTHER, ItemUnit.TONNES),
    ),
    Sector.OTHER: ((ItemKind.OTHER, ItemUnit.PIECES), (ItemKind.FOOD, ItemUnit.TONNES)),
}

# (low, high) of a quantity per unit.
QUANTITY_RANGES: dict[str, tuple[int, int]] = {
    ItemUnit.PIECES: (1, 400),
    ItemUnit.METRES: (500, 60000),
    ItemUnit.LITRES: (5000, 900000),
    ItemUnit.KG: (50, 20000),
    ItemUnit.SETS: (5, 2000),
    ItemUnit.TONNES: (1, 500),
}

ITEM_DESCRIPTIONS: dict[str, tuple[Text, ...]] = {
    ItemKind.TRANSFORMER: (
        Text("10/0.4 kV, 630 kVA", "10/0,4 кВ, 630 кВА", "10/0,4 kV, 630 kVA"),
        Text(
            "35/10 kV substation unit", "блок підстанції 35/10 кВ", "35/10 kV yarımstansiya bloku"
        ),
    ),
    ItemKind.GENERATOR: (
        Text("diesel, 100 kVA", "дизельний, 100 кВА", "dizel, 100 kVA"),
        Text("mobile, 30 kW", "мобільний, 30 кВт", "səyyar, 30 kVt"),
    ),
    ItemKind.CABLE: (
        Text("power cable, copper", "силовий кабель, мідь", "güc kabeli, mis"),
        Text(
            "overhead wire, aluminium", "провід для ЛЕП, алюміній", "hava xətti naqili, alüminium"
        ),
    ),
    ItemKind.LOW_VOLTAGE_PANEL: (
        Text("0.4 kV switchboard", "розподільчий щит 0,4 кВ", "0,4 kV paylayıcı lövhə"),
    ),
    ItemKind.FUEL: (
        Text("diesel fuel", "дизельне пальне", "dizel yanacağı"),
        Text("petrol, A-95", "бензин А-95", "benzin, A-95"),
    ),
    ItemKind.DEMINING_MACHINE: (
        Text(
            "remote-controlled flail", "дистанційно керована машина", "uzaqdan idarə olunan maşın"
        ),
    ),
    ItemKind.SPARE_PARTS: (
        Text("for power lines", "для ліній електропередачі", "elektrik xətləri üçün"),
        Text("for machinery", "для техніки", "texnika üçün"),
    ),
    ItemKind.PROTECTIVE_GEAR: (
        Text("helmets and vests", "шоломи та жилети", "dəbilqə və jilet"),
        Text("first-aid kits", "аптечки першої допомоги", "ilk yardım qutuları"),
    ),
    ItemKind.MEDICINE: (
        Text(
            "antibiotics and painkillers",
            "антибіотики та знеболювальні",
            "antibiotik və ağrıkəsici",
        ),
        Text("dressings", "перев'язувальні матеріали", "sarğı materialları"),
    ),
    ItemKind.FOOD: (
        Text("flour and cereals", "борошно та крупи", "un və yarma"),
        Text("canned food", "консерви", "konserv"),
    ),
    ItemKind.OTHER: (
        Text("blankets and bedding", "ковдри та постільна білизна", "yorğan və yataq dəsti"),
        Text("hygiene kits", "гігієнічні набори", "gigiyena dəstləri"),
    ),
}

# Parallel sentences, chosen at random to make a body; none states a fact of its own.
AID_SENTENCES: tuple[Text, ...] = (
    Text(
        "The cargo was checked and sealed before it left.",
        "Вантаж перевірили й опломбували перед відправленням.",
        "Yük göndərilməzdən əvvəl yoxlanılıb və möhürlənib.",
    ),
    Text(
        "Local services distribute it where the need is greatest.",
        "Місцеві служби розподіляють його там, де потреба найбільша.",
        "Yerli xidmətlər onu ehtiyacın ən çox olduğu yerlərə paylayır.",
    ),
    Text(
        "The shipment travelled by road through neighbouring countries.",
        "Відправлення їхало автошляхами через сусідні країни.",
        "Göndəriş qonşu ölkələrdən keçməklə avtomobil yolu ilə daşınıb.",
    ),
    Text(
        "Engineers on site confirmed that the equipment is in use.",
        "Інженери на місці підтвердили, що обладнання використовується.",
        "Yerindəki mühəndislər avadanlığın istifadə olunduğunu təsdiqləyib.",
    ),
    Text(
        "The recipients reported the delivery in an official statement.",
        "Отримувачі повідомили про доставку в офіційній заяві.",
        "Alıcılar çatdırılma barədə rəsmi bəyanatda məlumat veriblər.",
    ),
    Text(
        "Further shipments of the same kind are being prepared.",
        "Готуються нові відправлення такого ж характеру.",
        "Eyni xarakterli yeni göndərişlər hazırlanır.",
    ),
)

LEGAL_BASES: tuple[Text, ...] = (
    Text("Presidential order", "Розпорядження Президента", "Prezidentin Sərəncamı"),
    Text(
        "Cabinet of Ministers decision", "Рішення Кабінету Міністрів", "Nazirlər Kabinetinin qərarı"
    ),
    Text("Ministry allocation", "Виділення коштів міністерством", "Nazirliyin vəsait ayırması"),
)

LABELS: dict[str, Text] = {
    "funder": Text("Funder", "Донор", "Donor"),
    "recipient": Text("Recipient", "Отримувач", "Alıcı"),
    "items": Text("Lines in the package", "Позицій у пакеті", "Paketdəki mövqelər"),
    "city": Text("City", "Місто", "Şəhər"),
    "facility": Text("Facility", "Об'єкт", "Obyekt"),
    "work": Text("Work", "Роботи", "İşlər"),
    "phase": Text("Phase", "Етап", "Mərhələ"),
    "children": Text("Children", "Дітей", "Uşaqlar"),
    "cohort": Text("Cohort", "Категорія", "Kateqoriya"),
    "programme": Text("Programme", "Програма", "Proqram"),
    "host": Text("Hosted in", "Місце перебування", "Qəbul yeri"),
    "partners": Text("Partners", "Партнери", "Tərəfdaşlar"),
    "kind": Text("Form", "Форма", "Forma"),
    "street": Text("St.", "вул.", "küç."),
}

FACILITY_WORDS: dict[str, Text] = {
    FacilityType.SCHOOL: Text("School", "Школа", "Məktəb"),
    FacilityType.POLYCLINIC: Text("Polyclinic", "Поліклініка", "Poliklinika"),
    FacilityType.HOSPITAL: Text("Hospital", "Лікарня", "Xəstəxana"),
    FacilityType.CULTURAL_CENTRE: Text("Cultural centre", "Культурний центр", "Mədəniyyət mərkəzi"),
    FacilityType.SPORTS_COMPLEX: Text("Sports complex", "Спортивний комплекс", "İdman kompleksi"),
    FacilityType.ART_CENTRE: Text("Art centre", "Арт-центр", "İncəsənət mərkəzi"),
    FacilityType.RESIDENTIAL_BUILDING: Text(
        "Residential building", "Житловий будинок", "Yaşayış binası"
    ),
    FacilityType.LIBRARY_SPACE: Text("Library space", "Бібліотечний простір", "Kitabxana məkanı"),
    FacilityType.PARK: Text("Park", "Парк", "Park"),
    FacilityType.SHELTER: Text("Shelter", "Укриття", "Sığınacaq"),
}

WORK_WORDS: dict[str, Text] = {
    WorkKind.RESTORATION: Text("restoration", "відновлення", "bərpa"),
    WorkKind.RECONSTRUCTION: Text("reconstruction", "реконструкція", "yenidənqurma"),
    WorkKind.NEW_CONSTRUCTION: Text("new construction", "нове будівництво", "yeni tikinti"),
}

PHASE_WORDS: dict[str, Text] = {
    Phase.PLANNED: Text("planned", "заплановано", "planlaşdırılıb"),
    Phase.AGREED: Text("agreed", "погоджено", "razılaşdırılıb"),
    Phase.DESIGN: Text("design", "проєктування", "layihələndirmə"),
    Phase.UNDER_CONSTRUCTION: Text("under construction", "будівництво", "tikinti gedir"),
    Phase.COMPLETED: Text("completed", "завершено", "başa çatıb"),
    Phase.ON_HOLD: Text("on hold", "призупинено", "dayandırılıb"),
}

STREETS: tuple[Text, ...] = (
    Text("Soborna", "Соборна", "Soborna"),
    Text("Shevchenka", "Шевченка", "Şevçenko"),
    Text("Universytetska", "Університетська", "Universitetska"),
    Text("Lesi Ukrainky", "Лесі Українки", "Lesya Ukrainka"),
    Text("Myru", "Миру", "Miru"),
    Text("Tsentralna", "Центральна", "Sentralna"),
)

MONTHS: tuple[Text, ...] = (
    Text("January", "січень", "yanvar"),
    Text("February", "лютий", "fevral"),
    Text("March", "березень", "mart"),
    Text("April", "квітень", "aprel"),
    Text("May", "травень", "may"),
    Text("June", "червень", "iyun"),
    Text("July", "липень", "iyul"),
    Text("August", "серпень", "avqust"),
    Text("September", "вересень", "sentyabr"),
    Text("October", "жовтень", "oktyabr"),
    Text("November", "листопад", "noyabr"),
    Text("December", "грудень", "dekabr"),
)

GROUP_WORD = Text("Rehabilitation group", "Реабілітаційна група", "Reabilitasiya qrupu")
AND = Text("and", "і", "və")

MILESTONES: tuple[Text, ...] = (
    Text("Agreement signed", "Угоду підписано", "Saziş imzalanıb"),
    Text("Design approved", "Проєкт затверджено", "Layihə təsdiqlənib"),
    Text("Site cleared", "Майданчик розчищено", "Sahə təmizlənib"),
    Text("Foundations laid", "Закладено фундамент", "Təməl qoyulub"),
    Text("Roof completed", "Дах завершено", "Dam örtüyü tamamlanıb"),
    Text(
        "Windows and heating installed",
        "Встановлено вікна та опалення",
        "Pəncərə və istilik quraşdırılıb",
    ),
    Text("Interior finished", "Оздоблення завершено", "Daxili işlər bitib"),
    Text("Opened to the public", "Відкрито для відвідувачів", "İstifadəyə verilib"),
)

MILESTONE_TEXTS: tuple[Text, ...] = (
    Text(
        "Representatives of both countries visited the site.",
        "Представники обох країн відвідали об'єкт.",
        "Hər iki ölkənin nümayəndələri obyektə baş çəkib.",
    ),
    Text(
        "The contractor reported the stage finished on schedule.",
        "Підрядник повідомив, що етап завершено вчасно.",
        "Podratçı mərhələnin vaxtında başa çatdığını bildirib.",
    ),
    Text(
        "Inspectors accepted the work without remarks.",
        "Інспектори прийняли роботи без зауважень.",
        "Müfəttişlər işləri qeydsiz qəbul ediblər.",
    ),
)

PROJECT_SENTENCES: tuple[Text, ...] = (
    Text(
        "The building was damaged during the occupation of the area.",
        "Будівлю пошкоджено під час окупації території.",
        "Bina ərazinin işğalı zamanı zədələnib.",
    ),
    Text(
        "The new design adds a shelter and step-free access.",
        "Новий проєкт передбачає укриття та безбар'єрний доступ.",
        "Yeni layihə sığınacaq və maneəsiz giriş əlavə edir.",
    ),
    Text(
        "Local residents were consulted on the plans.",
        "Плани обговорили з місцевими мешканцями.",
        "Planlar yerli sakinlərlə müzakirə olunub.",
    ),
    Text(
        "Energy-efficient materials cut the heating bill.",
        "Енергоефективні матеріали зменшують витрати на опалення.",
        "Enerjiyə qənaət edən materiallar istilik xərclərini azaldır.",
    ),
)

COHORT_WORDS: dict[str, Text] = {
    Cohort.PARENTAL_CARE: Text(
        "children deprived of parental care",
        "діти, позбавлені батьківського піклування",
        "valideyn himayəsindən məhrum uşaqlar",
    ),
    Cohort.FALLEN_DEFENDERS: Text(
        "children of fallen defenders",
        "діти загиблих захисників",
        "həlak olmuş müdafiəçilərin uşaqları",
    ),
    Cohort.PRISONERS_OF_WAR: Text(
        "children of prisoners of war", "діти військовополонених", "hərbi əsirlərin uşaqları"
    ),
    Cohort.SERVING_DEFENDERS: Text(
        "children of serving defenders",
        "діти чинних захисників",
        "xidmətdə olan müdafiəçilərin uşaqları",
    ),
    Cohort.OTHER: Text(
        "children affected by the war",
        "діти, яких торкнулася війна",
        "müharibədən zərər çəkmiş uşaqlar",
    ),
}

PROGRAMME_WORDS: dict[str, Text] = {
    Programme.MEDICAL: Text("medical", "медична", "tibbi"),
    Programme.PSYCHOSOCIAL: Text("psychosocial", "психосоціальна", "psixososial"),
    Programme.BOTH: Text(
        "medical and psychosocial", "медична та психосоціальна", "tibbi və psixososial"
    ),
}

SEASONS: tuple[Text, ...] = (
    Text("winter", "зима", "qış"),
    Text("spring", "весна", "yaz"),
    Text("summer", "літо", "yay"),
    Text("autumn", "осінь", "payız"),
)

GROUP_SENTENCES: tuple[Text, ...] = (
    Text(
        "The stay combined treatment, sport and excursions.",
        "Перебування поєднувало лікування, спорт і екскурсії.",
        "Səfər müalicə, idman və ekskursiyaları birləşdirib.",
    ),
    Text(
        "Psychologists worked with the children every day.",
        "Психологи щодня працювали з дітьми.",
        "Psixoloqlar hər gün uşaqlarla işləyib.",
    ),
    Text(
        "The children returned home with their accompanying adults.",
        "Діти повернулися додому разом із супровідниками.",
        "Uşaqlar müşayiətçiləri ilə birlikdə evə qayıdıblar.",
    ),
)

PARTNERSHIP_WORDS: dict[str, Text] = {
    PartnershipKind.SISTER_CITIES: Text("sister cities", "міста-побратими", "qardaş şəhərlər"),
    PartnershipKind.PARTNERSHIP: Text("partnership", "партнерство", "tərəfdaşlıq"),
    PartnershipKind.COOPERATION_AGREEMENT: Text(
        "cooperation agreement", "угода про співпрацю", "əməkdaşlıq sazişi"
    ),
}

ACTIVITIES: tuple[Text, ...] = (
    Text("Delegation visit", "Візит делегації", "Nümayəndə heyətinin səfəri"),
    Text("Memorandum signed", "Підписано меморандум", "Memorandum imzalanıb"),
    Text("Joint cultural days", "Спільні дні культури", "Birgə mədəniyyət günləri"),
    Text("School exchange", "Шкільний обмін", "Məktəb mübadiləsi"),
    Text("Aid handed over", "Передано допомогу", "Yardım təhvil verilib"),
)

PARTNERSHIP_SENTENCES: tuple[Text, ...] = (
    Text(
        "The two cities exchange delegations every year.",
        "Два міста щороку обмінюються делегаціями.",
        "İki şəhər hər il nümayəndə heyətləri mübadiləsi edir.",
    ),
    Text(
        "Schools of both cities run joint projects.",
        "Школи обох міст реалізують спільні проєкти.",
        "Hər iki şəhərin məktəbləri birgə layihələr həyata keçirir.",
    ),
)

PHOTO_ALT: Text = Text(
    "Labelled illustration: a coloured field with a simple shape and the words 'Körpü bulk'.",
    "Підписана ілюстрація: кольорове тло з простою фігурою та словами «Körpü bulk».",
    "İşarələnmiş illüstrasiya: sadə fiqur və 'Körpü bulk' sözləri olan rəngli fon.",
)

PHOTO_CAPTIONS: dict[str, Text] = {
    "general": Text("Illustration", "Ілюстрація", "İllüstrasiya"),
    "before": Text(
        "Before the work (illustration)", "До робіт (ілюстрація)", "İşlərdən əvvəl (illüstrasiya)"
    ),
    "after": Text(
        "After the work (illustration)", "Після робіт (ілюстрація)", "İşlərdən sonra (illüstrasiya)"
    ),
}

CREDITS = ("Körpü illustration", "AZERTAC (illustration)", "Ukrinform (illustration)")
