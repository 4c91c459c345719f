"""The set-up page's QR code as inline SVG markup: no image request, no script, no CDN.

qrcode computes the matrix; the SVG is drawn here, one path of horizontal runs, because its
own SVG writer draws a rectangle per module (about 28 kB for an otpauth:// address, against
about 9 kB here).
"""

from __future__ import annotations

import qrcode
from django.utils.html import format_html
from django.utils.safestring import SafeString

# Wide enough for a phone camera at arm's length, narrow enough for the login box.
PIXELS = 220


def qr_svg(data: str, *, label: str) -> SafeString:
    """`data` as a QR code. Black on a white square with the standard quiet zone, so that it
    scans in the admin's dark theme too; `label` is its accessible name."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()  # with the quiet zone
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    size = len(matrix)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{px}" '
        'height="{px}" role="img" aria-label="{label}" shape-rendering="crispEdges">'
        '<rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>',
        size=size,
        px=PIXELS,
        label=label,
        path="".join(runs),
    )
