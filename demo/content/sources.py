"""The five seed texts as citations.

The seeds carry no addresses and no publication dates, so `url` and `published_on` stay
empty; the note says what each text supports and how far its date can be narrowed from
its own content. Titles in square brackets are descriptive: the text has no headline.
"""

from __future__ import annotations

from typing import Any

UNNAMED = "Publisher not named in the text"

SOURCES: dict[str, dict[str, Any]] = {
    "ses_generators": {
        "title": "Azerbaijan's assistance strengthens the resilience of Ukrainian rescuers",
        "publisher": f"{UNNAMED} (news report)",
        "note": (
            "Headline taken from the opening line. Supports: the State Emergency Service of "
            "Ukraine received generators and equipment from donors in Azerbaijan under the "
            "'Warmth for Ukraine' initiative of Ukraine's foreign minister; the handover was "
            "attended by SES head Andrii Danyk and Ambassador Yurii Husev. No date in the text."
        ),
    },
    "sumgait_2026": {
        "title": "[Commentary on Azerbaijan's aid shipment from the Sumgait Technologies Park]",
        "publisher": f"{UNNAMED} (commentary; photos credited to AZERTAC and Shutterstock)",
        "note": (
            "Supports: the shipment of low-voltage panels, generators, transformers and tens of "
            "thousands of metres of cable and wire worth USD 1 million, organised by the "
            "Ministry of Energy under the presidential order of 16 January 2026; the allocations "
            "of July 2023, February 2025 and August 2025 (USD 2 million); about USD 34 million "
            "by the end of 2023; more than 70 million manats (over USD 40 million) in 2024; "
            "over USD 45 million in all. Written after 16 January 2026; exact date not given."
        ),
    },
    "overview_july_2025": {
        "title": "[Analysis of Azerbaijan's position on and assistance to Ukraine, July 2025]",
        "publisher": f"{UNNAMED} (analysis; cites the Report news agency)",
        "note": (
            "Supports: more than USD 42 million and more than ten areas of aid as of July 2025; "
            "134 transformers, 70 generators, over 2 million metres of cable; medicine, food, "
            "clothing and essentials; first aid in February-March 2022; SOCAR fuel for "
            "emergency vehicles; 330 children rehabilitated (Rome recovery conference, 10-11 "
            "July 2025); Irpin school, clinic, park and four new facilities; Kyiv shelter and "
            "park; ANAMA equipment, spare parts and protective gear; civil-society aid. Written "
            "after 11 July 2025; exact date not given."
        ),
    },
    "ukrinform_gusev": {
        "title": (
            "Yuriy Gusev, Ukraine's Ambassador to the Republic of Azerbaijan: Baku's "
            "independent policy is annoying to many in Moscow"
        ),
        "publisher": "Ukrinform",
        "note": (
            "Interview by Yuriy Chorny. Supports: first aid aircraft landing in Poland in late "
            "February - early spring 2022; the Revival-P demining machine in the Sumy and "
            "Kharkiv regions and its spare parts; USD 1 million from the contingency fund in "
            "February; the Irpin hospital and the draft agreement on four public facilities; "
            "children of prisoners of war; the group from the Sumy region; over 300 children "
            "since 2022. Given a few days after the 20 July 2025 Shusha Global Media Forum; "
            "exact date not given."
        ),
    },
    "mardaliyev_interview": {
        "title": "Ukraine's recovery and Azerbaijan: successes, challenges, and opportunities",
        "publisher": f"{UNNAMED} (interview with Azerbaijan's ambassador to Ukraine)",
        "note": (
            "Interview with Ambassador Seymur Mardaliyev. Supports: USD 42 million so far; 270 "
            "children deprived of parental care, two then three groups a year, the spring 2025 "
            "group of 30; the February 2025 decree (USD 1 million, delivered in March) and USD "
            "7.6 million allocated in 2023; the Irpin school, the polyclinic reopened at the end "
            "of April 2025 and four planned projects; the children's library space (February "
            "2025) and the friendship alley in Natalka Park; the partnerships Baku-Kyiv, "
            "Sumgait-Cherkasy, Ganja-Odesa and Lachin-Irpin; visits to the Chernihiv region (18 "
            "March 2025) and Cherkasy (16 April 2025). Given after the end of April 2025; "
            "exact date not given."
        ),
    },
}
