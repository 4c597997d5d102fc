"""Demo course content for the Citizens' Academy.

Pure data, read by ``academy_site.demo.seed``. Written in plain English for
residents of Braunstone Park, Leicester, who mostly read on phones. Every lesson
ends with the public UK source it draws on.

Block values follow ``courses.blocks.LessonBodyBlock``. Image keys refer to
``academy_site.demo.images.IMAGES``.
"""

_ASSESSMENT = {
    "questions_per_attempt": 5,
    "pass_mark": 80,
    "max_attempts": 3,
    "cooldown_minutes": 5,
}

# Public sources used by more than one lesson ---------------------------------

_GOV_FIRE_SAFETY = (
    "source",
    {
        "title": "Fire safety in the home",
        "publisher": "GOV.UK",
        "url": "https://www.gov.uk/government/publications/fire-safety-in-the-home",
    },
)
_LEICS_FIRE = (
    "source",
    {
        "title": "Leicestershire Fire and Rescue Service",
        "publisher": "Leicestershire Fire and Rescue Service",
        "url": "https://leics-fire.gov.uk/",
    },
)
_POLICE_UK = (
    "source",
    {
        "title": "Police.uk: advice, crime prevention and reporting",
        "publisher": "Police.uk",
        "url": "https://www.police.uk/",
    },
)
_CRIMESTOPPERS = (
    "source",
    {
        "title": "Crimestoppers: speak up, stay safe",
        "publisher": "Crimestoppers",
        "url": "https://crimestoppers-uk.org/",
    },
)
_CITIZENS_ADVICE = (
    "source",
    {
        "title": "Citizens Advice",
        "publisher": "Citizens Advice",
        "url": "https://www.citizensadvice.org.uk/",
    },
)
_SAMARITANS = (
    "source",
    {
        "title": "Samaritans: contact us any time",
        "publisher": "Samaritans",
        "url": "https://www.samaritans.org/",
    },
)


# Course 1: Fire safety at home =================================================

_FIRE_SAFETY_LESSONS = [
    {
        "slug": "smoke-alarms-save-lives",
        "title": "Smoke alarms save lives",
        "summary": "Why you need smoke alarms, where to fit them and how to test them.",
        "body": [
            ("heading", "Why smoke alarms matter"),
            (
                "text",
                "<p>A smoke alarm makes a loud noise when it senses smoke. "
                "It can wake you up if a fire starts while you are asleep.</p>"
                "<p>Smoke can kill you before the flames reach you. A working "
                "alarm gives you time to get out. You are much more likely to "
                "die in a house fire if you do not have a working smoke "
                "alarm.</p>",
            ),
            (
                "image",
                {
                    "image": "smoke_alarm",
                    "alt": "A round white smoke alarm on a ceiling, with sound "
                    "lines coming from it.",
                    "caption": "Fit smoke alarms on the ceiling, in the hallway "
                    "and on the landing.",
                },
            ),
            ("heading", "Where to fit them"),
            (
                "text",
                "<ul>"
                "<li>Fit at least one smoke alarm on <b>every level</b> of your "
                "home.</li>"
                "<li>Put them on the ceiling, in the hallway and on the "
                "landing.</li>"
                "<li>Do not put a smoke alarm in the kitchen or bathroom. "
                "Steam and cooking can set it off. A heat alarm is better in "
                "the kitchen.</li>"
                "<li>If someone in your home cannot hear well, ask the fire "
                "service about alarms that flash or shake.</li>"
                "</ul>",
            ),
            (
                "steps",
                {
                    "title": "Test your smoke alarms every month",
                    "steps": [
                        "Press and hold the test button.",
                        "Listen for a loud beep.",
                        "No beep? Change the battery or get a new alarm.",
                        "Never take the battery out to use in something else.",
                        "Get a new alarm when it is 10 years old.",
                    ],
                },
            ),
            (
                "text",
                "<p>If you rent your home, your landlord must make sure there "
                "is a smoke alarm on every level. You still need to test them. "
                "Tell your landlord straight away if one does not work.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Test your smoke alarms once a month. A smoke "
                    "alarm can only save your life if it works.",
                },
            ),
            _GOV_FIRE_SAFETY,
            _LEICS_FIRE,
        ],
    },
    {
        "slug": "bedtime-checks",
        "title": "Bedtime checks",
        "summary": "Simple checks before you go to bed that make a fire at "
        "night less likely.",
        "body": [
            ("heading", "Why night-time is risky"),
            (
                "text",
                "<p>Many deadly fires start at night, when people are asleep. "
                "Smoke does not wake you up. That is why smoke alarms and "
                "bedtime checks are so important.</p>",
            ),
            (
                "image",
                {
                    "image": "bedtime",
                    "alt": "A yellow moon and stars in a dark blue night sky.",
                    "caption": "Do your bedtime checks every night.",
                },
            ),
            (
                "steps",
                {
                    "title": "Bedtime checks",
                    "steps": [
                        "Close all inside doors. A closed door slows down fire "
                        "and smoke.",
                        "Turn off the cooker and the hob.",
                        "Switch off and unplug things you are not using, like "
                        "the TV. Leave the fridge and freezer on.",
                        "Do not leave the washing machine, dishwasher or "
                        "tumble dryer running while you sleep.",
                        "Put out candles and cigarettes properly.",
                        "Turn off heaters. Check nothing is too close to them.",
                        "Keep your way out clear. Keep door and window keys "
                        "where everyone can find them.",
                    ],
                },
            ),
            ("heading", "If you smoke"),
            (
                "text",
                "<p>Never smoke in bed. It is easy to fall asleep with a lit "
                "cigarette.</p>"
                "<ul>"
                "<li>Use a proper ashtray that cannot tip over.</li>"
                "<li>Make sure cigarettes are right out. Pour water on the "
                "ash before you empty the ashtray.</li>"
                "<li>Take extra care if you are tired, have been drinking or "
                "take medicine that makes you sleepy.</li>"
                "</ul>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Close inside doors at night. A closed door can "
                    "hold back fire and smoke and give you time to escape.",
                },
            ),
            _GOV_FIRE_SAFETY,
            _LEICS_FIRE,
        ],
    },
    {
        "slug": "cooking-and-pan-fires",
        "title": "Cooking safely and pan fires",
        "summary": "How to cook safely, and what to do if a pan of oil catches fire.",
        "body": [
            ("heading", "Many fires start in the kitchen"),
            (
                "text",
                "<p>Cooking is the most common cause of fires in the home. "
                "Many start when people leave cooking alone, even for a "
                "minute.</p>"
                "<ul>"
                "<li>Never leave cooking alone. Turn off the heat if you have "
                "to leave the kitchen.</li>"
                "<li>Take extra care if you are tired, have been drinking or "
                "take medicine that makes you sleepy.</li>"
                "<li>Keep tea towels, oven gloves and cloths away from the "
                "hob.</li>"
                "<li>Turn pan handles in, so they cannot be knocked.</li>"
                "<li>Keep the oven, hob and grill clean. Old fat and crumbs "
                "can catch fire.</li>"
                "</ul>",
            ),
            ("heading", "Chip pans and hot oil"),
            (
                "text",
                "<p>Hot oil can catch fire very easily. A chip pan fire spreads "
                "fast and can kill.</p>"
                "<ul>"
                "<li>If you can, use a deep fat fryer with a thermostat "
                "instead of a chip pan. It controls the heat for you.</li>"
                "<li>Never fill a pan more than one third full of oil.</li>"
                "<li>If the oil starts to smoke, it is too hot. Turn off the "
                "heat and leave it to cool.</li>"
                "</ul>",
            ),
            (
                "image",
                {
                    "image": "pan_fire",
                    "alt": "A cooking pan on a hob with tall flames coming out of it.",
                    "caption": "Never throw water on a pan fire.",
                },
            ),
            (
                "steps",
                {
                    "title": "If a pan catches fire",
                    "steps": [
                        "Do not move the pan.",
                        "Never throw water on it. Water makes burning oil "
                        "explode into a fireball.",
                        "Turn off the heat, but only if you can do it safely.",
                        "Do not try to put the fire out yourself.",
                        "Get everyone out. Close the kitchen door behind you.",
                        "Call 999 when you are outside.",
                    ],
                },
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Never throw water on a chip pan fire. Get out, "
                    "stay out, call 999.",
                },
            ),
            _GOV_FIRE_SAFETY,
            _LEICS_FIRE,
        ],
    },
    {
        "slug": "e-bikes-e-scooters-and-batteries",
        "title": "E-bikes, e-scooters and batteries",
        "summary": "How to charge and store e-bike and e-scooter batteries "
        "safely, and the warning signs to look for.",
        "body": [
            ("heading", "Why these batteries can be dangerous"),
            (
                "text",
                "<p>E-bikes, e-scooters and many other gadgets use "
                "lithium-ion batteries. These batteries hold a lot of power. "
                "If they are damaged, faulty or charged the wrong way, they "
                "can overheat and catch fire.</p>"
                "<p>These fires start fast, burn very hot and give off toxic "
                "smoke. Batteries can even explode.</p>",
            ),
            (
                "image",
                {
                    "image": "battery_charging",
                    "alt": "A battery with a lightning bolt on it, plugged in "
                    "to charge.",
                    "caption": "Charge batteries while you are awake and at home.",
                },
            ),
            (
                "steps",
                {
                    "title": "Charge and store safely",
                    "steps": [
                        "Use the charger that came with it, or an official "
                        "replacement.",
                        "Charge while you are awake and at home. Do not charge "
                        "overnight or when you go out.",
                        "Unplug the charger when the battery is full.",
                        "Do not charge or keep e-bikes and e-scooters in "
                        "hallways or on stairs. They could block your way out.",
                        "Charge on a hard, flat surface, away from things that "
                        "burn, like beds and sofas.",
                        "Have a working smoke alarm where you charge and store them.",
                    ],
                },
            ),
            ("heading", "Warning signs"),
            (
                "text",
                "<p>Stop using a battery if it:</p>"
                "<ul>"
                "<li>gets very hot</li>"
                "<li>is swollen or bulging</li>"
                "<li>is leaking or smells strange</li>"
                "<li>makes popping, cracking or hissing sounds</li>"
                "</ul>"
                "<p>Only buy e-bikes, e-scooters, batteries and chargers from "
                "sellers you trust. Do not try to change or repair a battery "
                "yourself.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "If a battery catches fire, do not try to put it "
                    "out. Get out, stay out, call 999.",
                },
            ),
            (
                "source",
                {
                    "title": "Electrical Safety First: e-bike and e-scooter "
                    "battery safety",
                    "publisher": "Electrical Safety First",
                    "url": "https://www.electricalsafetyfirst.org.uk/",
                },
            ),
            _LEICS_FIRE,
        ],
    },
    {
        "slug": "make-an-escape-plan",
        "title": "Make an escape plan",
        "summary": "Plan how everyone will get out if there is a fire, and "
        "what to do if you cannot get out.",
        "body": [
            ("heading", "Plan before a fire happens"),
            (
                "text",
                "<p>Fire spreads very fast. Smoke makes it hard to see and "
                "breathe. A plan helps everyone act quickly.</p>"
                "<ul>"
                "<li>The best way out is usually the normal way in and out of "
                "your home.</li>"
                "<li>Choose a second way out, in case the first one is "
                "blocked.</li>"
                "<li>Keep your escape routes clear of bikes, bags and "
                "rubbish.</li>"
                "<li>Keep door and window keys in the same place, where "
                "everyone can find them.</li>"
                "<li>Make sure everyone knows the plan. Think about who will "
                "need help, like babies, older people or disabled people.</li>"
                "</ul>"
                "<p>If you live in a block of flats, ask your landlord or the "
                "council what the fire plan is for your building.</p>",
            ),
            (
                "image",
                {
                    "image": "escape_route",
                    "alt": "A house with a green arrow pointing out of the front door.",
                    "caption": "Know your way out, and a second way out.",
                },
            ),
            (
                "steps",
                {
                    "title": "If there is a fire",
                    "steps": [
                        "Shout “Fire!” to warn everyone.",
                        "Do not stop to pick up valuables.",
                        "Before you open a door, touch it with the back of "
                        "your hand. If it is warm, do not open it.",
                        "If there is smoke, get down low. The air is cleaner "
                        "near the floor.",
                        "Get out, stay out and call 999. Give your full address.",
                        "Never go back inside.",
                    ],
                },
            ),
            ("heading", "If you cannot get out"),
            (
                "text",
                "<p>If your way out is blocked, go into a room with a window "
                "and close the door.</p>"
                "<ul>"
                "<li>Put towels or bedding along the bottom of the door to "
                "keep smoke out.</li>"
                "<li>Call 999.</li>"
                "<li>Open the window and shout for help.</li>"
                "<li>Only climb out of a window if you are on the ground or "
                "first floor. Lower yourself down slowly. Do not jump.</li>"
                "</ul>",
            ),
            (
                "image",
                {
                    "image": "door_towel",
                    "alt": "A closed door with a rolled-up wet towel along the "
                    "gap at the bottom.",
                    "caption": "Block smoke with towels or bedding.",
                },
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Get out, stay out, call 999. Never go back in "
                    "for anything.",
                },
            ),
            _GOV_FIRE_SAFETY,
            _LEICS_FIRE,
        ],
    },
]

_FIRE_SAFETY_QUESTIONS = [
    {
        "type": "single_choice",
        "prompt": "How often should you test your smoke alarms?",
        "options": [
            {
                "text": "Once a month",
                "correct": True,
                "explanation": "Right. Press the test button once a month to "
                "check the alarm still works.",
            },
            {
                "text": "Once a year",
                "correct": False,
                "explanation": "Not quite. A year is too long. An alarm could "
                "stop working for months without you knowing.",
            },
            {
                "text": "Only when it starts beeping",
                "correct": False,
                "explanation": "No. Some alarms fail without beeping. Test "
                "them once a month.",
            },
            {
                "text": "Never, they test themselves",
                "correct": False,
                "explanation": "No. You need to press the test button once a "
                "month to check it works.",
            },
        ],
    },
    {
        "type": "true_false",
        "prompt": "You should have at least one smoke alarm on every level "
        "of your home.",
        "answer": True,
        "explanation": "True. Fit at least one smoke alarm on every level, "
        "so you can hear it wherever you are.",
    },
    {
        "type": "true_false",
        "prompt": "It is fine to take the battery out of a smoke alarm to use "
        "in the TV remote.",
        "answer": False,
        "explanation": "False. Without a battery the alarm cannot warn you "
        "about a fire. Never take the battery out.",
    },
    {
        "type": "single_choice",
        "prompt": "A pan of oil catches fire. What should you do?",
        "options": [
            {
                "text": "Throw water on it",
                "correct": False,
                "explanation": "Never do this. Water makes burning oil explode "
                "into a fireball.",
            },
            {
                "text": "Carry the pan outside",
                "correct": False,
                "explanation": "No. Moving the pan can spill burning oil on you "
                "and spread the fire.",
            },
            {
                "text": "Leave the pan, turn off the heat only if it is safe, "
                "get out and call 999",
                "correct": True,
                "explanation": "Right. Do not take risks. Get out, stay out, call 999.",
            },
            {
                "text": "Open the window to let the smoke out",
                "correct": False,
                "explanation": "No. Fresh air can make the fire bigger. Get "
                "out, close the door and call 999.",
            },
        ],
    },
    {
        "type": "multiple_response",
        "prompt": "Which of these are good bedtime checks? Choose all that apply.",
        "options": [
            {
                "text": "Close all inside doors",
                "correct": True,
                "explanation": "Yes. A closed door slows down fire and smoke.",
            },
            {
                "text": "Switch off and unplug things you are not using",
                "correct": True,
                "explanation": "Yes. Leave on only things that are meant to "
                "stay on, like the fridge.",
            },
            {
                "text": "Leave the tumble dryer running overnight",
                "correct": False,
                "explanation": "No. Do not leave washing machines or tumble "
                "dryers running while you sleep.",
            },
            {
                "text": "Put out candles and cigarettes properly",
                "correct": True,
                "explanation": "Yes. Candles and cigarettes left burning can "
                "start a fire while you sleep.",
            },
            {
                "text": "Charge the e-bike in the hallway overnight",
                "correct": False,
                "explanation": "No. Charge while you are awake, and never "
                "where it could block your way out.",
            },
        ],
    },
    {
        "type": "image_choice",
        "prompt": "Which picture shows a smoke alarm?",
        "options": [
            {
                "image": "smoke_alarm",
                "alt": "A round white smoke alarm on a ceiling.",
                "correct": True,
                "explanation": "Right. This is a smoke alarm. Test it once a month.",
            },
            {
                "image": "padlock",
                "alt": "A yellow padlock.",
                "correct": False,
                "explanation": "No. This is a padlock. It keeps things locked "
                "but cannot warn you about smoke.",
            },
            {
                "image": "first_aid_kit",
                "alt": "A green first aid box with a white cross.",
                "correct": False,
                "explanation": "No. This is a first aid kit. It is useful, but "
                "it cannot warn you about a fire.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "When is the safest time to charge an e-bike battery?",
        "options": [
            {
                "text": "While you are awake and at home",
                "correct": True,
                "explanation": "Right. If something goes wrong, you can act quickly.",
            },
            {
                "text": "Overnight while you sleep",
                "correct": False,
                "explanation": "No. A battery fire while you sleep is very "
                "dangerous. Charge while you are awake.",
            },
            {
                "text": "While you are out at work",
                "correct": False,
                "explanation": "No. Nobody would be there to notice a fire. "
                "Charge while you are at home and awake.",
            },
        ],
    },
    {
        "type": "true_false",
        "prompt": "It is a good idea to keep your e-scooter in the hallway, "
        "next to the front door.",
        "answer": False,
        "explanation": "False. If it catches fire, it could block your way "
        "out. Keep hallways and stairs clear.",
    },
    {
        "type": "multiple_response",
        "prompt": "Which of these are warning signs that a battery may be "
        "dangerous? Choose all that apply.",
        "options": [
            {
                "text": "It gets very hot",
                "correct": True,
                "explanation": "Yes. A very hot battery can catch fire. Stop using it.",
            },
            {
                "text": "It is swollen or bulging",
                "correct": True,
                "explanation": "Yes. A swollen battery is damaged and unsafe.",
            },
            {
                "text": "It makes popping or hissing sounds",
                "correct": True,
                "explanation": "Yes. These sounds can mean the battery is about "
                "to catch fire. Get away from it.",
            },
            {
                "text": "The charger light turns green when it is full",
                "correct": False,
                "explanation": "No. This is normal. It means the battery is "
                "full, so unplug the charger.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "There is a fire. You touch a closed door with the back of "
        "your hand and it feels warm. What should you do?",
        "options": [
            {
                "text": "Do not open it. Use another way out, or go to a safe "
                "room and call 999",
                "correct": True,
                "explanation": "Right. A warm door means the fire may be on "
                "the other side.",
            },
            {
                "text": "Open it quickly and run through",
                "correct": False,
                "explanation": "No. The fire may be just behind the door. "
                "Opening it lets fire and smoke in.",
            },
            {
                "text": "Open it a little to have a look",
                "correct": False,
                "explanation": "No. Even a small gap can let in fire and thick "
                "smoke. Keep it shut.",
            },
        ],
    },
    {
        "type": "true_false",
        "prompt": "Once you have escaped from a fire, it is OK to go back in "
        "for your phone and bag.",
        "answer": False,
        "explanation": "False. Get out, stay out, call 999. Never go back "
        "inside for anything.",
    },
    {
        "type": "image_choice",
        "prompt": "Your home is on fire and everyone is outside. Which number "
        "do you call?",
        "options": [
            {
                "image": "phone_999",
                "alt": "A phone screen showing 999.",
                "correct": True,
                "explanation": "Right. Call 999 and ask for the fire service.",
            },
            {
                "image": "phone_111",
                "alt": "A phone screen showing 111.",
                "correct": False,
                "explanation": "No. 111 is the NHS number for urgent medical "
                "help. For a fire, call 999.",
            },
            {
                "image": "phone_101",
                "alt": "A phone screen showing 101.",
                "correct": False,
                "explanation": "No. 101 is the police number for "
                "non-emergencies. For a fire, call 999.",
            },
        ],
    },
]

FIRE_SAFETY = {
    "slug": "fire-safety-at-home",
    "title": "Fire safety at home",
    "topic": "fire_safety",
    "summary": "Learn how to stop fires starting at home and what to do if "
    "one does. Simple checks keep you, your family and your neighbours safe.",
    "learning_outcomes": [
        "Explain why every home needs working smoke alarms, and test them",
        "Do simple bedtime checks to make a fire at night less likely",
        "Cook safely and know what to do if a pan catches fire",
        "Charge and store e-bike and e-scooter batteries safely",
        "Make an escape plan and remember: get out, stay out, call 999",
    ],
    "estimated_minutes": 35,
    "image": "house_smoke_alarm",
    "image_alt": "A house with a smoke alarm on the ceiling, sounding a warning.",
    "prerequisites": [],
    "assessment": dict(_ASSESSMENT),
    "lessons": _FIRE_SAFETY_LESSONS,
    "questions": _FIRE_SAFETY_QUESTIONS,
}


# Course 2: First aid essentials ================================================

_SJA_CPR = (
    "source",
    {
        "title": "How to do CPR",
        "publisher": "St John Ambulance",
        "url": "https://www.sja.org.uk/first-aid-advice/cpr/",
    },
)

_FIRST_AID_LESSONS = [
    {
        "slug": "first-steps-in-an-emergency",
        "title": "First steps in an emergency",
        "summary": "How to stay safe, when to call 999 and what to tell the "
        "call handler.",
        "body": [
            ("heading", "Stay safe first"),
            (
                "text",
                "<p>First aid is the help you give someone before a doctor, "
                "nurse or paramedic arrives. You do not need to be an expert. "
                "Doing something simple is much better than doing "
                "nothing.</p>"
                "<p>Before you help, look around. Is there danger, like "
                "traffic, fire or electricity? Do not put yourself in danger. "
                "You cannot help anyone if you get hurt too.</p>",
            ),
            ("heading", "Calling 999"),
            (
                "text",
                "<p>Call <b>999</b> or <b>112</b> for an ambulance when "
                "someone is seriously ill or hurt and their life may be at "
                "risk. Both numbers are free from any phone.</p>"
                "<p>Stay calm and answer the call handler's questions. They "
                "will tell you what to do until help arrives. Put your phone "
                "on speaker so your hands are free.</p>",
            ),
            (
                "image",
                {
                    "image": "phone_999",
                    "alt": "A mobile phone with 999 on the screen.",
                    "caption": "999 and 112 are free to call from any phone.",
                },
            ),
            (
                "steps",
                {
                    "title": "What to tell the 999 call handler",
                    "steps": [
                        "Say which service you need, for example an ambulance.",
                        "Give the address. If you do not know it, say what you "
                        "can see, like a shop, bus stop or road sign.",
                        "Say what has happened and how many people are hurt.",
                        "Say if the person is awake and if they are breathing.",
                        "Do not hang up until the call handler tells you to.",
                    ],
                },
            ),
            ("heading", "If someone will not wake up"),
            (
                "text",
                "<p>Talk to them loudly and gently tap their shoulders. If "
                "they do not respond, shout for help and call 999 straight "
                "away. Then check if they are breathing normally. The call "
                "handler will help you.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "If someone does not respond, call 999 straight "
                    "away and put the phone on speaker.",
                },
            ),
            (
                "source",
                {
                    "title": "First aid advice",
                    "publisher": "St John Ambulance",
                    "url": "https://www.sja.org.uk/first-aid-advice/",
                },
            ),
            (
                "source",
                {
                    "title": "2025 Resuscitation Guidelines: Adult basic life support",
                    "publisher": "Resuscitation Council UK",
                    "url": "https://www.resus.org.uk/professional-library/"
                    "2025-resuscitation-guidelines/"
                    "adult-basic-life-support-guidelines",
                },
            ),
        ],
    },
    {
        "slug": "cpr-and-defibrillators",
        "title": "CPR and defibrillators",
        "summary": "How to give hands-only CPR and use a public defibrillator "
        "when someone's heart has stopped.",
        "body": [
            ("heading", "What is a cardiac arrest?"),
            (
                "text",
                "<p>In a cardiac arrest, the heart suddenly stops pumping "
                "blood. The person collapses. They do not respond and they "
                "stop breathing normally. They may make gasping or snoring "
                "sounds. This is <b>not</b> normal breathing.</p>"
                "<p>Without help, the person will die within minutes. Quick "
                "CPR and a defibrillator can more than double their chance of "
                "surviving.</p>",
            ),
            ("heading", "Hands-only CPR"),
            (
                "text",
                "<p>CPR means pushing hard and fast on the middle of the "
                "chest. This keeps blood moving to the brain. If you have not "
                "been trained to give rescue breaths, just do the chest "
                "pushes. This is called hands-only CPR.</p>"
                "<p>Do not worry about hurting the person. Without CPR, they "
                "will die.</p>",
            ),
            (
                "image",
                {
                    "image": "cpr_hands",
                    "alt": "Two hands, one on top of the other, pressing on "
                    "the middle of a chest.",
                    "caption": "Push hard and fast in the centre of the chest.",
                },
            ),
            (
                "steps",
                {
                    "title": "How to do hands-only CPR",
                    "steps": [
                        "Call 999 and put the phone on speaker. Send someone "
                        "to get a defibrillator.",
                        "Kneel next to the person. Put the heel of one hand in "
                        "the centre of their chest.",
                        "Put your other hand on top and lock your fingers together.",
                        "Keep your arms straight. Push straight down 5 to 6 "
                        "cm, then let the chest come back up.",
                        "Push 100 to 120 times a minute. That is about 2 "
                        "pushes every second.",
                        "If someone else can help, swap every 1 to 2 minutes.",
                        "Keep going until help takes over or the person starts "
                        "breathing normally.",
                    ],
                },
            ),
            ("heading", "Using a defibrillator"),
            (
                "text",
                "<p>A defibrillator (also called an AED) is a machine that "
                "gives the heart an electric shock to get it working again. "
                "You can find them in shops, stations, community centres and "
                "in boxes on some outside walls.</p>"
                "<p><b>Anyone can use a defibrillator. You do not need "
                "training.</b> It talks to you and tells you what to do. It "
                "will only give a shock if the person needs one.</p>"
                "<p>The 999 call handler can tell you where the nearest one "
                "is. Many defibrillators are listed on a national map called "
                "<b>The Circuit</b>, which ambulance services can see.</p>",
            ),
            (
                "steps",
                {
                    "title": "How to use a defibrillator",
                    "steps": [
                        "Switch it on. Some switch on when you open the lid. "
                        "Follow what the machine says.",
                        "Take off or cut clothing so the chest is bare.",
                        "Stick the pads on the bare chest, as the pictures on "
                        "the pads show.",
                        "If someone is with you, they keep doing CPR while you "
                        "put the pads on.",
                        "When the machine says, make sure nobody is touching "
                        "the person.",
                        "Press the shock button if it tells you to. Some "
                        "machines shock on their own.",
                        "Start CPR again straight away when the machine tells you to.",
                    ],
                },
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Call 999, push hard and fast, and get a "
                    "defibrillator. Anyone can use one.",
                },
            ),
            _SJA_CPR,
            (
                "source",
                {
                    "title": "The Circuit: the national defibrillator network",
                    "publisher": "British Heart Foundation",
                    "url": "https://www.thecircuit.uk/",
                },
            ),
        ],
    },
    {
        "slug": "recovery-position-and-choking",
        "title": "The recovery position and choking",
        "summary": "How to keep a person's airway open when they are not "
        "awake, and how to help someone who is choking.",
        "body": [
            ("heading", "The recovery position"),
            (
                "text",
                "<p>If someone is not awake but is <b>breathing normally</b>, "
                "put them in the recovery position. Lying on their side keeps "
                "their airway open. If they are sick, it can drain out of "
                "their mouth instead of blocking their airway.</p>"
                "<p>If they are not breathing normally, do not use the "
                "recovery position. Start CPR instead.</p>",
            ),
            (
                "image",
                {
                    "image": "recovery_position",
                    "alt": "A person lying on their side with the top knee bent "
                    "and one hand under their cheek.",
                    "caption": "The recovery position keeps the airway open.",
                },
            ),
            (
                "steps",
                {
                    "title": "How to put someone in the recovery position",
                    "steps": [
                        "Kneel next to them. Make sure their legs are straight.",
                        "Put the arm nearest you out at a right angle to their body.",
                        "Bring their other arm across their chest. Hold the "
                        "back of that hand against their cheek.",
                        "Bend their far knee up, with the foot flat on the floor.",
                        "Pull on the bent knee to roll them towards you, onto "
                        "their side.",
                        "Tilt their head back a little and lift the chin to "
                        "keep the airway open.",
                        "Call 999 if you have not already. Keep checking they "
                        "are breathing.",
                    ],
                },
            ),
            ("heading", "Choking"),
            (
                "text",
                "<p>If someone is choking but can still cough, speak or "
                "breathe, tell them to keep coughing. Coughing is the best way "
                "to clear the blockage.</p>"
                "<p>If they cannot cough, speak or breathe, act fast.</p>",
            ),
            (
                "steps",
                {
                    "title": "Help an adult who is choking",
                    "steps": [
                        "Lean them forwards. Give up to 5 sharp back blows "
                        "between the shoulder blades with the heel of your "
                        "hand.",
                        "Check their mouth. Take out anything you can see.",
                        "Still choking? Stand behind them and put your arms "
                        "around their waist.",
                        "Put your fist between their belly button and the "
                        "bottom of their chest. Hold it with your other hand.",
                        "Pull sharply in and up. Do this up to 5 times.",
                        "Still choking? Call 999. Keep doing 5 back blows and "
                        "5 abdominal thrusts until help arrives.",
                        "If they stop responding, start CPR.",
                    ],
                },
            ),
            (
                "text",
                "<p>Anyone who has had abdominal thrusts must see a doctor "
                "afterwards, because the thrusts can cause injuries inside.</p>"
                "<p>Babies under 1 year old need a different method. A first "
                "aid course can teach you how.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Choking: 5 back blows, then 5 abdominal "
                    "thrusts. If they are still choking, call 999.",
                },
            ),
            (
                "source",
                {
                    "title": "The recovery position",
                    "publisher": "St John Ambulance",
                    "url": "https://www.sja.org.uk/first-aid-advice/recovery-position/",
                },
            ),
            (
                "source",
                {
                    "title": "Choking",
                    "publisher": "St John Ambulance",
                    "url": "https://www.sja.org.uk/first-aid-advice/choking/",
                },
            ),
        ],
    },
    {
        "slug": "bleeding-and-burns",
        "title": "Severe bleeding and burns",
        "summary": "How to stop heavy bleeding with pressure, and how to cool "
        "and cover a burn.",
        "body": [
            ("heading", "Severe bleeding"),
            (
                "text",
                "<p>Heavy bleeding can kill quickly. Your aim is to stop the "
                "blood coming out. You do this by pressing hard on the "
                "wound.</p>",
            ),
            (
                "steps",
                {
                    "title": "If someone is bleeding heavily",
                    "steps": [
                        "Call 999, or ask someone else to call.",
                        "Wear gloves if you have them.",
                        "Press firmly on the wound with a clean pad or cloth. "
                        "Use your hand if you have nothing else.",
                        "Keep pressing hard. Do not stop to check if the "
                        "bleeding has stopped.",
                        "If something is stuck in the wound, do not pull it "
                        "out. Press firmly around it.",
                        "Tie a bandage firmly over the pad to keep up the pressure.",
                        "Keep the person still and warm until help arrives.",
                    ],
                },
            ),
            ("heading", "Burns and scalds"),
            (
                "text",
                "<p>A burn is caused by dry heat, like fire or an iron. A "
                "scald is caused by hot liquid or steam, like hot tea. The "
                "first thing to do is cool the burn as fast as you can.</p>",
            ),
            (
                "image",
                {
                    "image": "water_tap",
                    "alt": "A kitchen tap with cool water running from it.",
                    "caption": "Cool a burn under cool running water for 20 minutes.",
                },
            ),
            (
                "steps",
                {
                    "title": "First aid for burns",
                    "steps": [
                        "Move away from the heat to stop the burning.",
                        "Cool the burn under cool or lukewarm running water "
                        "for 20 minutes.",
                        "Take off clothing or jewellery near the burn, unless "
                        "it is stuck to the skin.",
                        "Do not use ice, iced water, butter or creams.",
                        "Keep the person warm, but do not rub anything on the burn.",
                        "After cooling, cover the burn loosely with cling film "
                        "or a clean plastic bag.",
                    ],
                },
            ),
            (
                "text",
                "<p>Call 999 or go to A&amp;E for:</p>"
                "<ul>"
                "<li>large or deep burns</li>"
                "<li>burns with white or charred skin</li>"
                "<li>burns on the face, hands, feet or private parts that "
                "blister</li>"
                "<li>chemical and electrical burns</li>"
                "</ul>"
                "<p>Always get medical help for a burn on a baby or young "
                "child. If you are not sure, call NHS 111.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Cool a burn under cool running water for 20 "
                    "minutes. Then cover it loosely with cling film.",
                },
            ),
            (
                "source",
                {
                    "title": "Severe bleeding",
                    "publisher": "St John Ambulance",
                    "url": "https://www.sja.org.uk/first-aid-advice/severe-bleeding/",
                },
            ),
            (
                "source",
                {
                    "title": "Burns and scalds",
                    "publisher": "NHS",
                    "url": "https://www.nhs.uk/conditions/burns-and-scalds/",
                },
            ),
        ],
    },
    {
        "slug": "stroke-act-fast",
        "title": "Stroke: act FAST",
        "summary": "How to spot the signs of a stroke using FAST, and why "
        "every minute counts.",
        "body": [
            ("heading", "What is a stroke?"),
            (
                "text",
                "<p>A stroke happens when the blood supply to part of the "
                "brain is cut off. It is a medical emergency. The sooner the "
                "person gets to hospital, the better their chance of "
                "recovery.</p>",
            ),
            (
                "image",
                {
                    "image": "stroke_face",
                    "alt": "A face where one side of the mouth droops down.",
                    "caption": "A face that has dropped on one side can be a "
                    "sign of a stroke.",
                },
            ),
            (
                "steps",
                {
                    "title": "Remember FAST",
                    "steps": [
                        "Face: has their face dropped on one side? Can they smile?",
                        "Arms: can they lift both arms and keep them there?",
                        "Speech: is their speech slurred or muddled?",
                        "Time: if you see any one of these signs, call 999 "
                        "straight away.",
                    ],
                },
            ),
            ("heading", "Other signs and what to do"),
            (
                "text",
                "<p>Other signs can come on suddenly. They include weakness or "
                "numbness on one side of the body, problems seeing, confusion, "
                "dizziness or a very bad headache.</p>"
                "<ul>"
                "<li>Note the time the signs started. Tell the ambulance "
                "crew.</li>"
                "<li>Do not give the person anything to eat or drink. They may "
                "not be able to swallow safely.</li>"
                "<li>Stay with them and keep them calm.</li>"
                "</ul>",
            ),
            (
                "text",
                "<p>Sometimes the signs go away after a few minutes. This may "
                "be a mini-stroke, called a TIA. It is still an emergency. "
                "Call 999.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Act FAST. If you see any sign of a stroke, call "
                    "999 straight away, even if the signs go away.",
                },
            ),
            (
                "source",
                {
                    "title": "Stroke: symptoms",
                    "publisher": "NHS",
                    "url": "https://www.nhs.uk/conditions/stroke/symptoms/",
                },
            ),
            (
                "source",
                {
                    "title": "Stroke",
                    "publisher": "St John Ambulance",
                    "url": "https://www.sja.org.uk/first-aid-advice/stroke/",
                },
            ),
        ],
    },
]

_FIRST_AID_QUESTIONS = [
    {
        "type": "single_choice",
        "prompt": "How fast should you push on the chest during CPR?",
        "options": [
            {
                "text": "100 to 120 times a minute",
                "correct": True,
                "explanation": "Right. That is about 2 pushes every second.",
            },
            {
                "text": "20 to 30 times a minute",
                "correct": False,
                "explanation": "Too slow. Push 100 to 120 times a minute to "
                "keep blood moving.",
            },
            {
                "text": "As slowly and gently as you can",
                "correct": False,
                "explanation": "No. CPR needs to be hard and fast: 100 to 120 "
                "pushes a minute.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "How far down should you push on an adult's chest during CPR?",
        "options": [
            {
                "text": "5 to 6 cm",
                "correct": True,
                "explanation": "Right. Push straight down 5 to 6 cm, then let "
                "the chest come back up.",
            },
            {
                "text": "About 1 cm",
                "correct": False,
                "explanation": "Too gentle. You need to push 5 to 6 cm to move "
                "blood around the body.",
            },
            {
                "text": "As far as you possibly can",
                "correct": False,
                "explanation": "No. Push 5 to 6 cm. That is deep enough to work.",
            },
        ],
    },
    {
        "type": "true_false",
        "prompt": "You need special training before you can use a public "
        "defibrillator.",
        "answer": False,
        "explanation": "False. Anyone can use a defibrillator. It talks to "
        "you and tells you what to do.",
    },
    {
        "type": "true_false",
        "prompt": "If someone is choking but can still cough, you should tell "
        "them to keep coughing.",
        "answer": True,
        "explanation": "True. Coughing is the best way to clear a blockage. "
        "Be ready to help if they stop being able to cough.",
    },
    {
        "type": "multiple_response",
        "prompt": "An adult is choking and cannot cough, speak or breathe. "
        "Which of these should you do? Choose all that apply.",
        "options": [
            {
                "text": "Give up to 5 back blows",
                "correct": True,
                "explanation": "Yes. Lean them forwards and hit firmly between "
                "the shoulder blades.",
            },
            {
                "text": "Give up to 5 abdominal thrusts",
                "correct": True,
                "explanation": "Yes. If back blows do not work, pull sharply "
                "in and up above the belly button.",
            },
            {
                "text": "Call 999 if they are still choking",
                "correct": True,
                "explanation": "Yes. Call 999 and keep going until help arrives.",
            },
            {
                "text": "Give them a drink of water",
                "correct": False,
                "explanation": "No. They cannot swallow safely. A drink will "
                "not clear the blockage.",
            },
            {
                "text": "Wait to see if it clears by itself",
                "correct": False,
                "explanation": "No. If they cannot cough or breathe, they need "
                "help straight away.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "How long should you cool a burn under cool running water?",
        "options": [
            {
                "text": "20 minutes",
                "correct": True,
                "explanation": "Right. Cool it for 20 minutes, then cover it "
                "loosely with cling film.",
            },
            {
                "text": "1 minute",
                "correct": False,
                "explanation": "Too short. The skin keeps burning unless you "
                "cool it for 20 minutes.",
            },
            {
                "text": "Do not use water. Use butter instead",
                "correct": False,
                "explanation": "No. Never put butter or cream on a burn. Use "
                "cool running water.",
            },
        ],
    },
    {
        "type": "true_false",
        "prompt": "Putting ice on a burn is the best way to cool it quickly.",
        "answer": False,
        "explanation": "False. Ice can damage the skin even more. Use cool or "
        "lukewarm running water for 20 minutes.",
    },
    {
        "type": "single_choice",
        "prompt": "Someone is not awake but is breathing normally. What should you do?",
        "options": [
            {
                "text": "Put them in the recovery position and call 999",
                "correct": True,
                "explanation": "Right. Lying on their side keeps their airway "
                "open. Keep checking their breathing.",
            },
            {
                "text": "Start CPR",
                "correct": False,
                "explanation": "No. CPR is for someone who is not breathing normally.",
            },
            {
                "text": "Sit them up and give them water",
                "correct": False,
                "explanation": "No. They could choke. Never give drinks to "
                "someone who is not awake.",
            },
            {
                "text": "Leave them to sleep it off",
                "correct": False,
                "explanation": "No. They need help. Use the recovery position "
                "and call 999.",
            },
        ],
    },
    {
        "type": "multiple_response",
        "prompt": "Which of these can be signs of a stroke? Choose all that apply.",
        "options": [
            {
                "text": "Their face has dropped on one side",
                "correct": True,
                "explanation": "Yes. F is for Face in FAST.",
            },
            {
                "text": "They cannot lift both arms",
                "correct": True,
                "explanation": "Yes. A is for Arms in FAST.",
            },
            {
                "text": "Their speech is slurred",
                "correct": True,
                "explanation": "Yes. S is for Speech in FAST.",
            },
            {
                "text": "They are sneezing and have a runny nose",
                "correct": False,
                "explanation": "No. These are signs of a cold, not a stroke.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "Someone is bleeding heavily from their arm. What is the "
        "most important thing to do?",
        "options": [
            {
                "text": "Press firmly on the wound and keep pressing",
                "correct": True,
                "explanation": "Right. Pressure slows the bleeding. Call 999 "
                "or ask someone else to.",
            },
            {
                "text": "Wash the wound under the tap first",
                "correct": False,
                "explanation": "No. This wastes time. Stopping the bleeding "
                "comes first.",
            },
            {
                "text": "Lift the pad every minute to check",
                "correct": False,
                "explanation": "No. Keep pressing. Lifting the pad lets the "
                "bleeding start again.",
            },
        ],
    },
    {
        "type": "image_choice",
        "prompt": "Someone has collapsed and is not breathing normally. Which "
        "picture shows what you should do after calling 999?",
        "options": [
            {
                "image": "cpr_hands",
                "alt": "Two hands pressing on the middle of a chest.",
                "correct": True,
                "explanation": "Right. Start CPR: push hard and fast in the "
                "centre of the chest.",
            },
            {
                "image": "recovery_position",
                "alt": "A person lying on their side.",
                "correct": False,
                "explanation": "No. The recovery position is for someone who "
                "is breathing normally.",
            },
            {
                "image": "water_tap",
                "alt": "A tap with water running from it.",
                "correct": False,
                "explanation": "No. Running water is for cooling burns.",
            },
        ],
    },
    {
        "type": "image_choice",
        "prompt": "You have been asked to fetch a defibrillator. Which picture "
        "shows one?",
        "options": [
            {
                "image": "defibrillator",
                "alt": "A green box with a heart and a lightning bolt on it.",
                "correct": True,
                "explanation": "Right. Defibrillators often show a heart with "
                "a lightning bolt.",
            },
            {
                "image": "first_aid_kit",
                "alt": "A green box with a white cross on it.",
                "correct": False,
                "explanation": "No. This is a first aid kit, with plasters and "
                "bandages. It cannot restart a heart.",
            },
            {
                "image": "smoke_alarm",
                "alt": "A round white smoke alarm on a ceiling.",
                "correct": False,
                "explanation": "No. This is a smoke alarm. It warns you about fire.",
            },
        ],
    },
]

FIRST_AID = {
    "slug": "first-aid-essentials",
    "title": "First aid essentials",
    "topic": "first_aid",
    "summary": "Learn simple first aid that can save a life before the "
    "ambulance arrives. Covers CPR, defibrillators, choking, bleeding, burns "
    "and stroke.",
    "learning_outcomes": [
        "Keep yourself safe and call 999 with the right information",
        "Give hands-only CPR and use a public defibrillator",
        "Help someone who is choking, or who is not awake but breathing",
        "Stop heavy bleeding and cool a burn the right way",
        "Spot the signs of a stroke using FAST",
    ],
    "estimated_minutes": 45,
    "image": "first_aid_kit",
    "image_alt": "A green first aid box with a white cross on it.",
    "prerequisites": [],
    "assessment": dict(_ASSESSMENT),
    "lessons": _FIRST_AID_LESSONS,
    "questions": _FIRST_AID_QUESTIONS,
}


# Course 3: Crime prevention and staying safe ===================================

_CRIME_PREVENTION_LESSONS = [
    {
        "slug": "keeping-your-home-secure",
        "title": "Keeping your home secure",
        "summary": "Simple habits that make your home harder for burglars to get into.",
        "body": [
            ("heading", "Make it hard for burglars"),
            (
                "text",
                "<p>Most burglars look for an easy way in. Many break-ins "
                "happen through doors or windows that were left unlocked. A "
                "few simple habits make your home much safer.</p>",
            ),
            (
                "image",
                {
                    "image": "house_lock",
                    "alt": "A house with a big padlock on the front door.",
                    "caption": "Lock up, even when you are at home.",
                },
            ),
            (
                "steps",
                {
                    "title": "Simple home security habits",
                    "steps": [
                        "Lock doors and windows, even when you are at home or "
                        "only popping out.",
                        "Keep keys away from the letterbox and windows, but "
                        "where everyone at home can find them in a fire.",
                        "Do not leave bags, phones or car keys where people "
                        "can see them through a window.",
                        "When you go out at night, leave a light on or use a "
                        "timer switch.",
                        "Lock sheds and gates. Tools and ladders can be used "
                        "to break in.",
                        "Take photos of valuable items and write down serial numbers.",
                    ],
                },
            ),
            ("heading", "Online and in your street"),
            (
                "text",
                "<p>Be careful what you share online. Do not post that you are "
                "away on holiday until you get back.</p>"
                "<p>Get to know your neighbours. Neighbours who look out for "
                "each other help keep the whole street safe. You could join "
                "or start a Neighbourhood Watch group.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Lock doors and windows, even when you are in. "
                    "Keep keys out of sight, but easy to find in a fire.",
                },
            ),
            _POLICE_UK,
            (
                "source",
                {
                    "title": "Neighbourhood Watch",
                    "publisher": "Neighbourhood Watch Network",
                    "url": "https://www.ourwatch.org.uk/",
                },
            ),
        ],
    },
    {
        "slug": "people-at-your-door",
        "title": "People at your door",
        "summary": "How to deal safely with unexpected callers using Lock, "
        "Stop, Chain, Check.",
        "body": [
            ("heading", "Not everyone at the door is who they say"),
            (
                "text",
                "<p>Most people who knock on your door are genuine. But some "
                "criminals pretend to be from the council, the gas or water "
                "company, or even the police. They try to get into your home "
                "to steal, or trick you into paying for work you do not "
                "need.</p>"
                "<p>Older people and people who live alone are often "
                "targeted. You can help by sharing this advice with them.</p>",
            ),
            (
                "steps",
                {
                    "title": "Lock, Stop, Chain, Check",
                    "steps": [
                        "Lock: keep your back door and other doors locked, so "
                        "nobody can sneak in while you are at the front.",
                        "Stop: before you answer, stop and think. Are you "
                        "expecting anyone? Look through the window or "
                        "spyhole.",
                        "Chain: put the door chain or bar on before you open the door.",
                        "Check: ask for an ID card and check it carefully. "
                        "Close the door and ring the company on a number you "
                        "already have, not the one on the card.",
                    ],
                },
            ),
            (
                "image",
                {
                    "image": "door_chain",
                    "alt": "A front door open a little, held by a door chain.",
                    "caption": "Lock, Stop, Chain, Check.",
                },
            ),
            (
                "text",
                "<p>Take the chain off again after the caller has gone. A "
                "chain left on all the time could slow you down if you need "
                "to get out in a fire.</p>"
                "<p>A genuine caller will not mind waiting while you check. "
                "If you are not sure, do not let them in. Ask them to come "
                "back when a friend or family member is with you.</p>"
                "<p>Never agree to work or pay money on the doorstep. Never "
                "let anyone rush you.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "If in doubt, keep them out. If someone will not "
                    "leave or you feel scared, call 999.",
                },
            ),
            _POLICE_UK,
            (
                "source",
                {
                    "title": "Leicestershire Police",
                    "publisher": "Leicestershire Police",
                    "url": "https://www.leics.police.uk/",
                },
            ),
        ],
    },
    {
        "slug": "spotting-scams",
        "title": "Spotting scams",
        "summary": "How to spot a scam, what to do if you are targeted and "
        "where to report it.",
        "body": [
            ("heading", "What is a scam?"),
            (
                "text",
                "<p>A scam is when someone tricks you into giving them money "
                "or personal details. Scams can come by phone, text message, "
                "email, social media or at your door.</p>"
                "<p>Criminals often pretend to be from your bank, the police, "
                "a delivery company or HMRC. They may say you must act now, or "
                "something bad will happen.</p>",
            ),
            ("heading", "Warning signs"),
            (
                "text",
                "<ul>"
                "<li>Someone you do not know contacts you out of the "
                "blue.</li>"
                "<li>You are told to act fast, or to keep it a secret.</li>"
                "<li>You are asked for your PIN, password or bank codes. Your "
                "bank will never ask for these.</li>"
                "<li>You are asked to move money to a “safe account”. This "
                "is always a scam.</li>"
                "<li>You are asked to pay with gift cards, vouchers or "
                "cryptocurrency.</li>"
                "<li>An offer sounds too good to be true.</li>"
                "</ul>",
            ),
            (
                "image",
                {
                    "image": "scam_phone",
                    "alt": "A mobile phone with a red warning sign on the screen.",
                    "caption": "Stop and think before you reply or pay.",
                },
            ),
            (
                "steps",
                {
                    "title": "Take Five to Stop Fraud",
                    "steps": [
                        "Stop: take a moment to think before you give money or "
                        "information.",
                        "Challenge: could it be fake? It is OK to say no, hang "
                        "up or ignore it. Only criminals rush or panic you.",
                        "Protect: if you think you have been scammed, call "
                        "your bank straight away. Then report it.",
                    ],
                },
            ),
            ("heading", "Where to get help"),
            (
                "text",
                "<ul>"
                "<li>Got a worrying call about your bank account? Hang up. "
                "Then call <b>159</b> to reach your bank safely. Use a "
                "different phone if you can.</li>"
                "<li>Forward scam text messages to <b>7726</b>. It is "
                "free.</li>"
                "<li>Report scams and fraud to <b>Report Fraud</b>, online or "
                "by phone. Report Fraud used to be called Action Fraud.</li>"
                "</ul>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Your bank and the police will never ask for "
                    "your PIN, or ask you to move money to a safe account.",
                },
            ),
            (
                "source",
                {
                    "title": "Take Five to Stop Fraud",
                    "publisher": "Take Five (UK Finance)",
                    "url": "https://www.takefive-stopfraud.org.uk/",
                },
            ),
            (
                "source",
                {
                    "title": "Report Fraud (formerly Action Fraud)",
                    "publisher": "City of London Police",
                    "url": "https://www.reportfraud.police.uk/",
                },
            ),
        ],
    },
    {
        "slug": "reporting-crime",
        "title": "Reporting crime, including anonymously",
        "summary": "When to call 999 or 101, and how to report crime without "
        "giving your name.",
        "body": [
            ("heading", "Which number to call"),
            (
                "text",
                "<ul>"
                "<li><b>999</b>: call in an emergency. For example, when a "
                "crime is happening now, someone is in danger or hurt, or the "
                "person who did it is still nearby.</li>"
                "<li><b>101</b>: call the police when it is not an emergency. "
                "For example, to report a crime that has already happened, "
                "like a stolen bike.</li>"
                "<li>You can also report many crimes online, on your local "
                "police force's website.</li>"
                "</ul>",
            ),
            (
                "image",
                {
                    "image": "phone_101",
                    "alt": "A mobile phone with 101 on the screen.",
                    "caption": "101 is the police number for non-emergencies.",
                },
            ),
            ("heading", "Reporting without giving your name"),
            (
                "text",
                "<p>Some people are scared to tell the police what they know. "
                "<b>Crimestoppers</b> is an independent charity. You can tell "
                "them about crime without giving your name. Call <b>0800 555 "
                "111</b> or use their online form.</p>"
                "<p>Crimestoppers will never ask your name, and they do not "
                "trace calls or online forms. Crimestoppers is not for "
                "emergencies. If someone is in danger now, call 999.</p>",
            ),
            (
                "steps",
                {
                    "title": "Tips for reporting",
                    "steps": [
                        "Write down what you saw as soon as you can: what "
                        "happened, when and where.",
                        "Note what people looked like, what they wore and any "
                        "number plates.",
                        "Keep any evidence, like messages, photos or screenshots.",
                        "Do not put yourself in danger to get information.",
                    ],
                },
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Emergency: call 999. Not an emergency: call "
                    "101. To stay anonymous: Crimestoppers on 0800 555 111.",
                },
            ),
            _POLICE_UK,
            _CRIMESTOPPERS,
        ],
    },
    {
        "slug": "hate-crime",
        "title": "Hate crime",
        "summary": "What hate crime is, and the different ways to report it.",
        "body": [
            ("heading", "What is hate crime?"),
            (
                "text",
                "<p>A hate crime is a crime where the victim is targeted "
                "because of who they are. This includes their race, religion, "
                "disability, sexual orientation or transgender identity.</p>"
                "<p>It can be name-calling, threats, damage to property, "
                "online abuse or violence. Hate crime is never acceptable. "
                "Nobody should have to put up with it.</p>",
            ),
            (
                "steps",
                {
                    "title": "How to report hate crime",
                    "steps": [
                        "If you are in danger or it is happening now, call 999.",
                        "If it is not an emergency, call the police on 101 or "
                        "report it online.",
                        "You can report it online through True Vision, the "
                        "police hate crime website.",
                        "You can report it without giving your name through "
                        "Crimestoppers on 0800 555 111.",
                        "You can report it for yourself, or for someone else "
                        "if you saw it happen.",
                    ],
                },
            ),
            ("heading", "Why reporting matters"),
            (
                "text",
                "<p>Even if you are not sure it is a crime, you can still "
                "report it. Reporting helps the police understand what is "
                "happening in your area. It can stop it happening to someone "
                "else.</p>"
                "<p>Victims can get free support, even if they do not want to "
                "go to court. <b>Victim Support</b> is a charity that helps "
                "victims of crime for free.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Hate crime is never OK. Report it to the "
                    "police, online through True Vision, or anonymously "
                    "through Crimestoppers.",
                },
            ),
            (
                "source",
                {
                    "title": "True Vision: report hate crime",
                    "publisher": "True Vision (National Police Chiefs' Council)",
                    "url": "https://www.report-it.org.uk/",
                },
            ),
            _CRIMESTOPPERS,
        ],
    },
]

_CRIME_PREVENTION_QUESTIONS = [
    {
        "type": "single_choice",
        "prompt": "Someone is breaking into your neighbour's house right now. "
        "Which number should you call?",
        "options": [
            {
                "text": "999",
                "correct": True,
                "explanation": "Right. A crime happening now is an emergency. "
                "Call 999.",
            },
            {
                "text": "101",
                "correct": False,
                "explanation": "No. 101 is for crimes that are not an "
                "emergency. This is happening now, so call 999.",
            },
            {
                "text": "111",
                "correct": False,
                "explanation": "No. 111 is the NHS number for urgent medical "
                "help. Call 999 for the police.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "Your bike was stolen from your garden last week. How should "
        "you report it?",
        "options": [
            {
                "text": "Call 101 or report it online",
                "correct": True,
                "explanation": "Right. It is not an emergency, so use 101 or "
                "your police force's website.",
            },
            {
                "text": "Call 999",
                "correct": False,
                "explanation": "No. 999 is for emergencies, like a crime "
                "happening now. Use 101 or report online.",
            },
            {
                "text": "Call 105",
                "correct": False,
                "explanation": "No. 105 is the number for power cuts.",
            },
        ],
    },
    {
        "type": "true_false",
        "prompt": "Crimestoppers will ask for your name and address when you "
        "call them.",
        "answer": False,
        "explanation": "False. Crimestoppers never ask your name, and they do "
        "not trace calls or online forms.",
    },
    {
        "type": "multiple_response",
        "prompt": "Someone you were not expecting knocks on your door. Which "
        "of these are part of Lock, Stop, Chain, Check? Choose all that "
        "apply.",
        "options": [
            {
                "text": "Make sure the back door is locked",
                "correct": True,
                "explanation": "Yes. This stops anyone sneaking in while you "
                "are at the front door.",
            },
            {
                "text": "Stop and think: are you expecting anyone?",
                "correct": True,
                "explanation": "Yes. Look through the window or spyhole first.",
            },
            {
                "text": "Put the door chain on before you open the door",
                "correct": True,
                "explanation": "Yes. The chain stops someone pushing their way in.",
            },
            {
                "text": "Let them in if they are wearing a uniform",
                "correct": False,
                "explanation": "No. Uniforms can be faked. Always check their "
                "ID first.",
            },
            {
                "text": "Ring the company on a number you already have",
                "correct": True,
                "explanation": "Yes. Do not use the number on their ID card. "
                "It could be fake.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "A caller says they are from your bank. They ask you to move "
        "your money to a “safe account”. What is this?",
        "options": [
            {
                "text": "A scam. Hang up",
                "correct": True,
                "explanation": "Right. A real bank will never ask you to move "
                "money to a safe account.",
            },
            {
                "text": "A normal thing banks do",
                "correct": False,
                "explanation": "No. Banks never ask this. It is always a scam.",
            },
            {
                "text": "A police check you must help with",
                "correct": False,
                "explanation": "No. The police will never ask you to move "
                "money. It is a scam.",
            },
        ],
    },
    {
        "type": "true_false",
        "prompt": "Your bank might sometimes ask for your full PIN over the phone.",
        "answer": False,
        "explanation": "False. Your bank will never ask for your PIN. Anyone "
        "who does is a criminal.",
    },
    {
        "type": "multiple_response",
        "prompt": "Which of these are warning signs of a scam? Choose all that apply.",
        "options": [
            {
                "text": "You are told you must act right now",
                "correct": True,
                "explanation": "Yes. Criminals rush you so you do not have "
                "time to think.",
            },
            {
                "text": "You are told to keep it a secret",
                "correct": True,
                "explanation": "Yes. Criminals do not want you to talk to "
                "family, friends or your bank.",
            },
            {
                "text": "You are asked to pay with gift cards",
                "correct": True,
                "explanation": "Yes. Real companies and government offices do "
                "not ask for gift cards.",
            },
            {
                "text": "A letter from your GP about an appointment you booked",
                "correct": False,
                "explanation": "This is probably genuine. You were expecting "
                "it and nobody is asking for money.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "You get a text message that you think is a scam. Where can "
        "you forward it for free?",
        "options": [
            {
                "text": "7726",
                "correct": True,
                "explanation": "Right. Forwarding to 7726 is free and helps "
                "stop scam texts.",
            },
            {
                "text": "999",
                "correct": False,
                "explanation": "No. 999 is for emergencies only.",
            },
            {
                "text": "The number that sent it",
                "correct": False,
                "explanation": "No. Never reply to a scam text. Forward it to 7726.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "Which of these is a hate crime?",
        "options": [
            {
                "text": "Someone shouts abuse at a woman and threatens her "
                "because of her religion",
                "correct": True,
                "explanation": "Right. She is targeted because of who she is. "
                "This is a hate crime. Report it.",
            },
            {
                "text": "A neighbour plays loud music late at night",
                "correct": False,
                "explanation": "This is a noise problem, not a hate crime. The "
                "council can help with noise.",
            },
            {
                "text": "Someone parks across your driveway",
                "correct": False,
                "explanation": "This is annoying, but it is not a hate crime.",
            },
        ],
    },
    {
        "type": "true_false",
        "prompt": "You can report a hate crime even if it happened to someone else.",
        "answer": True,
        "explanation": "True. Witnesses can report hate crime too, to the "
        "police, through True Vision or through Crimestoppers.",
    },
    {
        "type": "true_false",
        "prompt": "It is safest to keep your door chain on all the time, even "
        "when nobody is at the door.",
        "answer": False,
        "explanation": "False. Put the chain on when you answer the door, then "
        "take it off. It could slow you down in a fire.",
    },
    {
        "type": "image_choice",
        "prompt": "Someone you do not know knocks on your door. Which picture "
        "shows the safest way to open it?",
        "options": [
            {
                "image": "door_chain",
                "alt": "A door open a little, held by a door chain.",
                "correct": True,
                "explanation": "Right. Keep the chain on while you check who they are.",
            },
            {
                "image": "door_open",
                "alt": "A front door wide open.",
                "correct": False,
                "explanation": "No. Opening the door wide lets a stranger push "
                "their way in. Use the chain.",
            },
        ],
    },
]

CRIME_PREVENTION = {
    "slug": "crime-prevention-and-staying-safe",
    "title": "Crime prevention and staying safe",
    "topic": "crime_prevention",
    "summary": "Learn simple ways to keep your home, your money and your "
    "community safe. Find out how to report crime, including without giving "
    "your name.",
    "learning_outcomes": [
        "Make your home harder for burglars to get into",
        "Deal safely with callers at your door using Lock, Stop, Chain, Check",
        "Spot common scams and know where to report them",
        "Know when to call 999 or 101, and how to report crime anonymously",
        "Recognise hate crime and know how to report it",
    ],
    "estimated_minutes": 40,
    "image": "padlock",
    "image_alt": "A yellow padlock, locked shut.",
    "prerequisites": [],
    "assessment": dict(_ASSESSMENT),
    "lessons": _CRIME_PREVENTION_LESSONS,
    "questions": _CRIME_PREVENTION_QUESTIONS,
}


# Course 4: Signposting: finding the right help =================================

_SIGNPOSTING_LESSONS = [
    {
        "slug": "which-service-to-call",
        "title": "Which service? 999, 111, 101 and more",
        "summary": "How to choose between 999, NHS 111, 101, a GP and a "
        "pharmacy, and other useful free numbers.",
        "body": [
            ("heading", "Choosing the right service"),
            (
                "text",
                "<p>As an Expert Citizen, people may ask you where to get "
                "help. Pointing them to the right place first saves time. It "
                "also keeps 999 free for people whose lives are at risk.</p>",
            ),
            (
                "text",
                "<ul>"
                "<li><b>999</b> (or 112): a life is at risk or there is a "
                "serious emergency. For example, a fire, someone not "
                "breathing, a bad injury or a crime happening now.</li>"
                "<li><b>NHS 111</b>: urgent medical help that is not an "
                "emergency. Call 111 or go to 111.nhs.uk. It is free, day and "
                "night.</li>"
                "<li><b>101</b>: the police, when it is not an "
                "emergency.</li>"
                "<li><b>GP</b>: health problems that are not urgent, or that "
                "keep coming back.</li>"
                "<li><b>Pharmacy</b>: advice and treatment for many common "
                "illnesses, like coughs, colds and sore throats. You do not "
                "need an appointment.</li>"
                "</ul>",
            ),
            (
                "image",
                {
                    "image": "phone_111",
                    "alt": "A mobile phone with 111 on the screen.",
                    "caption": "NHS 111 is free to call, day and night.",
                },
            ),
            (
                "steps",
                {
                    "title": "Questions to help choose",
                    "steps": [
                        "Is someone's life in danger, or is a crime happening "
                        "now? Call 999.",
                        "Does a health problem need help today, but it is not "
                        "life-threatening? Call NHS 111.",
                        "Is it a minor illness? Ask a pharmacist.",
                        "Can the health problem wait a few days? Contact the GP.",
                        "Is it a police matter that is not an emergency? Call "
                        "101 or report it online.",
                    ],
                },
            ),
            ("heading", "Other useful free numbers"),
            (
                "text",
                "<ul>"
                "<li><b>105</b>: to report a power cut or get updates.</li>"
                "<li><b>0800 111 999</b>: if you smell gas or think there is a "
                "gas leak. This is the National Gas Emergency number.</li>"
                "<li>If you are deaf or cannot speak on the phone, you can "
                "register to contact 999 by text message. Text the word "
                "<b>register</b> to 999.</li>"
                "</ul>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "If you are not sure and someone's life may be "
                    "at risk, always call 999.",
                },
            ),
            (
                "source",
                {
                    "title": "NHS 111 online",
                    "publisher": "NHS",
                    "url": "https://111.nhs.uk/",
                },
            ),
            (
                "source",
                {
                    "title": "Power cut? Call 105",
                    "publisher": "Energy Networks Association",
                    "url": "https://www.powercut105.com/",
                },
            ),
            _POLICE_UK,
        ],
    },
    {
        "slug": "mental-health-urgent-help",
        "title": "Mental health: getting urgent help",
        "summary": "How to support someone who is struggling, and where to "
        "find urgent mental health help, day and night.",
        "body": [
            ("heading", "When someone is struggling"),
            (
                "text",
                "<p>Anyone can have a hard time with their mental health. You "
                "do not need to be an expert to help. Listening calmly, "
                "without judging, can make a big difference.</p>"
                "<p>If someone tells you they are thinking about ending their "
                "life, take it seriously. It is OK to ask them about it "
                "directly. Asking does not put the idea in their head.</p>",
            ),
            (
                "image",
                {
                    "image": "heart",
                    "alt": "A red heart resting in cupped hands.",
                    "caption": "Listening without judging can make a big difference.",
                },
            ),
            (
                "steps",
                {
                    "title": "Where to get help",
                    "steps": [
                        "If their life is in danger now, or they have "
                        "seriously hurt themselves, call 999 or go to A&E.",
                        "For urgent mental health help, call NHS 111 and "
                        "choose the mental health option. This is often "
                        "option 2.",
                        "Samaritans are there day and night, every day. Call "
                        "free on 116 123 to talk about anything.",
                        "If talking is hard, text SHOUT to 85258 for free, "
                        "private support by text.",
                        "For help that is not urgent, contact the GP.",
                    ],
                },
            ),
            ("heading", "Look after them, and yourself"),
            (
                "text",
                "<p>If you can, stay with the person, or make sure someone "
                "else is with them, until they get help.</p>"
                "<p>Look after yourself too. If something you heard upsets "
                "you, talk to the Expert Citizens team.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "In a mental health crisis: call 999 if a life "
                    "is at risk, NHS 111 (mental health option) for urgent "
                    "help, or Samaritans on 116 123 at any time.",
                },
            ),
            (
                "source",
                {
                    "title": "Where to get urgent help for mental health",
                    "publisher": "NHS",
                    "url": "https://www.nhs.uk/nhs-services/"
                    "mental-health-services/"
                    "where-to-get-urgent-help-for-mental-health/",
                },
            ),
            _SAMARITANS,
        ],
    },
    {
        "slug": "money-debt-and-benefits",
        "title": "Money, debt and benefits",
        "summary": "Where to find free, trusted advice about money, debt and benefits.",
        "body": [
            ("heading", "Free, trusted advice"),
            (
                "text",
                "<p>Money worries can affect sleep, health and relationships. "
                "Many people wait too long to ask for help because they feel "
                "ashamed. Debt can happen to anyone. The sooner someone gets "
                "advice, the more choices they have.</p>",
            ),
            (
                "text",
                "<ul>"
                "<li><b>Citizens Advice</b> gives free, confidential and "
                "independent advice. They help with debt, benefits, housing, "
                "work and problems with things you have bought.</li>"
                "<li><b>National Debtline</b> and <b>StepChange</b> are "
                "charities that give free debt advice.</li>"
                "<li><b>MoneyHelper</b> is a free service backed by the "
                "government. It has guides and tools about money and "
                "pensions.</li>"
                "<li><b>Leicester City Council</b> can tell people about local "
                "help, like help to pay council tax.</li>"
                "</ul>",
            ),
            (
                "image",
                {
                    "image": "pound_coin",
                    "alt": "A gold coin with a pound sign on it.",
                    "caption": "Debt advice is free. Never pay for it.",
                },
            ),
            (
                "steps",
                {
                    "title": "Tips to share",
                    "steps": [
                        "Do not ignore letters about debt. Open them and get advice.",
                        "Never pay for debt advice. Good debt advice is free.",
                        "Use a free benefits calculator to check if you can "
                        "get more help. Citizens Advice can help you do this.",
                        "Beware of people offering easy loans for cash. Loan "
                        "sharks are illegal and dangerous.",
                        "Take your letters and bills with you when you go for advice.",
                    ],
                },
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Good money and debt advice is free. Citizens "
                    "Advice is a great place to start.",
                },
            ),
            _CITIZENS_ADVICE,
            (
                "source",
                {
                    "title": "Benefits calculators",
                    "publisher": "GOV.UK",
                    "url": "https://www.gov.uk/benefits-calculators",
                },
            ),
            (
                "source",
                {
                    "title": "MoneyHelper",
                    "publisher": "Money and Pensions Service",
                    "url": "https://www.moneyhelper.org.uk/",
                },
            ),
        ],
    },
    {
        "slug": "safe-and-warm-at-home",
        "title": "Safe and warm at home",
        "summary": "Free home fire safety visits from the fire service, and "
        "where to get help to keep warm.",
        "body": [
            ("heading", "Free home fire safety visits"),
            (
                "text",
                "<p>Fire and rescue services offer free home fire safety "
                "visits. Leicestershire Fire and Rescue Service may call this "
                "a Home Fire Safety Check or a Safe and Well visit. Staff come "
                "to the home, give advice and may fit free smoke alarms.</p>"
                "<p>These visits are mainly for people at higher risk from "
                "fire. This includes older people, people who live alone, "
                "people who smoke, and people whose health or disability "
                "would make it hard to escape.</p>",
            ),
            ("heading", "Keeping warm"),
            (
                "text",
                "<p>A cold home can make people ill. It is most risky for "
                "older people, babies and people with long-term health "
                "problems.</p>"
                "<ul>"
                "<li>Try to heat the rooms you use most to at least "
                "18°C.</li>"
                "<li>Never use a gas cooker or oven to heat your home.</li>"
                "<li>Keep heaters away from curtains, furniture and clothes. "
                "Never dry clothes on a heater.</li>"
                "<li>Get gas appliances checked every year by a Gas Safe "
                "registered engineer. Fit a carbon monoxide alarm.</li>"
                "</ul>",
            ),
            (
                "image",
                {
                    "image": "radiator",
                    "alt": "A white radiator with wavy lines of heat rising from it.",
                    "caption": "A warm home helps you stay well.",
                },
            ),
            (
                "text",
                "<p>If someone is struggling to pay for energy, they can get "
                "help. They can contact their energy supplier, Citizens Advice "
                "or the council. The council may know about local schemes to "
                "help with bills, heating or repairs.</p>"
                "<p>People who are older, disabled or unwell can ask their "
                "energy supplier to add them to the free <b>Priority Services "
                "Register</b>. This can mean extra help, for example during a "
                "power cut.</p>",
            ),
            (
                "steps",
                {
                    "title": "Helping someone ask for a home fire safety visit",
                    "steps": [
                        "Explain what the visit is and that it is free.",
                        "Ask if they would like one. It is their choice.",
                        "Ask if they are happy for you to share their details "
                        "with the fire service.",
                        "Help them contact Leicestershire Fire and Rescue "
                        "Service, or make the referral with their consent.",
                    ],
                },
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Know who may need a home fire safety visit. "
                    "With their permission, help them ask the fire service "
                    "for one.",
                },
            ),
            _LEICS_FIRE,
            (
                "source",
                {
                    "title": "Leicester City Council",
                    "publisher": "Leicester City Council",
                    "url": "https://www.leicester.gov.uk/",
                },
            ),
            _CITIZENS_ADVICE,
        ],
    },
    {
        "slug": "good-signposting-conversations",
        "title": "Having a good signposting conversation",
        "summary": "How to listen, give options and respect a person's "
        "choices when you help them find support.",
        "body": [
            ("heading", "What is signposting?"),
            (
                "text",
                "<p>Signposting means helping someone find the right service "
                "for them. You are not there to fix everything yourself. You "
                "help the person choose their next step, and feel confident "
                "to take it.</p>",
            ),
            (
                "image",
                {
                    "image": "speech_bubbles",
                    "alt": "Two speech bubbles, one blue and one green.",
                    "caption": "Listen first. Then give options.",
                },
            ),
            (
                "steps",
                {
                    "title": "Five steps for a good conversation",
                    "steps": [
                        "Listen: give the person time. Let them tell their "
                        "story in their own words.",
                        "Do not judge: stay calm and kind, whatever they tell you.",
                        "Ask open questions: for example, “What would help "
                        "you most right now?”",
                        "Give options: share two or three places that could "
                        "help. Let them choose.",
                        "Ask permission: never pass on someone's details "
                        "without their consent.",
                    ],
                },
            ),
            ("heading", "Consent and its limits"),
            (
                "text",
                "<p><b>Respect consent.</b> The person decides what happens "
                "next. Ask before you share their name, phone number or story "
                "with any service. Only write down details if they "
                "agree.</p>"
                "<p><b>There are limits.</b> If someone is in danger right "
                "now, call 999. If you think a child, or an adult who cannot "
                "protect themselves, is being harmed, tell the Expert "
                "Citizens team or the police straight away. Do this even if "
                "the person asks you not to. Explain this honestly if it "
                "comes up.</p>",
            ),
            (
                "text",
                "<p><b>Know your own limits.</b> You are not a doctor, lawyer "
                "or counsellor. Do not give advice you are not sure about. It "
                "is fine to say, “I don't know, but I know who can "
                "help.”</p>"
                "<p>Follow up later if the person would like you to. And look "
                "after yourself: talk to the team if a conversation upsets "
                "you.</p>",
            ),
            (
                "key_message",
                {
                    "title": "Key safety message",
                    "message": "Listen, don't judge, give options and respect "
                    "consent. The person chooses what happens next.",
                },
            ),
            (
                "source",
                {
                    "title": "If you're worried about someone else",
                    "publisher": "Samaritans",
                    "url": "https://www.samaritans.org/how-we-can-help/"
                    "if-youre-worried-about-someone-else/",
                },
            ),
            _CITIZENS_ADVICE,
        ],
    },
]

_SIGNPOSTING_QUESTIONS = [
    {
        "type": "single_choice",
        "prompt": "A man has bad chest pain and is struggling to breathe. "
        "Which number should you call?",
        "options": [
            {
                "text": "999",
                "correct": True,
                "explanation": "Right. Chest pain and trouble breathing could "
                "be life-threatening. Call 999.",
            },
            {
                "text": "111",
                "correct": False,
                "explanation": "No. 111 is for urgent problems that are not "
                "life-threatening. This could be a heart attack.",
            },
            {
                "text": "The GP surgery",
                "correct": False,
                "explanation": "No. This cannot wait for a GP. Call 999 now.",
            },
            {
                "text": "101",
                "correct": False,
                "explanation": "No. 101 is the police non-emergency number.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "It is late at night. Your neighbour has a high temperature "
        "and feels unwell, but their life is not at risk. What should they do "
        "first?",
        "options": [
            {
                "text": "Call NHS 111 or use 111.nhs.uk",
                "correct": True,
                "explanation": "Right. NHS 111 is open day and night for "
                "urgent problems that are not emergencies.",
            },
            {
                "text": "Call 999",
                "correct": False,
                "explanation": "No. Keep 999 for emergencies where a life is at risk.",
            },
            {
                "text": "Call 101",
                "correct": False,
                "explanation": "No. 101 is for the police, not for health problems.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "There is a power cut in your street. Which number can you call?",
        "options": [
            {
                "text": "105",
                "correct": True,
                "explanation": "Right. 105 is free and puts you through to "
                "your local electricity network.",
            },
            {
                "text": "999",
                "correct": False,
                "explanation": "Not usually. Only call 999 if there is danger, "
                "like a fallen power line or a fire.",
            },
            {
                "text": "111",
                "correct": False,
                "explanation": "No. 111 is for urgent medical help.",
            },
        ],
    },
    {
        "type": "true_false",
        "prompt": "A pharmacist can give advice on many common illnesses "
        "without an appointment.",
        "answer": True,
        "explanation": "True. Pharmacists can help with things like coughs, "
        "colds and sore throats. You can just walk in.",
    },
    {
        "type": "true_false",
        "prompt": "You need to pay a company to get good debt advice.",
        "answer": False,
        "explanation": "False. Good debt advice is free, from Citizens "
        "Advice, National Debtline or StepChange.",
    },
    {
        "type": "multiple_response",
        "prompt": "Someone tells you they cannot cope and have thought about "
        "ending their life. They are not in danger right now. Which of these "
        "are good ways to help? Choose all that apply.",
        "options": [
            {
                "text": "Listen calmly, without judging",
                "correct": True,
                "explanation": "Yes. Being listened to can help a lot.",
            },
            {
                "text": "Tell them about Samaritans on 116 123",
                "correct": True,
                "explanation": "Yes. Samaritans are free to call, day and night.",
            },
            {
                "text": "Suggest NHS 111 and the mental health option",
                "correct": True,
                "explanation": "Yes. This gets them urgent mental health support.",
            },
            {
                "text": "Tell them to cheer up",
                "correct": False,
                "explanation": "No. This can make them feel they are not being "
                "listened to.",
            },
            {
                "text": "Promise to keep it secret, whatever happens",
                "correct": False,
                "explanation": "No. If their life is in danger you may need to "
                "get help. Be honest about this.",
            },
        ],
    },
    {
        "type": "single_choice",
        "prompt": "What is the free phone number for Samaritans?",
        "options": [
            {
                "text": "116 123",
                "correct": True,
                "explanation": "Right. Samaritans are free to call on 116 123, "
                "day and night.",
            },
            {
                "text": "0800 555 111",
                "correct": False,
                "explanation": "No. This is Crimestoppers, for reporting crime "
                "anonymously.",
            },
            {
                "text": "105",
                "correct": False,
                "explanation": "No. 105 is for power cuts.",
            },
        ],
    },
    {
        "type": "multiple_response",
        "prompt": "Which of these are part of a good signposting "
        "conversation? Choose all that apply.",
        "options": [
            {
                "text": "Listen and give the person time",
                "correct": True,
                "explanation": "Yes. Listening helps you understand what they "
                "really need.",
            },
            {
                "text": "Give options and let them choose",
                "correct": True,
                "explanation": "Yes. It is their life and their choice.",
            },
            {
                "text": "Ask permission before you share their details",
                "correct": True,
                "explanation": "Yes. Always respect consent.",
            },
            {
                "text": "Tell them what they must do",
                "correct": False,
                "explanation": "No. Give options, not orders. The person decides.",
            },
            {
                "text": "Refer them to a service without asking them",
                "correct": False,
                "explanation": "No. Ask first, unless someone is in danger or "
                "at risk of harm.",
            },
        ],
    },
    {
        "type": "true_false",
        "prompt": "If you think a service would help, it is fine to pass on "
        "someone's details without asking them.",
        "answer": False,
        "explanation": "False. Always ask first. The only exception is when "
        "someone is in danger or at risk of harm.",
    },
    {
        "type": "single_choice",
        "prompt": "An older man lives alone and smokes. He asks how to make "
        "his home safer from fire. Which is the best service for him?",
        "options": [
            {
                "text": "A free home fire safety visit from the fire service",
                "correct": True,
                "explanation": "Right. He is at higher risk from fire. The fire "
                "service can give advice and may fit smoke alarms.",
            },
            {
                "text": "Crimestoppers",
                "correct": False,
                "explanation": "No. Crimestoppers is for reporting crime anonymously.",
            },
            {
                "text": "Samaritans",
                "correct": False,
                "explanation": "No. Samaritans give emotional support. The "
                "fire service can help with fire safety.",
            },
        ],
    },
    {
        "type": "image_choice",
        "prompt": "Which picture shows the number for urgent medical help "
        "that is not an emergency?",
        "options": [
            {
                "image": "phone_111",
                "alt": "A phone screen showing 111.",
                "correct": True,
                "explanation": "Right. NHS 111 is for urgent medical help that "
                "is not an emergency.",
            },
            {
                "image": "phone_999",
                "alt": "A phone screen showing 999.",
                "correct": False,
                "explanation": "No. 999 is for emergencies where a life is at risk.",
            },
            {
                "image": "phone_101",
                "alt": "A phone screen showing 101.",
                "correct": False,
                "explanation": "No. 101 is the police number for non-emergencies.",
            },
        ],
    },
    {
        "type": "image_choice",
        "prompt": "A family tells you they are worried about debts and bills. "
        "Which picture best matches the help they need?",
        "options": [
            {
                "image": "pound_coin",
                "alt": "A gold coin with a pound sign.",
                "correct": True,
                "explanation": "Right. Point them to free money advice, like "
                "Citizens Advice.",
            },
            {
                "image": "cpr_hands",
                "alt": "Two hands pressing on a chest.",
                "correct": False,
                "explanation": "No. This shows CPR, which is first aid for "
                "someone whose heart has stopped.",
            },
            {
                "image": "flame",
                "alt": "An orange flame.",
                "correct": False,
                "explanation": "No. This shows a fire. The fire service helps "
                "with fire safety, not money.",
            },
        ],
    },
]

SIGNPOSTING = {
    "slug": "signposting-finding-the-right-help",
    "title": "Signposting: finding the right help",
    "topic": "signposting",
    "summary": "Learn how to help people find the right service at the right "
    "time. Covers emergency and health services, mental health, money, home "
    "safety and how to have a good conversation.",
    "learning_outcomes": [
        "Choose between 999, NHS 111, 101, a GP and a pharmacy",
        "Know where to find urgent help for mental health",
        "Point people to free help with money, debt and benefits",
        "Tell people about free home fire safety visits and help to keep warm",
        "Have a signposting conversation that respects the person's choices",
    ],
    "estimated_minutes": 40,
    "image": "signpost",
    "image_alt": "A signpost with two arrows pointing different ways.",
    "prerequisites": [],
    "assessment": dict(_ASSESSMENT),
    "lessons": _SIGNPOSTING_LESSONS,
    "questions": _SIGNPOSTING_QUESTIONS,
}


COURSES = [FIRE_SAFETY, FIRST_AID, CRIME_PREVENTION, SIGNPOSTING]
