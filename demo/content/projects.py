"""Reconstruction projects done or under way in Irpin and Kyiv, with their dated milestones.

The four facilities planned in Irpin are in `demo.content.planned_projects`.

No budget is given for any project, so none is recorded. Completed projects need a completion
date: where the sources give only a month or the report that calls the work done, the summary
says the date is approximate.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from demo.content import MARDALIYEV_INTERVIEW, ROME_CONFERENCE, Event, Text
from projects.models import FacilityType, Phase, WorkKind

PROJECTS: dict[str, dict[str, Any]] = {
    "irpin-school": {
        "title": Text(
            "Restoration of a school in Irpin",
            "Відновлення школи в Ірпені",
            "İrpində məktəbin bərpası",
        ),
        "summary": Text(
            "Restoring a local secondary school was Azerbaijan's first reconstruction project in "
            "Irpin, with funding from SOCAR Ukraine. No dates are given; the ambassador called it "
            "finished in an interview after the end of April 2025, the approximate completion "
            "date used here.",
            "Відновлення місцевої загальноосвітньої школи стало першим проєктом Азербайджану з "
            "відбудови в Ірпені; його профінансувала SOCAR Україна. Дат не наведено; посол "
            "назвав роботи завершеними в інтерв'ю після кінця квітня 2025 року, і це взято як "
            "приблизну дату завершення.",
            "Yerli orta məktəbin bərpası Azərbaycanın İrpində ilk bərpa layihəsi olub və SOCAR "
            "Ukrayna tərəfindən maliyyələşdirilib. Tarixlər göstərilmir; səfir 2025-ci ilin "
            "aprel ayının sonundan sonra verdiyi müsahibədə işləri başa çatmış adlandırıb, bu da "
            "burada təxmini tamamlanma tarixi kimi götürülüb.",
        ),
        "body": Text(
            "Irpin, one of the hardest-hit towns of the Kyiv region, has long ties to "
            "Azerbaijan: a monument to the academician Zarifa Aliyeva stands there, and a "
            "lyceum named after her teaches Azerbaijani. The school was Azerbaijan's first "
            "project in the town; the polyclinic came second.",
            "Ірпінь, одне з найбільш постраждалих міст Київщини, давно пов'язаний з "
            "Азербайджаном: тут стоїть пам'ятник академіку Зарифі Алієвій, а в ліцеї її імені "
            "викладають азербайджанську мову. Школа стала першим проєктом Азербайджану в місті, "
            "другим була поліклініка.",
            "Kiyev vilayətinin ən çox zərər çəkmiş şəhərlərindən olan İrpinin Azərbaycanla "
            "köklü bağları var: burada akademik Zərifə Əliyevanın abidəsi ucalır, onun adını "
            "daşıyan liseydə isə Azərbaycan dili tədris olunur. Məktəb Azərbaycanın şəhərdəki "
            "ilk layihəsi olub, ikincisi poliklinika olub.",
        ),
        "place": "irpin",
        "facility_type": FacilityType.SCHOOL,
        "work_kind": WorkKind.RESTORATION,
        "phase": Phase.COMPLETED,
        "actual_completion": MARDALIYEV_INTERVIEW,
        "funders": ["socar-ukraine", "government-of-azerbaijan"],
        "implementing_partners": ["irpin-city-council"],
        "sources": ["mardaliyev_interview", "overview_july_2025"],
    },
    "irpin-polyclinic": {
        "title": Text(
            "Irpin city polyclinic rebuilt",
            "Відбудова міської поліклініки в Ірпені",
            "İrpin şəhər poliklinikasının yenidən qurulması",
        ),
        "summary": Text(
            "The polyclinic serving Irpin and the whole Bucha district was fully rebuilt with "
            "support from Azerbaijan's government and funding from SOCAR Ukraine, and reopened "
            "at the end of April 2025 (the record uses 30 April, an approximate date).",
            "Поліклініку, що обслуговує Ірпінь і весь Бучанський район, повністю відбудували за "
            "підтримки уряду Азербайджану та коштом SOCAR Україна; вона відкрилася наприкінці "
            "квітня 2025 року (у записі — 30 квітня, дата приблизна).",
            "İrpinə və bütün Buça rayonuna xidmət göstərən poliklinika Azərbaycan hökumətinin "
            "dəstəyi və SOCAR Ukraynanın maliyyəsi ilə tamamilə yenidən qurulub və 2025-ci ilin "
            "aprel ayının sonunda açılıb (qeyddə 30 aprel göstərilib, tarix təxminidir).",
        ),
        "body": Text(
            "Azerbaijan pledged to help rebuild Irpin at the 2023 Ukraine Recovery Conference in "
            "London, and the polyclinic was its second project there. Ukraine's ambassador in "
            "Baku speaks of a hospital wrecked by Russian attacks and brought back into service "
            "and modernised with help from Azerbaijan and SOCAR; the record takes it to be this "
            "building, as Azerbaijan's ambassador names only the school and the polyclinic as "
            "finished. Deputy Prime Minister Oleksii Kuleba and Verkhovna Rada Deputy Chair "
            "Olena Kondratiuk attended the reopening.",
            "На Конференції з відновлення України в Лондоні 2023 року Азербайджан пообіцяв "
            "допомогти відбудувати Ірпінь, і поліклініка стала його другим проєктом у місті. "
            "Посол України в Баку говорить про лікарню, зруйновану російськими атаками, яку "
            "повернули до роботи й модернізували за допомоги Азербайджану та SOCAR; запис "
            "вважає це тією самою будівлею, бо посол Азербайджану називає завершеними лише "
            "школу й поліклініку. На відкритті були віцепрем'єр-міністр Олексій Кулеба та "
            "заступниця голови Верховної Ради Олена Кондратюк.",
            "Azərbaycan 2023-cü ildə Londonda keçirilən Ukraynanın Bərpası Konfransında İrpinin "
            "bərpasına kömək edəcəyini vəd edib və poliklinika onun şəhərdəki ikinci layihəsi "
            "olub. Ukraynanın Bakıdakı səfiri Rusiya hücumları ilə dağıdılmış, Azərbaycanın və "
            "SOCAR-ın köməyi ilə yenidən işə salınıb müasirləşdirilmiş xəstəxanadan danışır; "
            "Azərbaycan səfiri yalnız məktəbi və poliklinikanı başa çatmış adlandırdığı üçün "
            "qeyd bunu eyni bina hesab edir. Açılışda baş nazirin müavini Oleksiy Kuleba və Ali "
            "Radanın sədr müavini Olena Kondratyuk iştirak ediblər.",
        ),
        "place": "irpin",
        "facility_type": FacilityType.POLYCLINIC,
        "work_kind": WorkKind.RECONSTRUCTION,
        "phase": Phase.COMPLETED,
        "actual_completion": MARDALIYEV_INTERVIEW,
        "funders": ["government-of-azerbaijan", "socar-ukraine", "socar"],
        "implementing_partners": ["irpin-city-council"],
        "milestones": [
            Event(
                MARDALIYEV_INTERVIEW,
                Text(
                    "Reopened after full reconstruction",
                    "Відкриття після повної відбудови",
                    "Tam yenidənqurmadan sonra açılış",
                ),
                Text(
                    "End of April 2025; the exact day is not given.",
                    "Кінець квітня 2025 року; точний день не названо.",
                    "2025-ci ilin aprel ayının sonu; dəqiq gün göstərilmir.",
                ),
            ),
        ],
        "sources": ["mardaliyev_interview", "ukrinform_gusev", "overview_july_2025"],
    },
    "irpin-park": {
        "title": Text(
            "Reconstruction of a park in Irpin",
            "Відбудова парку в Ірпені",
            "İrpində parkın yenidən qurulması",
        ),
        "summary": Text(
            "Azerbaijan has supported the reconstruction of a park in Irpin. The source names "
            "neither the park nor any dates and does not say whether the work is finished, so "
            "the record shows it as under way.",
            "Азербайджан підтримав відбудову парку в Ірпені. Джерело не називає ні парку, ні "
            "дат і не каже, чи роботи завершено, тому запис показує їх як такі, що тривають.",
            "Azərbaycan İrpində bir parkın yenidən qurulmasını dəstəkləyib. Mənbə nə parkın "
            "adını, nə də tarixləri göstərir və işlərin bitib-bitmədiyini demir, buna görə qeyd "
            "onları davam edən kimi göstərir.",
        ),
        "body": Text(
            "The park is named with the school and the city clinic among the Irpin projects "
            "Azerbaijan has backed, carried out together with the local authorities.",
            "Парк згадано разом зі школою та міською поліклінікою серед ірпінських проєктів, "
            "які підтримав Азербайджан і які виконують разом з місцевою владою.",
            "Park məktəb və şəhər poliklinikası ilə birlikdə Azərbaycanın dəstəklədiyi və yerli "
            "hakimiyyətlə birgə həyata keçirilən İrpin layihələri sırasında çəkilir.",
        ),
        "place": "irpin",
        "facility_type": FacilityType.PARK,
        "work_kind": WorkKind.RECONSTRUCTION,
        "phase": Phase.UNDER_CONSTRUCTION,
        "funders": ["government-of-azerbaijan"],
        "implementing_partners": ["irpin-city-council"],
        "sources": ["overview_july_2025"],
    },
    "kyiv-childrens-library-space": {
        "title": Text(
            "Safe recreation space at the National Library for Children",
            "Безпечний простір для відпочинку в Національній бібліотеці для дітей",
            "Milli Uşaq Kitabxanasında təhlükəsiz istirahət məkanı",
        ),
        "summary": Text(
            "A safe recreation space for children at the National Library of Ukraine for "
            "Children in Kyiv, renovated with support from Azerbaijan's government, opened in "
            "February 2025 (the record uses 28 February, an approximate date).",
            "У лютому 2025 року в Національній бібліотеці України для дітей у Києві відкрили "
            "безпечний простір для відпочинку дітей, оновлений за підтримки уряду Азербайджану "
            "(у записі — 28 лютого, дата приблизна).",
            "Kiyevdəki Ukrayna Milli Uşaq Kitabxanasında Azərbaycan hökumətinin dəstəyi ilə "
            "yenilənmiş uşaqlar üçün təhlükəsiz istirahət məkanı 2025-ci ilin fevralında açılıb "
            "(qeyddə 28 fevral göstərilib, tarix təxminidir).",
        ),
        "body": Text(
            "In 2024 Azerbaijan's embassy held a couple of small events at the same library, "
            "presenting Azerbaijani culture and history.",
            "У 2024 році посольство Азербайджану провело в цій бібліотеці кілька невеликих "
            "заходів, присвячених азербайджанській культурі та історії.",
            "2024-cü ildə Azərbaycan səfirliyi həmin kitabxanada Azərbaycan mədəniyyəti və "
            "tarixinə həsr olunmuş bir neçə kiçik tədbir keçirib.",
        ),
        "address": Text(
            "National Library of Ukraine for Children",
            "Національна бібліотека України для дітей",
            "Ukrayna Milli Uşaq Kitabxanası",
        ),
        "place": "kyiv",
        "facility_type": FacilityType.LIBRARY_SPACE,
        "work_kind": WorkKind.RESTORATION,
        "phase": Phase.COMPLETED,
        "actual_completion": dt.date(2025, 2, 28),
        "funders": ["government-of-azerbaijan"],
        "implementing_partners": ["national-library-of-ukraine-for-children"],
        "milestones": [
            Event(
                dt.date(2025, 2, 28),
                Text("Space opened", "Простір відкрито", "Məkan açıldı"),
                Text(
                    "February 2025; the exact day is not given.",
                    "Лютий 2025 року; точний день не названо.",
                    "2025-ci ilin fevralı; dəqiq gün göstərilmir.",
                ),
            ),
        ],
        "sources": ["mardaliyev_interview"],
    },
    "kyiv-childrens-shelter": {
        "title": Text(
            "Renovation of a children's shelter in Kyiv",
            "Оновлення прихистку для дітей у Києві",
            "Kiyevdə uşaq sığınacağının təmiri",
        ),
        "summary": Text(
            "Azerbaijan paid for the renovation of a children's shelter in Kyiv, finished by "
            "July 2025. The source names neither the shelter nor any dates; the record uses 11 "
            "July 2025 as an approximate completion date.",
            "Азербайджан профінансував оновлення прихистку для дітей у Києві, завершене до "
            "липня 2025 року. Джерело не називає ні закладу, ні дат; у записі як приблизну дату "
            "завершення вказано 11 липня 2025 року.",
            "Azərbaycan Kiyevdə bir uşaq sığınacağının təmirini maliyyələşdirib; işlər 2025-ci "
            "ilin iyuluna qədər başa çatıb. Mənbə nə müəssisənin adını, nə də tarixləri "
            "göstərir; qeyddə təxmini tamamlanma tarixi kimi 11 iyul 2025 götürülüb.",
        ),
        "body": Text(
            "The overview does not say what kind of shelter it is. The work was coordinated with "
            "the local authorities and paid for directly by the Azerbaijani state.",
            "Огляд не уточнює, про який саме прихисток ідеться. Роботи погодили з місцевою "
            "владою, а оплатила їх безпосередньо азербайджанська держава.",
            "İcmal söhbətin hansı sığınacaqdan getdiyini dəqiqləşdirmir. İşlər yerli "
            "hakimiyyətlə razılaşdırılıb və birbaşa Azərbaycan dövləti tərəfindən ödənilib.",
        ),
        "place": "kyiv",
        "facility_type": FacilityType.SHELTER,
        "work_kind": WorkKind.RESTORATION,
        "phase": Phase.COMPLETED,
        "actual_completion": ROME_CONFERENCE,
        "funders": ["government-of-azerbaijan"],
        "implementing_partners": ["kyiv-city-state-administration"],
        "sources": ["overview_july_2025"],
    },
    "kyiv-city-park": {
        "title": Text(
            "Renovation of a city park in Kyiv",
            "Оновлення міського парку в Києві",
            "Kiyevdə şəhər parkının təmiri",
        ),
        "summary": Text(
            "Azerbaijan paid for the renovation of a city park in Kyiv, finished by July 2025. "
            "The source does not name the park or give dates; the record uses 11 July 2025 as "
            "an approximate completion date.",
            "Азербайджан профінансував оновлення міського парку в Києві, завершене до липня "
            "2025 року. Джерело не називає парку й не наводить дат; у записі як приблизну дату "
            "завершення вказано 11 липня 2025 року.",
            "Azərbaycan Kiyevdə bir şəhər parkının təmirini maliyyələşdirib; işlər 2025-ci ilin "
            "iyuluna qədər başa çatıb. Mənbə parkın adını və tarixləri göstərmir; qeyddə təxmini "
            "tamamlanma tarixi kimi 11 iyul 2025 götürülüb.",
        ),
        "body": Text(
            "The work was coordinated with the city authorities. The sources do not say whether "
            "this is Natalka Park, where a friendship alley was laid out in 2025.",
            "Роботи погодили з міською владою. Чи йдеться про парк «Наталка», де у 2025 році "
            "заклали алею дружби, джерела не уточнюють.",
            "İşlər şəhər hakimiyyəti ilə razılaşdırılıb. Söhbətin 2025-ci ildə dostluq xiyabanı "
            "salınan «Natalka» parkından gedib-getmədiyini mənbələr dəqiqləşdirmir.",
        ),
        "place": "kyiv",
        "facility_type": FacilityType.PARK,
        "work_kind": WorkKind.RESTORATION,
        "phase": Phase.COMPLETED,
        "actual_completion": ROME_CONFERENCE,
        "funders": ["government-of-azerbaijan"],
        "implementing_partners": ["kyiv-city-state-administration"],
        "sources": ["overview_july_2025"],
    },
    "kyiv-natalka-park-friendship-alley": {
        "title": Text(
            "Friendship alley in Natalka Park, Kyiv",
            "Алея дружби в парку «Наталка» в Києві",
            "Kiyevin «Natalka» parkında dostluq xiyabanı",
        ),
        "summary": Text(
            "Azerbaijan's embassy laid out a friendship alley in Natalka Park in Kyiv in spring "
            "2025, a sign of the two countries' growing cultural ties. The exact date is not "
            "given; the record uses 30 April 2025, an approximate date.",
            "Навесні 2025 року посольство Азербайджану заклало алею дружби в київському парку "
            "«Наталка» — знак зміцнення культурних зв'язків між країнами. Точної дати не "
            "наведено; у записі — 30 квітня 2025 року, дата приблизна.",
            "2025-ci ilin yazında Azərbaycan səfirliyi Kiyevin «Natalka» parkında dostluq "
            "xiyabanı salıb; bu, iki ölkə arasında güclənən mədəni əlaqələrin rəmzidir. Dəqiq "
            "tarix göstərilmir; qeyddə 30 aprel 2025 götürülüb, tarix təxminidir.",
        ),
        "body": Text(
            "The ambassador named the alley among recent steps in cultural cooperation, "
            "alongside the renewed Ukrainian Center in Baku and book sections in libraries of "
            "both countries.",
            "Посол назвав алею серед останніх кроків культурної співпраці поряд з оновленим "
            "Українським центром у Баку та книжковими секціями в бібліотеках обох країн.",
            "Səfir xiyabanı mədəni əməkdaşlıqda son addımlar sırasında, Bakıdakı yenilənmiş "
            "Ukrayna Mərkəzi və hər iki ölkənin kitabxanalarındakı kitab bölmələri ilə yanaşı "
            "çəkib.",
        ),
        "address": Text("Natalka Park", "Парк «Наталка»", "«Natalka» parkı"),
        "place": "kyiv",
        "facility_type": FacilityType.PARK,
        "work_kind": WorkKind.NEW_CONSTRUCTION,
        "phase": Phase.COMPLETED,
        "actual_completion": MARDALIYEV_INTERVIEW,
        "funders": ["embassy-of-azerbaijan-in-ukraine"],
        "sources": ["mardaliyev_interview"],
    },
}
