"""Text of the demo home page and standard pages."""

HOME = {
    "title": "Citizens' Academy",
    "intro": (
        "<p>Citizens' Academy trains local people to keep their neighbours safe. "
        "Learn fire safety, first aid, crime prevention and where to find help, "
        "then become an accredited <b>Expert Citizen</b> for your community.</p>"
        "<p>The courses are free, short and work on your phone. The fire and "
        "rescue service runs the academy with police, ambulance, council and NHS "
        "partners.</p>"
    ),
    "journey_heading": "How to become an Expert Citizen",
    "journey": [
        {
            "title": "Create your account",
            "text": "Sign up with your email address, or ask a coordinator at a "
            "session to set one up for you.",
        },
        {
            "title": "Take the four core courses",
            "text": "Fire safety at home, First aid essentials, Crime prevention "
            "and staying safe, and Signposting. Each takes under an hour.",
        },
        {
            "title": "Pass each short quiz",
            "text": "You can try again if you do not pass the first time.",
        },
        {
            "title": "Come to the practical sessions",
            "text": "A trainer will show you CPR and the recovery position and "
            "sign off your skills.",
        },
        {
            "title": "Get your certificate",
            "text": "A coordinator issues your Expert Citizen certificate. Anyone "
            "can check it is real on this website.",
        },
    ],
}


def _text(*paragraphs: str) -> list:
    return [("text", "".join(f"<p>{p}</p>" for p in paragraphs))]


STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About the academy",
        "body": [("heading", "Why we started")]
        + _text(
            "Braunstone Park has more emergency calls than any other "
            "neighbourhood in the area. A task force of the fire and rescue "
            "service, police, ambulance service, council and NHS asked residents "
            "how to make it safer. Residents said: teach us.",
            "Citizens' Academy trains residents as Expert Citizens who can spot "
            "risks, help in an emergency and point neighbours to the right "
            "support.",
        ),
    },
    {
        "slug": "privacy-notice",
        "title": "Privacy notice",
        "body": [("heading", "What we keep and why")]
        + _text(
            "We keep your name, email address, the courses you take and your "
            "results so that you can learn and receive your certificate.",
            "If you tell us your postcode district, we use it only to count how "
            "many people in each area take part. Reports to our funder contain "
            "only totals, never names.",
            "We contact you about the academy only if you agree to it. You can "
            "ask to see or delete your data at any time by speaking to a "
            "coordinator.",
        ),
    },
    {
        "slug": "accessibility-statement",
        "title": "Accessibility statement",
        "body": [("heading", "Using this website")]
        + _text(
            "We want everyone to be able to use this website. You should be able "
            "to use it on a small phone, zoom in up to 400%, and use it with a "
            "keyboard or a screen reader.",
            "Pictures have text descriptions, videos have transcripts, and some "
            "quiz questions use pictures for people who read little English.",
            "If something does not work for you, tell a coordinator at your next "
            "session and we will fix it.",
        ),
    },
]
