"""Ukrainian dates without a leading zero ("1 травня 2024 р."), as in our sources' citations;
everything else is Django's Ukrainian format."""

from django.conf.locale.uk.formats import *  # noqa: F403 - extend Django's own module

DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р. H:i"
