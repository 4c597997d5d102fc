"""Flat pictograms for the demo courses, drawn with Pillow.

The demo needs no licensed pictures: every image is drawn from simple shapes
in high-contrast colours. Drawing is deterministic, so a key always gives the
same PNG bytes.

``IMAGES`` maps each key used in ``academy_site.demo.content`` to a short,
unique title (the seed uses the title to find images it made before).
``render_image(key)`` returns the PNG bytes for a key.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 800, 450
CX, CY = WIDTH // 2, HEIGHT // 2

Colour = tuple[int, int, int]
Draw = ImageDraw.ImageDraw

NAVY: Colour = (11, 31, 58)
WHITE: Colour = (255, 255, 255)
CREAM: Colour = (255, 248, 225)
PALE_BLUE: Colour = (214, 234, 255)
PALE_GREEN: Colour = (220, 242, 226)
PALE_RED: Colour = (255, 226, 226)
PALE_GREY: Colour = (236, 236, 236)
RED: Colour = (200, 16, 46)
ORANGE: Colour = (245, 130, 32)
YELLOW: Colour = (255, 204, 0)
GREEN: Colour = (0, 122, 61)
NHS_BLUE: Colour = (0, 94, 184)
POLICE_BLUE: Colour = (16, 42, 110)
WATER: Colour = (90, 170, 240)
GREY: Colour = (120, 120, 120)
DARK: Colour = (35, 35, 35)
BROWN: Colour = (125, 78, 40)
SKIN: Colour = (200, 140, 90)
GOLD: Colour = (222, 170, 20)
LINE = 8


# Shared drawing helpers -------------------------------------------------------


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _label(draw: Draw, xy: tuple[int, int], text: str, size: int, fill: Colour):
    draw.text(xy, text, font=_font(size), fill=fill, anchor="mm")


def _circle(draw: Draw, cx: int, cy: int, r: int, **style) -> None:
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), **style)


def _cross(draw: Draw, cx: int, cy: int, size: int, fill: Colour) -> None:
    arm = size // 6
    half = size // 2
    draw.rectangle((cx - arm, cy - half, cx + arm, cy + half), fill=fill)
    draw.rectangle((cx - half, cy - arm, cx + half, cy + arm), fill=fill)


def _bolt(draw: Draw, cx: int, cy: int, size: int, fill: Colour) -> None:
    s = size / 100
    points = [(10, -50), (-25, 5), (0, 5), (-10, 50), (25, -5), (0, -5)]
    draw.polygon([(cx + x * s, cy + y * s) for x, y in points], fill=fill, outline=NAVY)


def _flame(draw: Draw, cx: int, base: int, height: int) -> None:
    """A two-colour flame whose bottom sits on ``base``."""
    for scale, colour in ((1.0, ORANGE), (0.55, YELLOW)):
        h = height * scale
        w = h * 0.62
        draw.ellipse((cx - w / 2, base - w, cx + w / 2, base), fill=colour)
        draw.polygon(
            [(cx - w / 2, base - w / 2), (cx, base - h), (cx + w / 2, base - w / 2)],
            fill=colour,
        )


def _heart(draw: Draw, cx: int, cy: int, size: int, fill: Colour) -> None:
    r = size // 4
    _circle(draw, cx - r, cy - r // 2, r, fill=fill)
    _circle(draw, cx + r, cy - r // 2, r, fill=fill)
    draw.polygon(
        [
            (cx - 2 * r + 2, cy - r // 4),
            (cx + 2 * r - 2, cy - r // 4),
            (cx, cy + 2 * r),
        ],
        fill=fill,
    )


def _waves(draw: Draw, cx: int, cy: int, radii, start: int, end: int) -> None:
    """Sound waves: arcs around a centre. Angles run clockwise from 3 o'clock."""
    for r in radii:
        draw.arc((cx - r, cy - r, cx + r, cy + r), start, end, fill=NAVY, width=LINE)


def _wavy_line(draw: Draw, x: int, top: int, bottom: int, fill: Colour) -> None:
    points = [(x + 14 * math.sin((y - top) / 18), y) for y in range(top, bottom + 1, 4)]
    draw.line(points, fill=fill, width=LINE, joint="curve")


def _arrow(draw: Draw, start, end, fill: Colour, width: int = 24) -> None:
    (x1, y1), (x2, y2) = start, end
    angle = math.atan2(y2 - y1, x2 - x1)
    head = width * 2.2
    back = (x2 - head * math.cos(angle), y2 - head * math.sin(angle))
    draw.line((start, back), fill=fill, width=width)
    side = angle + math.pi / 2
    dx, dy = head * 0.8 * math.cos(side), head * 0.8 * math.sin(side)
    draw.polygon(
        [(x2, y2), (back[0] + dx, back[1] + dy), (back[0] - dx, back[1] - dy)],
        fill=fill,
    )


def _smoke_alarm(draw: Draw, cx: int, top: int, width: int) -> None:
    """A ceiling-mounted smoke alarm hanging down from ``top``."""
    height = width // 3
    draw.rounded_rectangle(
        (cx - width // 2, top, cx + width // 2, top + height),
        radius=height // 2,
        fill=WHITE,
        outline=NAVY,
        width=LINE,
    )
    _circle(draw, cx, top + height // 2, width // 10, fill=PALE_GREY, outline=NAVY)
    _circle(draw, cx + width // 3, top + height // 2, width // 28, fill=RED)


def _house(
    draw: Draw, cx: int, base: int, width: int, body: Colour, door_dx: int = 0
) -> tuple:
    """A house standing on ``base``. Returns the door's box."""
    half = width // 2
    wall_top = base - int(width * 0.55)
    draw.rectangle(
        (cx - half, wall_top, cx + half, base), fill=body, outline=NAVY, width=LINE
    )
    draw.polygon(
        [
            (cx - half - 30, wall_top),
            (cx, wall_top - int(width * 0.38)),
            (cx + half + 30, wall_top),
        ],
        fill=RED,
        outline=NAVY,
    )
    door_cx = cx + door_dx
    door = (
        door_cx - width // 10,
        base - int(width * 0.32),
        door_cx + width // 10,
        base,
    )
    draw.rectangle(door, fill=NAVY)
    return door


def _door(draw: Draw, box: tuple, fill: Colour = BROWN) -> None:
    left, top, right, bottom = box
    draw.rectangle(box, fill=fill, outline=NAVY, width=LINE)
    _circle(draw, right - 30, (top + bottom) // 2, 10, fill=GOLD)


def _padlock(draw: Draw, cx: int, cy: int, size: int) -> None:
    half = size // 2
    shackle = size // 3
    draw.arc(
        (cx - shackle, cy - half - shackle, cx + shackle, cy - half + shackle),
        180,
        360,
        fill=GREY,
        width=size // 9,
    )
    draw.line(
        (
            cx - shackle + size // 18,
            cy - half,
            cx - shackle + size // 18,
            cy - half + 8,
        ),
        fill=GREY,
        width=size // 9,
    )
    draw.line(
        (
            cx + shackle - size // 18,
            cy - half,
            cx + shackle - size // 18,
            cy - half + 8,
        ),
        fill=GREY,
        width=size // 9,
    )
    draw.rounded_rectangle(
        (cx - half, cy - half + 6, cx + half, cy + half),
        radius=size // 10,
        fill=YELLOW,
        outline=NAVY,
        width=LINE,
    )
    _circle(draw, cx, cy, size // 10, fill=NAVY)
    draw.rectangle((cx - size // 30, cy, cx + size // 30, cy + size // 4), fill=NAVY)


def _phone_body(draw: Draw, screen: Colour) -> tuple[int, int, int, int]:
    """A phone in the middle of the picture. Returns the screen box."""
    draw.rounded_rectangle((CX - 120, 22, CX + 120, 428), radius=36, fill=DARK)
    box = (CX - 100, 70, CX + 100, 370)
    draw.rectangle(box, fill=screen)
    draw.rounded_rectangle((CX - 30, 42, CX + 30, 50), radius=4, fill=GREY)
    _circle(draw, CX, 399, 16, outline=GREY, width=4)
    return box


def _phone(number: str, screen: Colour) -> Callable[[Draw], None]:
    def paint(draw: Draw) -> None:
        _phone_body(draw, screen)
        _label(draw, (CX, CY - 5), number, 96, WHITE)

    return paint


def _pound_sign(draw: Draw, cx: int, cy: int, size: int) -> None:
    """A pound sign built from strokes (the built-in font has no £ glyph)."""
    s = size / 100
    stroke = int(14 * s)
    draw.arc(
        (cx - 20 * s, cy - 50 * s, cx + 40 * s, cy + 10 * s),
        180,
        330,
        fill=NAVY,
        width=stroke,
    )
    draw.line(
        (cx - 20 * s, cy - 22 * s, cx - 20 * s, cy + 38 * s), fill=NAVY, width=stroke
    )
    draw.line((cx - 42 * s, cy, cx + 16 * s, cy), fill=NAVY, width=stroke)
    draw.line(
        (cx - 38 * s, cy + 44 * s, cx + 40 * s, cy + 44 * s), fill=NAVY, width=stroke
    )


def _bubble(draw: Draw, box: tuple, tail: tuple, fill: Colour) -> None:
    draw.rounded_rectangle(box, radius=40, fill=fill, outline=NAVY, width=LINE)
    draw.polygon(tail, fill=fill)


# One painter per pictogram ----------------------------------------------------


def paint_smoke_alarm(draw: Draw) -> None:
    draw.rectangle((0, 0, WIDTH, 60), fill=PALE_GREY)
    draw.line((0, 60, WIDTH, 60), fill=NAVY, width=LINE)
    _smoke_alarm(draw, CX, 60, 300)
    _waves(draw, CX, 160, (90, 150, 210), 30, 150)


def paint_house_smoke_alarm(draw: Draw) -> None:
    _house(draw, CX, 420, 420, CREAM, door_dx=130)
    _smoke_alarm(draw, CX - 60, 192, 150)
    _waves(draw, CX - 60, 242, (45, 80, 115), 35, 145)


def paint_flame(draw: Draw) -> None:
    _flame(draw, CX, 420, 380)


def paint_bedtime(draw: Draw) -> None:
    _circle(draw, CX - 40, CY, 150, fill=YELLOW)
    _circle(draw, CX + 30, CY - 40, 140, fill=NAVY)
    for x, y in ((590, 90), (660, 220), (560, 330), (150, 100), (190, 360)):
        _circle(draw, x, y, 12, fill=WHITE)


def paint_pan_fire(draw: Draw) -> None:
    draw.rectangle((80, 380, 720, 420), fill=GREY, outline=NAVY, width=LINE)
    _flame(draw, CX - 80, 280, 200)
    _flame(draw, CX + 60, 280, 240)
    _flame(draw, CX - 10, 280, 170)
    draw.rounded_rectangle((CX - 190, 260, CX + 190, 380), radius=24, fill=DARK)
    draw.rectangle((CX + 190, 290, CX + 360, 320), fill=DARK)


def paint_battery_charging(draw: Draw) -> None:
    body = (CX - 230, CY - 110, CX + 150, CY + 110)
    draw.rounded_rectangle(body, radius=24, fill=WHITE, outline=NAVY, width=LINE)
    draw.rectangle((CX + 150, CY - 40, CX + 185, CY + 40), fill=NAVY)
    draw.rectangle((CX - 210, CY - 90, CX - 40, CY + 90), fill=GREEN)
    _bolt(draw, CX - 40, CY, 170, YELLOW)
    draw.line((CX + 185, CY, CX + 300, CY), fill=NAVY, width=12)
    draw.rectangle((CX + 300, CY - 45, CX + 360, CY + 45), fill=NAVY)
    for dy in (-25, 25):
        draw.rectangle((CX + 360, CY + dy - 8, CX + 395, CY + dy + 8), fill=GREY)


def paint_escape_route(draw: Draw) -> None:
    left, top, right, bottom = _house(draw, CX - 110, 420, 380, CREAM)
    _arrow(draw, (right - 20, (top + bottom) // 2), (740, (top + bottom) // 2), GREEN)


def paint_door_towel(draw: Draw) -> None:
    _door(draw, (CX - 150, 20, CX + 150, 420))
    draw.rounded_rectangle(
        (CX - 230, 370, CX + 230, 430),
        radius=30,
        fill=WATER,
        outline=NAVY,
        width=LINE,
    )
    for x in range(CX - 180, CX + 200, 90):
        draw.line((x, 374, x, 426), fill=NAVY, width=4)
    for x, y in ((CX - 270, 330), (CX + 270, 320), (CX + 230, 250)):
        draw.polygon([(x, y - 30), (x - 16, y), (x + 16, y)], fill=WATER)
        _circle(draw, x, y, 16, fill=WATER)


def paint_first_aid_kit(draw: Draw) -> None:
    draw.rounded_rectangle(
        (CX - 90, 60, CX + 90, 120), radius=20, outline=NAVY, width=18
    )
    draw.rounded_rectangle(
        (CX - 240, 100, CX + 240, 410),
        radius=36,
        fill=GREEN,
        outline=NAVY,
        width=LINE,
    )
    _cross(draw, CX, 255, 200, WHITE)


def paint_cpr_hands(draw: Draw) -> None:
    """Seen from the side: straight arms pushing down on a chest."""
    draw.rounded_rectangle(
        (40, 300, 760, 520), radius=110, fill=PALE_BLUE, outline=NAVY, width=LINE
    )
    _circle(draw, 120, 250, 60, fill=SKIN, outline=NAVY, width=LINE)
    for dx in (-22, 22):
        draw.line((CX + dx, 0, CX + dx, 240), fill=GREEN, width=40)
    draw.rounded_rectangle(
        (CX - 80, 230, CX + 80, 305), radius=30, fill=SKIN, outline=NAVY, width=LINE
    )
    for dx in (-40, 0, 40):
        draw.line((CX + dx, 240, CX + dx, 290), fill=NAVY, width=4)
    for x in (CX - 190, CX + 190):
        _arrow(draw, (x, 60), (x, 240), RED, width=20)


def paint_defibrillator(draw: Draw) -> None:
    draw.rounded_rectangle(
        (CX - 220, 30, CX + 220, 420),
        radius=36,
        fill=GREEN,
        outline=NAVY,
        width=LINE,
    )
    _heart(draw, CX, 200, 240, WHITE)
    _bolt(draw, CX, 195, 150, YELLOW)
    _label(draw, (CX, 370), "AED", 56, WHITE)


def paint_recovery_position(draw: Draw) -> None:
    draw.line((40, 400, 760, 400), fill=NAVY, width=LINE)
    _circle(draw, 170, 310, 55, fill=SKIN, outline=NAVY, width=LINE)
    person = {"fill": NHS_BLUE, "width": 46, "joint": "curve"}
    draw.line([(230, 320), (470, 320)], **person)
    draw.line([(470, 320), (600, 240), (650, 360)], **person)
    draw.line([(470, 330), (700, 340)], **person)
    draw.line([(290, 310), (250, 250), (200, 270)], **person)
    draw.line([(260, 340), (300, 385), (380, 385)], **person)


def paint_water_tap(draw: Draw) -> None:
    draw.rectangle((120, 100, 470, 150), fill=GREY, outline=NAVY, width=LINE)
    draw.rectangle((420, 100, 470, 210), fill=GREY, outline=NAVY, width=LINE)
    draw.rectangle((250, 50, 290, 100), fill=GREY, outline=NAVY, width=LINE)
    draw.rounded_rectangle((200, 30, 340, 60), radius=12, fill=NHS_BLUE)
    draw.rectangle((425, 210, 465, 410), fill=WATER)
    for y in (260, 330, 400):
        _circle(draw, 520, y, 12, fill=WATER)
        _circle(draw, 370, y - 30, 12, fill=WATER)


def paint_stroke_face(draw: Draw) -> None:
    _circle(draw, CX, CY, 180, fill=SKIN, outline=NAVY, width=LINE)
    _circle(draw, CX - 65, CY - 50, 20, fill=NAVY)
    draw.line((CX + 40, CY - 45, CX + 90, CY - 35), fill=NAVY, width=14)
    draw.line(
        [(CX - 90, CY + 70), (CX, CY + 70), (CX + 80, CY + 115)],
        fill=NAVY,
        width=14,
        joint="curve",
    )


def paint_padlock(draw: Draw) -> None:
    _padlock(draw, CX, CY + 40, 260)


def paint_house_lock(draw: Draw) -> None:
    _house(draw, CX, 420, 420, CREAM)
    _padlock(draw, CX, 330, 120)


def paint_door_chain(draw: Draw) -> None:
    draw.rectangle((CX - 230, 20, CX + 230, 430), fill=DARK)
    _door(draw, (CX - 120, 20, CX + 210, 430))
    for i in range(5):
        x = CX - 200 + i * 40
        box = (x, 180, x + 56, 214) if i % 2 == 0 else (x, 190, x + 56, 204)
        draw.ellipse(box, outline=GOLD, width=10)


def paint_door_open(draw: Draw) -> None:
    draw.rectangle((CX - 180, 20, CX + 180, 430), fill=DARK, outline=NAVY, width=LINE)
    draw.polygon(
        [(CX + 180, 20), (CX + 330, 60), (CX + 330, 390), (CX + 180, 430)],
        fill=BROWN,
        outline=NAVY,
    )
    _circle(draw, CX + 300, CY, 12, fill=GOLD)


def paint_scam_phone(draw: Draw) -> None:
    _phone_body(draw, WHITE)
    draw.polygon([(CX, 120), (CX - 85, 290), (CX + 85, 290)], fill=RED, outline=NAVY)
    _label(draw, (CX, 235), "!", 100, WHITE)


def paint_signpost(draw: Draw) -> None:
    draw.rectangle((CX - 18, 60, CX + 18, 430), fill=BROWN, outline=NAVY, width=4)
    draw.polygon(
        [
            (CX - 220, 110),
            (CX + 170, 110),
            (CX + 230, 160),
            (CX + 170, 210),
            (CX - 220, 210),
        ],
        fill=GREEN,
        outline=NAVY,
    )
    draw.polygon(
        [
            (CX + 220, 250),
            (CX - 170, 250),
            (CX - 230, 300),
            (CX - 170, 350),
            (CX + 220, 350),
        ],
        fill=NHS_BLUE,
        outline=NAVY,
    )


def paint_heart(draw: Draw) -> None:
    """A heart resting in cupped hands."""
    _heart(draw, CX, CY - 20, 260, RED)
    draw.chord(
        (CX - 240, 150, CX + 240, 430), 0, 180, fill=SKIN, outline=NAVY, width=LINE
    )
    draw.line((CX, 290, CX, 425), fill=NAVY, width=LINE)


def paint_pound_coin(draw: Draw) -> None:
    _circle(draw, CX, CY, 190, fill=GOLD, outline=NAVY, width=LINE)
    _circle(draw, CX, CY, 150, outline=BROWN, width=6)
    _pound_sign(draw, CX, CY, 200)


def paint_radiator(draw: Draw) -> None:
    for i in range(6):
        x = CX - 240 + i * 80
        draw.rounded_rectangle(
            (x, 220, x + 70, 420), radius=24, fill=WHITE, outline=NAVY, width=LINE
        )
    for x in (CX - 160, CX, CX + 160):
        _wavy_line(draw, x, 40, 190, RED)


def paint_speech_bubbles(draw: Draw) -> None:
    _bubble(draw, (60, 40, 470, 230), [(150, 225), (120, 300), (230, 225)], NHS_BLUE)
    _bubble(draw, (330, 200, 740, 390), [(650, 385), (690, 440), (580, 385)], GREEN)
    for x in (455, 535, 615):
        _circle(draw, x, 295, 18, fill=WHITE)


# Registry ---------------------------------------------------------------------

_PICTOGRAMS: dict[str, tuple[str, Colour, Callable[[Draw], None]]] = {
    "smoke_alarm": ("Smoke alarm on a ceiling", PALE_BLUE, paint_smoke_alarm),
    "house_smoke_alarm": (
        "House with a smoke alarm",
        PALE_BLUE,
        paint_house_smoke_alarm,
    ),
    "flame": ("Flame", PALE_RED, paint_flame),
    "bedtime": ("Night sky for bedtime checks", NAVY, paint_bedtime),
    "pan_fire": ("Pan on fire", PALE_RED, paint_pan_fire),
    "battery_charging": ("Battery charging", PALE_GREEN, paint_battery_charging),
    "escape_route": ("House with an escape arrow", PALE_GREEN, paint_escape_route),
    "door_towel": (
        "Wet towel blocking smoke under a door",
        PALE_GREY,
        paint_door_towel,
    ),
    "first_aid_kit": ("First aid kit", PALE_GREEN, paint_first_aid_kit),
    "cpr_hands": ("Hands doing CPR on a chest", CREAM, paint_cpr_hands),
    "defibrillator": ("Defibrillator (AED)", PALE_GREEN, paint_defibrillator),
    "recovery_position": (
        "Person in the recovery position",
        CREAM,
        paint_recovery_position,
    ),
    "water_tap": ("Tap with cool running water", PALE_BLUE, paint_water_tap),
    "stroke_face": ("Face drooping on one side", CREAM, paint_stroke_face),
    "padlock": ("Padlock", PALE_BLUE, paint_padlock),
    "house_lock": ("House with a padlock", PALE_BLUE, paint_house_lock),
    "door_chain": ("Door held by a door chain", PALE_GREY, paint_door_chain),
    "door_open": ("Door wide open", PALE_GREY, paint_door_open),
    "scam_phone": ("Phone showing a scam warning", PALE_RED, paint_scam_phone),
    "phone_999": ("Phone showing 999", PALE_RED, _phone("999", RED)),
    "phone_111": ("Phone showing 111", PALE_BLUE, _phone("111", NHS_BLUE)),
    "phone_101": ("Phone showing 101", PALE_GREY, _phone("101", POLICE_BLUE)),
    "signpost": ("Signpost", CREAM, paint_signpost),
    "heart": ("Heart in cupped hands", PALE_RED, paint_heart),
    "pound_coin": ("Pound coin", PALE_GREEN, paint_pound_coin),
    "radiator": ("Warm radiator", CREAM, paint_radiator),
    "speech_bubbles": ("Two speech bubbles", CREAM, paint_speech_bubbles),
}

IMAGES: dict[str, str] = {key: title for key, (title, _, _) in _PICTOGRAMS.items()}


def render_image(key: str) -> bytes:
    """Return the PNG bytes for one of the ``IMAGES`` keys."""
    try:
        _, background, paint = _PICTOGRAMS[key]
    except KeyError:
        raise KeyError(f"No demo image called {key!r}") from None
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    paint(ImageDraw.Draw(image))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
