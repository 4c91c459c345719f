"""Every test of the second step runs with it required (the rest of the suite runs without)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _two_step_on(settings: pytest.FixtureRequest) -> None:
    settings.STAFF_2FA_REQUIRED = True
    settings.STAFF_2FA_FOR_EDITORS = False


@pytest.fixture
def no_throttle(settings: pytest.FixtureRequest) -> None:
    """django-otp refuses every code for 1, 2, 4... seconds after a wrong one; tests that type a
    wrong code and then go on at once switch that off (one test in test_sign_in.py checks it)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
