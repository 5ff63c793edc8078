"""Phrase banks for the demo Local Offer: opening times, prices, how to get help, how services
support children with SEND, and the notices, suggestions and proposed changes of the review
queue. Pure data, read by `directory_plan`. Everything is invented.
"""

from dataclasses import dataclass

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = (0, 1, 2, 3, 4)


@dataclass(frozen=True)
class Schedule:
    description: str
    slots: tuple[tuple[tuple[int, ...], str, str], ...] = ()  # (weekdays, opens, closes)


def clock(hhmm: str) -> str:
    """'15:30' -> '3:30pm', '09:00' -> '9am', '12:00' -> 'midday'."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    if (hours, minutes) == (12, 0):
        return "midday"
    suffix = "am" if hours < 12 else "pm"
    hour = hours % 12 or 12
    return f"{hour}{suffix}" if minutes == 0 else f"{hour}:{minutes:02d}{suffix}"


def _each_day(prefix: str, opens: str, closes: str, days=WEEKDAYS) -> tuple[Schedule, ...]:
    return tuple(
        Schedule(
            f"{prefix}{DAYS[d]}s, {clock(opens)} to {clock(closes)}".strip(),
            (((d,), opens, closes),),
        )
        for d in days
    )


def _two_days(prefix: str, opens: str, closes: str) -> tuple[Schedule, ...]:
    pairs = ((0, 2), (1, 3), (2, 4), (0, 3))
    return tuple(
        Schedule(
            f"{prefix}{DAYS[a]}s and {DAYS[b]}s, {clock(opens)} to {clock(closes)}",
            (((a, b), opens, closes),),
        )
        for a, b in pairs
    )


SCHEDULES: dict[str, tuple[Schedule, ...]] = {
    "office": (
        Schedule("Monday to Friday, 9am to 5pm", ((WEEKDAYS, "09:00", "17:00"),)),
        Schedule(
            "Monday to Thursday 9am to 5pm, Friday 9am to 4:30pm",
            (((0, 1, 2, 3), "09:00", "17:00"), ((4,), "09:00", "16:30")),
        ),
        Schedule("Monday to Friday, 8:30am to 5pm", ((WEEKDAYS, "08:30", "17:00"),)),
    ),
    "in-school": (
        Schedule("Term time, during the school day", ((WEEKDAYS, "08:30", "16:00"),)),
        Schedule("Term time, Monday to Friday", ((WEEKDAYS, "08:45", "15:30"),)),
    ),
    "school-day": (
        Schedule("Term time, Monday to Friday, 9am to 3pm", ((WEEKDAYS, "09:00", "15:00"),)),
        Schedule(
            "Term time, Monday to Thursday 9am to 3pm, Friday 9am to midday",
            (((0, 1, 2, 3), "09:00", "15:00"), ((4,), "09:00", "12:00")),
        ),
    ),
    "college": (
        Schedule("Term time, Monday to Friday, 9am to 4pm", ((WEEKDAYS, "09:00", "16:00"),)),
        Schedule("Term time, Monday to Friday, 8:45am to 4:15pm", ((WEEKDAYS, "08:45", "16:15"),)),
    ),
    "helpline": (
        Schedule(
            "Helpline open Monday to Friday, 9:30am to 4:30pm", ((WEEKDAYS, "09:30", "16:30"),)
        ),
        Schedule(
            "Helpline open Monday to Thursday 10am to 4pm, and Wednesday evenings 6pm to 8pm",
            (((0, 1, 2, 3), "10:00", "16:00"), ((2,), "18:00", "20:00")),
        ),
        Schedule(
            "Helpline open Monday to Friday, 9am to 3pm; leave a message at other times",
            ((WEEKDAYS, "09:00", "15:00"),),
        ),
    ),
    "helpline-short": (
        Schedule(
            "Monday, Wednesday and Friday, 10am to 2pm; email at any time",
            (((0, 2, 4), "10:00", "14:00"),),
        ),
        Schedule(
            "Tuesday and Thursday, 9:30am to 2:30pm; email at any time",
            (((1, 3), "09:30", "14:30"),),
        ),
    ),
    "weekly-phone": _each_day("Term time, ", "13:00", "16:00", days=(1, 3)),
    "weekly-morning": (
        *_each_day("Term time, ", "10:00", "11:30"),
        *_each_day("Term time, ", "09:30", "11:30", days=(1, 3)),
        *_each_day("", "10:00", "12:00", days=(2, 4)),
    ),
    "after-school": (
        *_each_day("Term time, ", "15:30", "17:30"),
        *_two_days("Term time, ", "15:30", "17:30"),
        *_each_day("Term time, ", "16:00", "18:00", days=(1, 2, 3)),
    ),
    "evening": (
        *_each_day("", "18:00", "20:00"),
        *_each_day("", "18:30", "20:30", days=(1, 2, 3)),
        *_each_day("", "19:00", "21:00", days=(0, 3)),
    ),
    "friday-evening": (
        Schedule("Fridays, 7pm to 9pm", (((4,), "19:00", "21:00"),)),
        Schedule("Fridays, 6:30pm to 9pm", (((4,), "18:30", "21:00"),)),
    ),
    "saturday": (
        Schedule("Saturdays, 10am to midday", (((5,), "10:00", "12:00"),)),
        Schedule("Saturdays, 9:30am to 11:30am", (((5,), "09:30", "11:30"),)),
        Schedule("Saturdays, 1pm to 3pm", (((5,), "13:00", "15:00"),)),
        Schedule("Saturdays, 10am to 1pm", (((5,), "10:00", "13:00"),)),
    ),
    "sunday": (
        Schedule("Sundays, 10am to midday", (((6,), "10:00", "12:00"),)),
        Schedule("Sundays, 2pm to 4pm", (((6,), "14:00", "16:00"),)),
        Schedule("Sundays, 8:30am to 9:30am", (((6,), "08:30", "09:30"),)),
    ),
    "monthly-saturday": (
        Schedule("Second Saturday of the month, 10am to 1pm"),
        Schedule("Last Saturday of the month, 1pm to 4pm"),
    ),
    "monthly-evening": (
        Schedule("First Tuesday of the month, 7pm to 9pm"),
        Schedule("Last Thursday of the month, 7:30pm to 9pm"),
        Schedule("Second Wednesday of the month, 10am to midday and 7pm to 8:30pm"),
    ),
    "monthly-morning": (
        Schedule("First Thursday of the month, 10am to midday"),
        Schedule("Second Tuesday of the month, 9:30am to 11:30am"),
        Schedule("Last Friday of the month, 1pm to 3pm"),
    ),
    "termly": (
        Schedule("Sessions each term: dates are on the website"),
        Schedule("Several dates each term, mornings and evenings: see the website"),
    ),
    "holiday": (
        Schedule(
            "School holidays (Easter, summer and October half term), Monday to Thursday, "
            "10am to 3pm",
            (((0, 1, 2, 3), "10:00", "15:00"),),
        ),
        Schedule(
            "Summer holidays and half terms, Monday to Friday, 9am to 4pm",
            ((WEEKDAYS, "09:00", "16:00"),),
        ),
    ),
    "overnight": (
        Schedule("Planned with each family: evenings, weekends and overnight stays"),
        Schedule("Days, evenings and overnight stays, agreed with each family"),
    ),
    "residential": (
        Schedule("Weekends and short stays through the year: dates on the website"),
        Schedule("Monday to Friday during term, going home at weekends"),
    ),
    "library": (
        Schedule(
            "Monday to Friday 9am to 6pm (Wednesday until 7pm), Saturday 9am to 4pm",
            (
                ((0, 1, 3, 4), "09:00", "18:00"),
                ((2,), "09:00", "19:00"),
                ((5,), "09:00", "16:00"),
            ),
        ),
    ),
    "always": (
        Schedule("24 hours a day, every day", (((0, 1, 2, 3, 4, 5, 6), "00:00", "00:00"),)),
    ),
    "evening-chat": (
        Schedule("Every weekday evening, 6pm to 10pm", ((WEEKDAYS, "18:00", "22:00"),)),
        Schedule("Every evening, 5pm to 9pm", (((0, 1, 2, 3, 4, 5, 6), "17:00", "21:00"),)),
    ),
    "appointments": (
        Schedule(
            "Appointments Monday to Friday 9am to 6pm, and Saturday mornings",
            ((WEEKDAYS, "09:00", "18:00"), ((5,), "09:00", "12:30")),
        ),
        Schedule("By appointment, Monday to Friday", ((WEEKDAYS, "09:00", "17:00"),)),
        Schedule("By appointment, including after school", ((WEEKDAYS, "09:00", "19:00"),)),
    ),
    "nursery": (
        Schedule(
            "Monday to Friday, 8am to 6pm, all year except bank holidays",
            ((WEEKDAYS, "08:00", "18:00"),),
        ),
        Schedule(
            "Monday to Friday, 7:30am to 6pm, closed between Christmas and New Year",
            ((WEEKDAYS, "07:30", "18:00"),),
        ),
    ),
    "pre-school": (
        Schedule("Term time, Monday to Friday, 9am to 3pm", ((WEEKDAYS, "09:00", "15:00"),)),
        Schedule("Term time, Monday to Friday, 8:45am to 3:15pm", ((WEEKDAYS, "08:45", "15:15"),)),
    ),
    "wraparound": (
        Schedule(
            "Term time, Monday to Friday, 7:45am to 8:45am and 3:15pm to 6pm",
            ((WEEKDAYS, "07:45", "08:45"), (WEEKDAYS, "15:15", "18:00")),
        ),
    ),
}


@dataclass(frozen=True)
class Cost:
    option: str
    amounts: tuple[str, ...]  # alternatives, in pounds; "0.00" is free
    description: str = ""


COSTS: dict[str, tuple[Cost, ...]] = {
    "session": (
        Cost("Session", ("2.50", "3.00", "4.00", "5.00", "6.00", "7.50"), "Per child"),
        Cost("Parent or carer", ("0.00",), "When supporting a child"),
    ),
    "course": (
        Cost("Course of six sessions", ("30.00", "45.00", "60.00")),
        Cost("Low-income place", ("0.00",), "For families on a low income: ask us"),
    ),
    "workshop": (Cost("Workshop", ("10.00", "12.00", "15.00"), "Per family"),),
    "trip": (
        Cost("Day trip", ("10.00", "15.00", "20.00"), "Per person"),
        Cost("Carer", ("0.00",), "One carer with each disabled person"),
    ),
    "term": (
        Cost("Term of 10 sessions", ("40.00", "55.00", "65.00")),
        Cost("Single session", ("5.00", "6.00", "7.00")),
    ),
    "lessons": (
        Cost("Small-group lesson (30 minutes)", ("8.50", "9.50", "10.00")),
        Cost("One-to-one lesson (30 minutes)", ("18.00", "20.00", "22.00")),
    ),
    "membership": (Cost("Yearly membership", ("15.00", "25.00", "40.00"), "Per family"),),
    "leisure": (
        Cost("Child or young person", ("2.00", "2.50", "3.20")),
        Cost("Carer", ("0.00",), "With a disabled child or young person"),
    ),
    "post-16-transport": (
        Cost("Yearly contribution", ("350.00", "420.00", "450.00")),
        Cost("Low-income contribution", ("0.00", "100.00"), "For families on a low income"),
    ),
    "blue-badge": (Cost("Blue badge", ("10.00",), "Paid when the badge is issued"),),
    "ticket": (
        Cost("Ticket", ("6.00", "8.00", "10.00", "12.50")),
        Cost("Carer", ("0.00",), "One carer free with each disabled person"),
    ),
    "holiday": (
        Cost("Day", ("20.00", "25.00", "30.00"), "10am to 3pm"),
        Cost("Funded place", ("0.00",), "For children on benefits-related free school meals"),
    ),
    "residential": (Cost("Weekend", ("95.00", "120.00", "150.00"), "Bursaries available"),),
    "therapy": (
        Cost("Initial assessment", ("90.00", "110.00", "125.00")),
        Cost("Therapy session (50 minutes)", ("65.00", "75.00", "85.00")),
    ),
    "report": (
        Cost("Assessment and report", ("450.00", "600.00", "750.00")),
        Cost("Attending a tribunal hearing", ("750.00", "900.00"), "Per day"),
    ),
    "tuition": (Cost("One-to-one lesson (1 hour)", ("35.00", "40.00", "45.00")),),
    "assessment": (Cost("Diagnostic assessment and report", ("450.00", "495.00", "550.00")),),
    "childcare": (
        Cost(
            "Funded hours",
            ("0.00",),
            "15 or 30 hours a week, term time, for eligible children",
        ),
        Cost("Extra hours", ("6.20", "6.50", "7.00"), "Per hour"),
        Cost("Full day", ("58.00", "62.00", "66.00"), "8am to 6pm, meals included"),
    ),
    "childminding": (
        Cost("Hourly rate", ("5.50", "6.00", "6.50")),
        Cost("Funded hours", ("0.00",), "For eligible children"),
    ),
    "wraparound": (
        Cost("Breakfast club", ("5.00", "6.00"), "Per morning"),
        Cost("After-school club", ("12.00", "14.00"), "Per afternoon, snack included"),
    ),
    "day-service": (
        Cost("Day", ("65.00", "80.00"), "Usually paid from a personal budget or direct payment"),
    ),
    "loan": (Cost("Loan", ("5.00", "10.00"), "Per month"),),
    "pantry": (Cost("Weekly shop", ("3.50", "4.00"), "About £15 of food"),),
}

# How to get the service: {phone}, {email}, {url}, {provider} and {la} are filled in.
ACCESS: dict[str, tuple[str, ...]] = {
    "self": (
        "Get in touch yourself: call {phone} or email {email}, and we will talk through what "
        "you need.",
        "You can contact us directly. Call {phone}, email {email} or use the form at {url}.",
    ),
    "booking": (
        "Places must be booked. Book online at {url} or call {phone}. Tell us about your child's "
        "needs when you book so we can plan.",
        "Booking is essential as places are limited. Book at {url}, or call {phone} if you "
        "would like to talk to us first.",
    ),
    "booking-phone": (
        "Call {phone} to book an appointment, or email {email} and we will call you back.",
        "Book an appointment by calling {phone}. If phoning is hard, email {email} instead.",
    ),
    "drop-in": (
        "Just come along: you do not need to book or be referred. If it is your first visit, "
        "you are welcome to call {phone} first with any questions.",
        "Drop in at any session. If you would like a quieter first visit, call {phone} and we "
        "will arrange one.",
    ),
    "referral-health": (
        "Ask your GP, health visitor, paediatrician or another health professional to refer "
        "your child. Families cannot refer themselves.",
        "Referrals come from health professionals, such as your GP, health visitor or "
        "consultant. Call {phone} if you want to check on a referral.",
    ),
    "referral-any": (
        "Parents and carers can refer themselves, or ask a professional such as a health "
        "visitor, GP or school SENCo to refer. Call {phone} or download the form from {url}.",
        "Anyone can refer, with the family's agreement, including parents and young people "
        "themselves. Fill in the referral form at {url} or call {phone}.",
    ),
    "school": (
        "Your child's school or setting asks us for support, with your agreement. If you think "
        "your child would benefit, talk to their SENCo.",
        "Schools and settings refer, with the family's agreement. Parents can talk to the "
        "school's SENCo about whether a referral would help.",
    ),
    "setting-applies": (
        "The nursery, pre-school or childminder applies, with your agreement. Talk to your "
        "child's key person or the setting's SENCo.",
    ),
    "ehc-plan": (
        "This is arranged through an EHC plan or EHC needs assessment. Talk to your SEND "
        "caseworker, or raise it at the annual review.",
        "Available to children and young people with an EHC plan, or being assessed for one. "
        "The SEND team arranges it; ask your caseworker.",
    ),
    "social-care": (
        "Contact children's social care on {phone} to ask for an assessment, or ask a "
        "professional who knows your family to refer.",
        "Ask for an assessment by calling {phone} or emailing {email}. A social worker will "
        "talk with you about what would help.",
    ),
    "short-breaks": (
        "Eligible families book through the short breaks team on {phone} or at {url}. Many "
        "short breaks need no social care assessment.",
    ),
    "apply-online": (
        "Apply online at {url}. If you need help with the form, call {phone}.",
        "Apply at {url}, or call {phone} for a paper form or help to apply.",
    ),
    "apply-transport": (
        "Apply online at {url}. Apply by 31 May for a September start. If your child has an "
        "EHC plan, the SEND team can tell you whether they are likely to be eligible.",
    ),
    "helpline": (
        "Call the helpline on {phone}, email {email} or use the contact form at {url}. We aim "
        "to reply within three working days.",
        "Call {phone} or email {email}. Outside opening hours, leave a message and we will "
        "call you back.",
    ),
    "crisis": (
        "Call {phone} at any time, day or night. If someone's life is at immediate risk, "
        "call 999 or go to A&E.",
    ),
    "nursery": (
        "Call {phone} or email {email} to arrange a visit. Tell us about your child's needs so "
        "our SENCo can meet you before they start.",
        "Come and look around: call {phone} to arrange a time. Apply for funded hours through "
        "the council's website, then give us your eligibility code.",
    ),
    "college": (
        "Apply online at {url}. The learning support team can meet you before you apply: call "
        "{phone} or email {email}.",
        "Apply through {url}. Tell us about your support needs on the form, and we will invite "
        "you to a transition meeting.",
    ),
    "private": (
        "Contact the practice on {phone} or at {email}. You do not need a referral. Fees are "
        "listed below.",
        "Book by calling {phone} or emailing {email}. No referral is needed; we can also quote "
        "for work funded by a school or the council.",
    ),
}

# How a service supports children with SEND, by need term code.
NEED_SUPPORT: dict[str, tuple[str, ...]] = {
    "asd": (
        "Staff have had autism training and use visual timetables, clear routines and warnings "
        "before changes.",
        "We send photos of the venue and staff before a first visit, and there is a quiet space "
        "to use at any time.",
        "We plan around sensory needs: lighting, noise and queues are kept to a minimum.",
    ),
    "slcn": (
        "Staff use simple language, give time to answer and support talk with signs, symbols "
        "and pictures.",
        "We use Makaton and symbols alongside speech, and follow each child's communication plan.",
    ),
    "communication-interaction": (
        "We adapt how we communicate for each child, using visuals, signing or communication "
        "aids as they need.",
        "Small groups and predictable routines help children who find social situations hard.",
    ),
    "spld": (
        "Written information comes in dyslexia-friendly formats, and nobody is asked to read "
        "aloud.",
        "We use multi-sensory methods and assistive technology such as text-to-speech.",
    ),
    "mld": (
        "Activities are broken into small steps with plenty of practice and praise.",
        "Information is given in easy read, with pictures and short sentences.",
    ),
    "sld": (
        "Staff are experienced with children and young people with severe learning "
        "difficulties, including personal care.",
        "We use objects of reference, signing and symbols, and plan each session around the "
        "individual.",
    ),
    "pmld": (
        "Staff are trained in moving and handling, feeding and medication, and there is a "
        "changing bench and hoist.",
        "Sensory activities are planned so that children with profound and multiple learning "
        "difficulties take part fully.",
    ),
    "cognition-learning": (
        "We adapt the pace and presentation of activities so everyone can take part and succeed.",
    ),
    "semh": (
        "Staff are trained in understanding behaviour as communication and in calming "
        "approaches; there is always someone to talk to.",
        "Young people can take breaks when they need to, and we agree a plan for difficult "
        "moments with them and their family.",
    ),
    "hi": (
        "Sessions have deaf awareness built in, with British Sign Language interpreters or "
        "signing staff on request.",
        "We use radio aids, subtitles and a hearing loop, and face the group when speaking.",
    ),
    "vi": (
        "Information is available in large print, braille and audio, and staff guide people "
        "around the venue on their first visit.",
        "We describe activities, use high-contrast materials and keep the layout the same each "
        "time.",
    ),
    "msi": (
        "Staff work with each child's intervener or communicator and use tactile and on-body "
        "signing.",
    ),
    "pd": (
        "The venue is step-free with an accessible toilet, and activities are adapted for "
        "wheelchair users.",
        "Staff are trained in moving and handling, and we ask about equipment and positioning "
        "before the first session.",
    ),
    "sensory-physical": (
        "We make reasonable adjustments for sensory and physical needs, and ask each family "
        "what works best.",
    ),
    "oth": (
        "We work with families and health professionals to plan for medical needs, including "
        "care plans and medication.",
    ),
}

GENERIC_SUPPORT = (
    "Before your child starts, we meet you to find out what helps and write it down so every "
    "member of staff knows.",
    "Parents and carers are welcome to stay, especially for the first few sessions.",
    "Staff have SEND training every year, and the team includes someone with a SEND qualification.",
    "We make reasonable adjustments for every child and young person, and review them with "
    "the family.",
    "Our staff ratio is higher than usual, so children who need one-to-one support can have it.",
    "We ask children and young people what they want to get out of the service, and plan with "
    "them.",
    "You can bring a support worker or personal assistant at no extra cost.",
    "We can share information with your child's school or other services, with your "
    "permission, so support joins up.",
    "Everything we give out is available in easy read, and we are happy to explain anything "
    "in person.",
    "If your child needs something we do not yet offer, tell us: we will try to arrange it.",
)

STREETS = (
    "Mill Lane",
    "Station Road",
    "Church Street",
    "High Street",
    "Park Road",
    "Victoria Road",
    "Queen Street",
    "Albert Road",
    "Chapel Street",
    "School Lane",
    "Market Street",
    "North Street",
    "Orchard Way",
    "Beech Grove",
    "Green Lane",
    "Bridge Street",
    "The Crescent",
    "Sandy Lane",
    "Springfield Road",
    "Manor Road",
    "Westfield Avenue",
    "Kingsway",
    "Elm Terrace",
    "Meadow View",
)

# Short-term notices on running services.
ALERTS = (
    "No sessions during the summer holidays; we restart in September.",
    "The waiting time for a first appointment is currently about 14 weeks.",
    "Places for this term are full. Join the waiting list and we will contact you.",
    "Our phone line is busy on Mondays: email us for a quicker reply.",
    "Sessions are moving to a new room upstairs from next term, with lift access.",
    "Closed on bank holidays.",
)
TEMPORARILY_CLOSED = (
    "Closed while the building is refurbished. We hope to reopen next term.",
    "Paused while we recruit new staff. Families on our list will be contacted first.",
    "Closed until further notice after flood damage at the venue.",
    "Paused for the winter; sessions restart in the spring.",
)
NOT_RUNNING = (
    "This service is not running at the moment while we look for new funding.",
    "This group has stopped. Contact us to hear about other sessions.",
)

# Members of the public's suggestions, by topic.
SUGGESTIONS = {
    "out_of_date": (
        "The phone number on this page goes to a different organisation now.",
        "The times are wrong: the session moved to Wednesdays this term.",
        "The website link does not work any more.",
        "The age range has changed; they told us it now goes up to 19.",
        "The email address bounces back.",
    ),
    "extra": (
        "They also run a siblings' session in the holidays, which is worth adding.",
        "The venue has a Changing Places toilet now, which makes a big difference to us.",
        "Staff use Makaton, which would be good to mention for families like ours.",
        "There is free parking behind the building, which is not mentioned.",
    ),
    "closed": (
        "I think this has stopped running. Nobody has answered the phone for weeks.",
        "The club closed at the end of the summer term.",
    ),
    "other": (
        "It would help to say whether parents need to stay for the session.",
        "Could the page say how long the waiting list is?",
        "Please say whether the building is step-free.",
    ),
}
SUGGESTION_RESPONSES = {
    "done": "Thank you: we checked with the provider and have updated the page.",
    "dismissed": "Thank you: the provider confirmed the details on the page are correct.",
}

# Providers' proposed changes waiting in the review queue.
CHANGE_NOTES = {
    "times": "New session times from next term",
    "phone": "We have a new phone number",
    "email": "New shared email address for the team",
    "price": "Prices going up slightly from next term",
    "ages": "We now welcome young people up to 25",
    "alert": "Adding a notice about the summer break",
    "description": "Updated description to mention our new quiet room",
    "new": "New group starting next month",
}
ADDED_DESCRIPTION = "A new quiet room is now open at every session for anyone who needs a break."
NEW_SERVICE_NAMES = (
    "Autism-friendly cooking club",
    "Parent carer peer support by text",
)
