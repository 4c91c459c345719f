"""Relief, demining and fuel aid packages (energy packages are in `demo.content.energy`).

A month or a year the seeds give is recorded with its precision. Where a delivery is reported
but not dated at all, the date of the report that states it stands in as the delivery date,
and the summary says so (see the note on dates in `demo.content`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from aid.models import DeliveryStatus, ItemKind, ItemUnit, Sector
from demo.content import GUSEV_INTERVIEW, ROME_CONFERENCE, Item, Text, in_month, in_year

AID_RELIEF: dict[str, dict[str, Any]] = {
    "first-aid-flights-2022": {
        "title": Text(
            "First aid flights of 2022",
            "Перші авіарейси з допомогою у 2022 році",
            "2022-ci ilin ilk yardım reysləri",
        ),
        "summary": Text(
            "In the first days of the full-scale invasion, in February 2022, Azerbaijan sent its "
            "first humanitarian aid by air to Poland, from where it went on to people in need in "
            "Ukraine. The aircraft landed between late February and early spring 2022.",
            "У перші дні повномасштабного вторгнення, у лютому 2022 року, Азербайджан відправив "
            "літаками першу гуманітарну допомогу до Польщі, звідки її доправили людям в Україні. "
            "Літаки приземлялися з кінця лютого до початку весни 2022 року.",
            "Genişmiqyaslı işğalın ilk günlərində, 2022-ci ilin fevralında, Azərbaycan ilk "
            "humanitar yardımı təyyarələrlə Polşaya göndərdi, oradan yardım Ukraynada ehtiyacı "
            "olan insanlara çatdırıldı. Təyyarələr 2022-ci ilin fevralının sonundan yazın "
            "əvvəlinə qədər endi.",
        ),
        "body": Text(
            "Azerbaijan was among the first countries to send help once the full-scale war "
            "began. The sources say neither what the first flights carried nor what it was "
            "worth, so nothing is itemised; deliveries went on regularly afterwards.",
            "Азербайджан був серед перших країн, які надіслали допомогу після початку "
            "повномасштабної війни. Джерела не називають ні вмісту перших рейсів, ні їхньої "
            "вартості, тому переліку немає; згодом поставки тривали регулярно.",
            "Azərbaycan genişmiqyaslı müharibə başlayandan sonra yardım göndərən ilk ölkələr "
            "sırasında idi. Mənbələr ilk reyslərin nə daşıdığını və dəyərini göstərmir, buna "
            "görə siyahı yoxdur; sonralar göndərişlər müntəzəm davam etdi.",
        ),
        "sector": Sector.OTHER,
        "delivery_status": DeliveryStatus.DELIVERED,
        # 'Sent its first humanitarian aid package to Ukraine in February 2022' (Ukrinform).
        "dispatched_on": in_month(2022, 2),
        "funder": "government-of-azerbaijan",
        "origin": "azerbaijan",
        "sources": ["ukrinform_gusev", "overview_july_2025"],
    },
    "medicine-food-clothing-essentials": {
        "title": Text(
            "Medicine, food, clothing and essentials",
            "Ліки, продукти, одяг і товари першої необхідності",
            "Dərman, ərzaq, geyim və ilkin tələbat malları",
        ),
        "summary": Text(
            "Medicines, food, clothing and everyday necessities are among the deliveries "
            "counted in Azerbaijan's aid up to July 2025. The sources give no quantities or "
            "dates; the record's delivery date, 11 July 2025, only marks the report that lists "
            "them.",
            "Ліки, продукти харчування, одяг і речі повсякденної потреби входять до поставок, "
            "врахованих у допомозі Азербайджану до липня 2025 року. Джерела не наводять ні "
            "кількостей, ні дат; дата доставки в записі, 11 липня 2025 року, лише позначає звіт, "
            "у якому їх перелічено.",
            "Dərmanlar, ərzaq, geyim və gündəlik tələbat malları Azərbaycanın 2025-ci ilin "
            "iyuluna qədərki yardımına daxil olan göndərişlər sırasındadır. Mənbələr nə miqdar, "
            "nə də tarix göstərir; qeyddəki çatdırılma tarixi, 11 iyul 2025, yalnız onları "
            "sadalayan hesabatı bildirir.",
        ),
        "body": Text(
            "Relief goods stand beside energy equipment and child rehabilitation among the more "
            "than ten areas of Azerbaijan's aid. Because no figures are published for them, each "
            "kind appears in the items table without a quantity.",
            "Гуманітарні товари стоять поруч з енергетичним обладнанням і реабілітацією дітей "
            "серед понад десяти напрямів допомоги Азербайджану. Оскільки цифр щодо них не "
            "оприлюднено, кожен вид указано в таблиці без кількості.",
            "Humanitar mallar enerji avadanlığı və uşaqların reabilitasiyası ilə yanaşı "
            "Azərbaycanın yardımının ondan çox istiqaməti sırasındadır. Onlar barədə rəqəmlər "
            "açıqlanmadığı üçün hər növ cədvəldə miqdarsız göstərilir.",
        ),
        "sector": Sector.FOOD_ESSENTIALS,
        "delivery_status": DeliveryStatus.DELIVERED,
        "delivered_on": ROME_CONFERENCE,
        "funder": "government-of-azerbaijan",
        "origin": "azerbaijan",
        "items": [
            Item(ItemKind.MEDICINE),
            Item(ItemKind.FOOD),
            Item(ItemKind.OTHER, Text("Clothing", "Одяг", "Geyim")),
            Item(
                ItemKind.OTHER,
                Text("Everyday essentials", "Речі першої необхідності", "İlkin tələbat malları"),
            ),
        ],
        "sources": ["overview_july_2025"],
    },
    "revival-p-demining-machine": {
        "title": Text(
            "Revival-P demining machine",
            "Машина для розмінування Revival-P",
            "Revival-P minatəmizləmə maşını",
        ),
        "summary": Text(
            "Azerbaijan gave Ukraine a Revival-P demining machine built in Azerbaijan. By July "
            "2025 it was clearing land in the Sumy and Kharkiv regions, and experts rated its "
            "work as effective. The handover date is not given; the record's 20 July 2025 only "
            "marks when the machine was reported at work.",
            "Азербайджан передав Україні машину для розмінування Revival-P азербайджанського "
            "виробництва. До липня 2025 року вона вже очищала землі в Сумській і Харківській "
            "областях, і фахівці оцінили її роботу як ефективну. Дату передачі не названо; 20 "
            "липня 2025 року в записі лише позначає, коли повідомили про роботу машини.",
            "Azərbaycan Ukraynaya Azərbaycanda istehsal olunmuş Revival-P minatəmizləmə maşını "
            "verdi. 2025-ci ilin iyuluna qədər maşın Sumı və Xarkov vilayətlərində torpaqları "
            "minalardan təmizləyirdi, mütəxəssislər onun işini səmərəli hesab edirdilər. Təhvil "
            "tarixi göstərilmir; qeyddəki 20 iyul 2025 yalnız maşının işi barədə məlumat "
            "verildiyi vaxtı bildirir.",
        ),
        "body": Text(
            "Ukraine and Azerbaijan face the same Soviet- and Russian-made anti-personnel and "
            "anti-tank mines, which makes Azerbaijan's experience directly useful. Ukraine's "
            "emergency service and ANAMA are preparing closer cooperation, including joint "
            "training and the exchange of experience.",
            "В Україні та Азербайджані трапляються ті самі протипіхотні й протитанкові міни "
            "радянського та російського виробництва, тож досвід Азербайджану безпосередньо "
            "корисний. ДСНС України та ANAMA готують тіснішу співпрацю, зокрема спільні "
            "навчання й обмін досвідом.",
            "Ukraynada və Azərbaycanda eyni sovet və Rusiya istehsalı olan piyada əleyhinə və "
            "tank əleyhinə minalarla qarşılaşılır, buna görə Azərbaycanın təcrübəsi birbaşa "
            "faydalıdır. Ukraynanın Fövqəladə Hallar Xidməti ilə ANAMA birgə təlimlər və "
            "təcrübə mübadiləsi daxil olmaqla daha sıx əməkdaşlığa hazırlaşır.",
        ),
        "sector": Sector.DEMINING,
        "delivery_status": DeliveryStatus.DELIVERED,
        "delivered_on": GUSEV_INTERVIEW,
        "funder": "government-of-azerbaijan",
        "origin": "azerbaijan",
        "items": [
            Item(
                ItemKind.DEMINING_MACHINE,
                Text(
                    "Revival-P, made in Azerbaijan",
                    "Revival-P азербайджанського виробництва",
                    "Revival-P, Azərbaycan istehsalı",
                ),
                Decimal("1"),
            ),
        ],
        "sources": ["ukrinform_gusev"],
    },
    "revival-p-spare-parts-2025": {
        "title": Text(
            "Spare parts for the Revival-P machine, 2025",
            "Запчастини для машини Revival-P, 2025",
            "Revival-P maşını üçün ehtiyat hissələri, 2025",
        ),
        "summary": Text(
            "Earlier in 2025 Azerbaijani partners sent replacement parts for repairing and "
            "servicing the Revival-P demining machine at work in Ukraine, as the ambassador "
            "reported in July 2025.",
            "Раніше у 2025 році азербайджанські партнери передали запасні частини для ремонту й "
            "обслуговування машини для розмінування Revival-P, що працює в Україні, як "
            "повідомив посол у липні 2025 року.",
            "2025-ci ilin əvvəlki aylarında azərbaycanlı tərəfdaşlar Ukraynada işləyən Revival-P "
            "minatəmizləmə maşınının təmiri və texniki xidməti üçün ehtiyat hissələri "
            "göndərdilər; bu barədə səfir 2025-ci ilin iyulunda məlumat verib.",
        ),
        "body": Text(
            "Spare parts keep the machine in the field between services. The source lists "
            "neither the parts nor their value.",
            "Запчастини дають змогу машині працювати в полі між обслуговуваннями. Джерело не "
            "наводить ні переліку деталей, ні їхньої вартості.",
            "Ehtiyat hissələri maşının texniki xidmətlər arasında sahədə işləməsinə imkan verir. "
            "Mənbə nə hissələrin siyahısını, nə də dəyərini göstərir.",
        ),
        "sector": Sector.DEMINING,
        "delivery_status": DeliveryStatus.DELIVERED,
        # 'Transferred earlier this year', in the Ukrinform interview of July 2025.
        "delivered_on": in_year(2025),
        "funder": "government-of-azerbaijan",
        "origin": "azerbaijan",
        "items": [Item(ItemKind.SPARE_PARTS)],
        "sources": ["ukrinform_gusev"],
    },
    "anama-demining-equipment": {
        "title": Text(
            "ANAMA demining equipment and protective gear",
            "Обладнання для розмінування та засоби захисту від ANAMA",
            "ANAMA-dan minatəmizləmə avadanlığı və mühafizə vasitələri",
        ),
        "summary": Text(
            "Azerbaijan's mine action agency ANAMA has delivered its first batches of demining "
            "equipment and spare parts to Ukraine, with personal protective gear, and offered to "
            "train Ukrainian deminers through international programmes. No quantities or dates "
            "are given; the record's 11 July 2025 marks the report.",
            "Азербайджанське агентство з розмінування ANAMA передало Україні перші партії "
            "обладнання для розмінування та запчастин разом із засобами індивідуального захисту "
            "і запропонувало навчати українських саперів у міжнародних програмах. Кількостей і "
            "дат не наведено; 11 липня 2025 року в записі позначає дату звіту.",
            "Azərbaycanın Minatəmizləmə Agentliyi ANAMA Ukraynaya minatəmizləmə avadanlığı və "
            "ehtiyat hissələrinin ilk partiyalarını fərdi mühafizə vasitələri ilə birlikdə "
            "çatdırıb və ukraynalı minaaxtaranları beynəlxalq proqramlarla öyrətməyi təklif "
            "edib. Miqdar və tarix göstərilmir; qeyddəki 11 iyul 2025 hesabatın tarixidir.",
        ),
        "body": Text(
            "Azerbaijan built its mine action expertise after the Second Karabakh War. Landmines "
            "and unexploded ordnance remain among the main dangers to civilians in Ukraine and "
            "hold back the recovery of its farming regions.",
            "Азербайджан набув досвіду в розмінуванні після Другої карабаської війни. Міни та "
            "нерозірвані боєприпаси залишаються однією з головних загроз для цивільних в "
            "Україні й гальмують відновлення її аграрних регіонів.",
            "Azərbaycan minatəmizləmə təcrübəsini İkinci Qarabağ müharibəsindən sonra qazanıb. "
            "Minalar və partlamamış sursatlar Ukraynada dinc sakinlər üçün əsas təhlükələrdən "
            "biri olaraq qalır və kənd təsərrüfatı regionlarının bərpasını ləngidir.",
        ),
        "sector": Sector.DEMINING,
        "delivery_status": DeliveryStatus.DELIVERED,
        "delivered_on": ROME_CONFERENCE,
        "funder": "anama",
        "origin": "azerbaijan",
        "items": [
            Item(
                ItemKind.OTHER,
                Text(
                    "Demining equipment", "Обладнання для розмінування", "Minatəmizləmə avadanlığı"
                ),
            ),
            Item(ItemKind.SPARE_PARTS),
            Item(
                ItemKind.PROTECTIVE_GEAR,
                Text(
                    "Personal protective gear",
                    "Засоби індивідуального захисту",
                    "Fərdi mühafizə vasitələri",
                ),
            ),
        ],
        "sources": ["overview_july_2025"],
    },
    "socar-fuel-emergency-vehicles": {
        "title": Text(
            "SOCAR fuel for emergency vehicles",
            "Пальне SOCAR для автомобілів екстрених служб",
            "Təcili xidmət maşınları üçün SOCAR yanacağı",
        ),
        "summary": Text(
            "SOCAR has supplied fuel for Ukraine's emergency vehicles through its subsidiaries "
            "in Ukraine, as part of Azerbaijan's continuing aid. No volumes or dates are given; "
            "the record's 11 July 2025 marks the report.",
            "SOCAR постачає пальне для автомобілів екстрених служб України через свої дочірні "
            "компанії в Україні; це частина постійної допомоги Азербайджану. Обсягів і дат не "
            "наведено; 11 липня 2025 року в записі позначає дату звіту.",
            "SOCAR Azərbaycanın davamlı yardımının bir hissəsi kimi Ukraynadakı törəmə şirkətləri "
            "vasitəsilə Ukraynanın təcili xidmət maşınlarını yanacaqla təmin edib. Həcm və tarix "
            "göstərilmir; qeyddəki 11 iyul 2025 hesabatın tarixidir.",
        ),
        "body": Text(
            "SOCAR also took part in Azerbaijan's energy aid, so that hospitals, childcare "
            "facilities and life-support services could keep running. Its Ukrainian subsidiary, "
            "SOCAR Ukraine, runs almost 60 filling stations across the country.",
            "SOCAR також долучався до енергетичної допомоги Азербайджану, щоб лікарні, заклади "
            "для дітей і служби життєзабезпечення працювали без перебоїв. Українська дочірня "
            "компанія SOCAR Україна має майже 60 автозаправних станцій по всій країні.",
            "SOCAR həmçinin Azərbaycanın enerji yardımında iştirak edib ki, xəstəxanalar, uşaq "
            "müəssisələri və həyat təminatı xidmətləri fasiləsiz işləsin. Şirkətin Ukraynadakı "
            "törəmə müəssisəsi SOCAR Ukrayna ölkə üzrə təxminən 60 yanacaqdoldurma məntəqəsini "
            "idarə edir.",
        ),
        "sector": Sector.FUEL,
        "delivery_status": DeliveryStatus.DELIVERED,
        "delivered_on": ROME_CONFERENCE,
        "funder": "socar",
        "items": [
            Item(
                ItemKind.FUEL,
                Text(
                    "Fuel for emergency vehicles",
                    "Пальне для автомобілів екстрених служб",
                    "Təcili xidmət maşınları üçün yanacaq",
                ),
                unit=ItemUnit.LITRES,
            ),
        ],
        "sources": ["overview_july_2025", "mardaliyev_interview"],
    },
    "civil-society-aid": {
        "title": Text(
            "Aid from Azerbaijani NGOs and diaspora",
            "Допомога від азербайджанських громадських організацій і діаспори",
            "Azərbaycan QHT-ləri və diasporunun yardımı",
        ),
        "summary": Text(
            "Besides the state's aid, NGOs and Azerbaijani communities in Ukraine and Europe "
            "organised their own deliveries, bought generators and gave temporary shelter to "
            "refugees, among them children and older people. Ukrainian sources credit "
            "Azerbaijani volunteers with funding or supporting dozens of evacuations.",
            "Окрім державної допомоги, громадські організації та азербайджанські громади в "
            "Україні та Європі самі організовували поставки, купували генератори й давали "
            "тимчасовий прихисток біженцям, зокрема дітям і літнім людям. За даними українських "
            "джерел, азербайджанські волонтери профінансували або підтримали десятки евакуацій.",
            "Dövlət yardımından əlavə, QHT-lər və Ukraynada və Avropada yaşayan azərbaycanlı "
            "icmalar öz göndərişlərini təşkil edib, generatorlar alıb və qaçqınlara, o cümlədən "
            "uşaqlara və yaşlılara müvəqqəti sığınacaq veriblər. Ukrayna mənbələrinə görə, "
            "azərbaycanlı könüllülər onlarla təxliyəni maliyyələşdirib və ya dəstəkləyib.",
        ),
        "body": Text(
            "No totals are published for this private help, so the record lists its kinds "
            "without numbers. The record's date, 11 July 2025, marks the report, not a delivery.",
            "Загальних підсумків цієї приватної допомоги не оприлюднено, тож запис перелічує "
            "її види без цифр. Дата в записі, 11 липня 2025 року, позначає звіт, а не доставку.",
            "Bu özəl yardımın ümumi rəqəmləri açıqlanmayıb, buna görə qeyd onun növlərini "
            "rəqəmsiz sadalayır. Qeyddəki tarix, 11 iyul 2025, çatdırılmanı deyil, hesabatı "
            "bildirir.",
        ),
        "sector": Sector.OTHER,
        "delivery_status": DeliveryStatus.DELIVERED,
        "delivered_on": ROME_CONFERENCE,
        "funder": "donors-in-azerbaijan",
        "items": [
            Item(ItemKind.GENERATOR),
            Item(
                ItemKind.OTHER,
                Text(
                    "Humanitarian deliveries organised independently",
                    "Гуманітарні вантажі, організовані самостійно",
                    "Müstəqil təşkil edilmiş humanitar göndərişlər",
                ),
            ),
        ],
        "sources": ["overview_july_2025"],
    },
}
