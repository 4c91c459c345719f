"""Second sign-in step for staff (issue 7, item 3): after the password, a code from an
authenticator app (TOTP) or a single-use recovery code. Required for superusers and Publishers
(who must set it up before any admin page opens), optional for Editors unless
STAFF_2FA_FOR_EDITORS is on. Logins go through the admin's login form, as a person's do.

The rest of the suite runs with STAFF_2FA_REQUIRED off (pyproject.toml); every test here turns
it on.
"""
