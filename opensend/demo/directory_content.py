"""What the demo Local Offer's providers and services are like: kinds of provider, each with its
service templates. Pure data, read by `directory_plan`.

Everything here is invented. Names are patterns: "{la}" is the local authority's short name,
"{place}" a made-up place name ("Oakfield"), "{venue}" the name of one of the provider's venues.
Providers named after the real LA end "(synthetic)", as the demo's other organisations do.
Term codes are those of `opensend.directory.taxonomies`; a code the database no longer has is
left out when the demo is saved.
"""

from dataclasses import dataclass

# Broad areas of need and their SEN2 types, for services open to everyone with SEND.
ALL_BROAD_NEEDS = (
    "communication-interaction",
    "cognition-learning",
    "semh",
    "sensory-physical",
)


@dataclass(frozen=True)
class ServiceTemplate:
    names: tuple[str, ...]  # alternatives
    about: tuple[str, ...]  # the description's opening sentences, alternatives
    categories: tuple[str, ...]
    needs: tuple[str, ...] = ()  # need codes always attached
    some_needs: tuple[str, ...] = ()  # up to two of these are added
    ages: tuple[tuple[int, int], ...] = ((0, 25),)  # alternatives
    delivery: tuple[str, ...] = ("in-person",)
    schedules: tuple[str, ...] = ("office",)  # keys of directory_phrases.SCHEDULES
    free: float = 1.0  # chance of being free
    costs: tuple[str, ...] = ()  # keys of directory_phrases.COSTS, when not free
    access: str = "self"  # key of directory_phrases.ACCESS
    referral: bool = False
    per_venue: bool = False  # one service at each of the provider's venues ("{venue}")
    venue_like: str = ""  # only at venues whose name pattern contains this


@dataclass(frozen=True)
class ProviderKind:
    key: str
    names: tuple[str, ...]
    about: tuple[str, ...]
    templates: tuple[ServiceTemplate, ...]
    count: int = 1
    services: tuple[int, int] | None = None  # how many templates each uses; None: all
    venues: tuple[str, ...] = ()  # venue name patterns; none: services have no venue
    venue_count: tuple[int, int] = (1, 1)
    contacts: tuple[str, ...] = ("Enquiries",)  # team contact names
    staff_titles: tuple[str, ...] = ("Manager",)  # job titles of named contacts
    domain: str = ""  # email and web domain pattern (".example.org" is added); "" from the name
    account: str = ""  # the partner organisation whose directory editors edit it
    helpline: bool = False  # its main number is a freephone one


def T(names, about, categories, **options) -> ServiceTemplate:
    """A service template; `names` and `about` may be one string or a tuple of alternatives."""
    names = (names,) if isinstance(names, str) else tuple(names)
    about = (about,) if isinstance(about, str) else tuple(about)
    categories = (categories,) if isinstance(categories, str) else tuple(categories)
    return ServiceTemplate(names, about, categories, **options)


EARLY = ((0, 4), (0, 5))
PRIMARY = ((4, 11), (5, 11))
SECONDARY = ((11, 16), (11, 18))
SCHOOL_AGE = ((4, 16), (5, 16), (4, 19), (5, 18))
POST_16 = ((16, 19), (16, 25))
ADULTS = ((18, 25), (19, 25))
CHILDHOOD = ((0, 18), (0, 19))
EVERYONE = ((0, 25),)

# --- The local authority's own teams -------------------------------------------------------------

COUNCIL_VENUES = (
    "{place} Family Hub",
    "{place} Children's Centre",
    "{place} Community Hub",
)

LA_KINDS = (
    ProviderKind(
        "sensory-support",
        ("{la} Sensory Support Service (synthetic)",),
        (
            "The council's team of qualified teachers of deaf children and of children with "
            "vision impairment, habilitation specialists and communication support workers.",
        ),
        (
            T(
                "Hearing support for babies and pre-school children",
                "A qualified teacher of the deaf visits you at home from the time of diagnosis, "
                "helping you understand your child's hearing and build early listening, "
                "communication and language.",
                ("early-years", "sensory-services"),
                needs=("hi",),
                ages=EARLY,
                delivery=("at-home", "in-setting"),
                access="referral-health",
                referral=True,
            ),
            T(
                "Teacher of the deaf support in schools and colleges",
                "Advice, training and teaching for deaf pupils and students in mainstream schools "
                "and colleges: hearing technology, classroom acoustics, exam access arrangements "
                "and deaf awareness for staff.",
                ("send-advisory", "sensory-services"),
                needs=("hi",),
                ages=((4, 19),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
                referral=True,
            ),
            T(
                "Vision support for babies and young children",
                "A qualified teacher of children with vision impairment works with you at home "
                "and at nursery on play, early learning and getting around safely.",
                ("early-years", "sensory-services"),
                needs=("vi",),
                ages=EARLY,
                delivery=("at-home", "in-setting"),
                access="referral-health",
                referral=True,
            ),
            T(
                "Vision impairment support in schools and colleges",
                "Specialist teachers help schools and colleges adapt lessons and materials for "
                "pupils with vision impairment, including large print, braille and "
                "assistive technology.",
                ("send-advisory", "sensory-services"),
                needs=("vi",),
                ages=((4, 19),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
                referral=True,
            ),
            T(
                "Habilitation: mobility and independent living skills",
                "Habilitation specialists teach children and young people with vision impairment "
                "to move around safely, use a long cane, cross roads and learn everyday skills "
                "like cooking and handling money.",
                ("sensory-services", "travel-training"),
                needs=("vi", "msi"),
                ages=((3, 25),),
                delivery=("at-home", "in-setting"),
                access="referral-any",
                referral=True,
            ),
            T(
                "Multi-sensory impairment support",
                "A specialist teacher for children whose hearing and sight are both affected "
                "works with families and settings on communication, including objects of "
                "reference, tactile signing and on-body signs.",
                ("send-advisory", "sensory-services"),
                needs=("msi",),
                ages=((0, 19),),
                delivery=("at-home", "in-setting"),
                access="referral-any",
                referral=True,
            ),
            T(
                "Family sign language course",
                "A friendly ten-week course for parents, carers, brothers and sisters of deaf "
                "children, learning British Sign Language together for everyday family life.",
                ("parenting", "sensory-services"),
                needs=("hi",),
                ages=((0, 11),),
                delivery=("in-person", "online"),
                schedules=("evening",),
                access="booking",
            ),
            T(
                "Deaf children's Saturday club",
                "A monthly club where deaf children meet deaf role models, make friends and try "
                "new activities, with sign language and communication support throughout.",
                ("youth-clubs", "sensory-services"),
                needs=("hi",),
                ages=((5, 16),),
                schedules=("monthly-saturday",),
                access="booking",
            ),
            T(
                "Accessible formats: braille, large print and audio",
                "Schools can ask us to turn books, worksheets and exam papers into braille, "
                "large print or audio for pupils with vision impairment.",
                ("equipment", "sensory-services"),
                needs=("vi",),
                ages=((4, 19),),
                delivery=("in-setting",),
                access="school",
                referral=True,
            ),
        ),
        venues=("{place} Sensory Support Centre",),
        contacts=("Sensory support duty line", "Referrals team"),
        staff_titles=("Team manager", "Qualified teacher of the deaf", "Habilitation specialist"),
        domain="{la}-council",
    ),
    ProviderKind(
        "educational-psychology",
        ("{la} Educational Psychology Service (synthetic)",),
        (
            "Educational psychologists who help schools, settings and families understand how "
            "children and young people learn and what helps them.",
        ),
        (
            T(
                "Educational psychology advice for schools and settings",
                "Educational psychologists work with schools and nurseries to understand a "
                "child's needs, plan support and check whether it is working, usually through "
                "consultation with staff and parents.",
                ("send-advisory", "education"),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 25),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
                referral=True,
            ),
            T(
                "Psychological advice for EHC needs assessments",
                "When the council carries out an EHC needs assessment, an educational "
                "psychologist meets the child or young person, talks with the family and school, "
                "and writes advice on their needs and the support they need.",
                ("send-advisory",),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 25),),
                delivery=("in-setting", "at-home"),
                access="ehc-plan",
                referral=True,
            ),
            T(
                "Psychology consultation line for parents and carers",
                "A weekly telephone consultation where parents and carers can talk through "
                "worries about learning, behaviour or wellbeing with an educational psychologist.",
                ("advice",),
                some_needs=ALL_BROAD_NEEDS,
                ages=((0, 19),),
                delivery=("phone",),
                schedules=("weekly-phone",),
                access="booking-phone",
            ),
            T(
                "Emotional literacy support assistant (ELSA) training",
                "Training and supervision for teaching assistants who support pupils to "
                "understand and manage their emotions, friendships and worries.",
                ("send-advisory", "mental-health"),
                needs=("semh",),
                ages=((5, 16),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
            ),
            T(
                "Critical incident support for schools",
                "Educational psychologists support schools after a sudden death or other "
                "traumatic event, helping staff to support pupils and each other.",
                ("mental-health", "send-advisory"),
                needs=("semh",),
                ages=((4, 19),),
                delivery=("in-setting",),
                access="school",
            ),
        ),
        contacts=("Educational psychology duty line",),
        staff_titles=("Principal educational psychologist", "Senior educational psychologist"),
        domain="{la}-council",
    ),
    ProviderKind(
        "inclusion-teaching",
        ("{la} SEND Inclusion and Specialist Teaching Service (synthetic)",),
        (
            "Specialist teachers and advisers who help nurseries, schools and colleges include "
            "children and young people with SEND.",
        ),
        (
            T(
                "Specialist teaching for cognition and learning",
                "Specialist teachers assess pupils who are finding learning hard, suggest "
                "teaching approaches and resources, and train staff to use them.",
                ("send-advisory",),
                needs=("cognition-learning", "mld"),
                some_needs=("spld",),
                ages=((4, 16),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
                referral=True,
            ),
            T(
                "Dyslexia-friendly schools programme",
                "A year-long programme helping primary and secondary schools spot literacy "
                "difficulties early and teach in ways that work for dyslexic pupils.",
                ("send-advisory", "tuition"),
                needs=("spld",),
                ages=((5, 16),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
            ),
            T(
                "Advice for severe and complex learning needs",
                "Advisory teachers support mainstream settings to include pupils with severe or "
                "profound and multiple learning difficulties, including sensory approaches and "
                "personal care planning.",
                ("send-advisory",),
                needs=("sld", "pmld"),
                ages=((2, 19),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
                referral=True,
            ),
            T(
                "SENCo network and training",
                "Termly network meetings and training for special educational needs "
                "co-ordinators in early years settings, schools and colleges.",
                ("send-advisory", "education"),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 25),),
                delivery=("in-person", "online"),
                schedules=("termly",),
                access="school",
            ),
            T(
                "Physical disability and medical needs advisory teachers",
                "Advice for schools on including pupils with physical disabilities or medical "
                "conditions: access, equipment, fatigue, care plans and school trips.",
                ("send-advisory",),
                needs=("pd",),
                some_needs=("oth",),
                ages=((2, 19),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
                referral=True,
            ),
            T(
                "Assistive technology and communication aids advice",
                "Advice and short-term loans of switches, eye-gaze, tablets and software so "
                "pupils can communicate and take part in lessons.",
                ("equipment", "send-advisory"),
                needs=("pd", "slcn"),
                some_needs=("pmld", "asd"),
                ages=((2, 19),),
                delivery=("in-setting",),
                access="school",
                referral=True,
            ),
        ),
        venues=("{la} SEND Resource Centre",),
        contacts=("Inclusion service enquiries",),
        staff_titles=("Head of inclusion", "Specialist teacher"),
        domain="{la}-council",
    ),
    ProviderKind(
        "early-years-send",
        ("{la} Early Years SEND and Portage Team (synthetic)",),
        (
            "Portage home visitors, area SENCos and early years inclusion officers supporting "
            "babies and young children with SEND and their families.",
        ),
        (
            T(
                "Portage home visiting",
                "A Portage home visitor comes to your home every week or two to play with your "
                "child and you, setting small goals for learning, communication and play.",
                ("early-years",),
                needs=("sld",),
                some_needs=("pmld", "communication-interaction", "pd", "oth"),
                ages=((0, 4),),
                delivery=("at-home",),
                access="referral-any",
                referral=True,
            ),
            T(
                "Early years inclusion funding",
                "Extra funding for nurseries, pre-schools and childminders so that young children "
                "with SEND can take up their early education place with the right support.",
                ("early-years",),
                needs=ALL_BROAD_NEEDS,
                ages=((2, 5),),
                delivery=("in-setting",),
                access="setting-applies",
            ),
            T(
                "Area SENCo support for early years settings",
                "Area SENCos visit nurseries, pre-schools and childminders to help them plan "
                "for children with SEND and to take the next steps when more help is needed.",
                ("early-years", "send-advisory"),
                needs=ALL_BROAD_NEEDS,
                ages=EARLY,
                delivery=("in-setting",),
                schedules=("in-school",),
                access="setting-applies",
            ),
            T(
                "Stay and play for children with SEND: {venue}",
                "A relaxed stay and play session for families of young children with SEND or "
                "developmental delay, with sensory toys and early years staff to talk to.",
                ("early-years", "parent-groups"),
                some_needs=("communication-interaction", "pd", "sld", "slcn"),
                ages=EARLY,
                schedules=("weekly-morning",),
                access="drop-in",
                per_venue=True,
            ),
            T(
                "Starting school with SEND: information sessions",
                "Sessions for parents and carers of children with SEND who will start school "
                "next September: choosing a school, applying, and planning a good start.",
                ("advice", "early-years"),
                needs=ALL_BROAD_NEEDS,
                ages=((3, 5),),
                delivery=("in-person", "online"),
                schedules=("termly",),
                access="booking",
            ),
        ),
        venues=COUNCIL_VENUES,
        venue_count=(2, 3),
        contacts=("Early years SEND team", "Portage team"),
        staff_titles=("Portage co-ordinator", "Area SENCo", "Early years inclusion officer"),
        domain="{la}-council",
    ),
    ProviderKind(
        "autism-team",
        ("{la} Autism and Social Communication Team (synthetic)",),
        (
            "Specialist teachers and practitioners supporting autistic children and young people "
            "in early years settings, schools and at home.",
        ),
        (
            T(
                "Autism outreach for schools",
                "Specialist teachers help schools understand and support autistic pupils: "
                "sensory needs, communication, anxiety and making the school day predictable.",
                ("send-advisory",),
                needs=("asd",),
                ages=((4, 16),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
                referral=True,
            ),
            T(
                "Autism outreach for early years settings",
                "Practitioners visit nurseries and pre-schools to help them support young "
                "children who are autistic or waiting for an autism assessment.",
                ("send-advisory", "early-years"),
                needs=("asd",),
                some_needs=("slcn",),
                ages=((2, 5),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="setting-applies",
            ),
            T(
                "Understanding autism: course for parents and carers",
                "A six-week course for parents and carers of autistic children, covering "
                "communication, sensory differences, anxiety and behaviour as communication.",
                ("parenting",),
                needs=("asd",),
                ages=((2, 18),),
                delivery=("in-person", "online"),
                schedules=("weekly-morning", "evening"),
                access="booking",
            ),
            T(
                "Autistic girls' support group",
                "A small, calm after-school group where autistic girls and young women share "
                "experiences, build confidence and talk about what helps.",
                ("youth-clubs", "mental-health"),
                needs=("asd",),
                ages=((11, 18),),
                schedules=("after-school",),
                access="booking",
            ),
            T(
                "Autism advice line",
                "A phone line for families and professionals with questions about supporting "
                "autistic children, at home or in school, with or without a diagnosis.",
                ("advice",),
                needs=("asd",),
                ages=((0, 25),),
                delivery=("phone",),
                schedules=("helpline",),
                access="helpline",
            ),
        ),
        venues=("{place} Learning Centre",),
        contacts=("Autism team", "Autism advice line"),
        staff_titles=("Autism lead teacher", "Specialist practitioner"),
        domain="{la}-council",
    ),
    ProviderKind(
        "semh-outreach",
        ("{la} Social, Emotional and Mental Health Outreach Team (synthetic)",),
        (
            "Specialist teachers and practitioners helping schools support pupils with social, "
            "emotional and mental health needs and keep them in education.",
        ),
        (
            T(
                "SEMH outreach for primary schools",
                "Practitioners work with primary schools on pupils whose behaviour or emotions "
                "are getting in the way of learning, looking at what the behaviour is "
                "communicating.",
                ("send-advisory", "mental-health"),
                needs=("semh",),
                ages=((4, 11),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
                referral=True,
            ),
            T(
                "SEMH outreach for secondary schools",
                "Support for secondary schools with pupils at risk of exclusion, including "
                "assessment, plans with the pupil and family, and staff training.",
                ("send-advisory", "mental-health"),
                needs=("semh",),
                ages=((11, 16),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
                referral=True,
            ),
            T(
                "Support for emotionally based school avoidance",
                "Help for children who find it very hard to go to school because of anxiety, "
                "working with the family and school on a gradual, agreed return.",
                ("mental-health", "send-advisory"),
                needs=("semh",),
                some_needs=("asd",),
                ages=((5, 16),),
                delivery=("in-setting", "at-home"),
                access="school",
                referral=True,
            ),
            T(
                "Nurture group network",
                "Training and support for primary schools running nurture groups: small, "
                "predictable classes for children who need to feel safe before they can learn.",
                ("send-advisory",),
                needs=("semh",),
                ages=((4, 11),),
                delivery=("in-setting",),
                schedules=("termly",),
                access="school",
            ),
            T(
                "Trauma-informed practice training",
                "Whole-school training on how trauma and loss affect children's behaviour and "
                "learning, and on relationships that help them recover.",
                ("send-advisory",),
                needs=("semh",),
                ages=((0, 25),),
                delivery=("in-setting", "online"),
                schedules=("termly",),
                access="school",
            ),
        ),
        contacts=("SEMH outreach referrals",),
        staff_titles=("Outreach team leader", "Specialist practitioner"),
        domain="{la}-council",
    ),
    ProviderKind(
        "short-breaks",
        ("{la} Short Breaks Service (synthetic)",),
        (
            "The council's short breaks for disabled children and young people: time to have fun "
            "away from home, and a break for their parents and carers.",
        ),
        (
            T(
                "Short breaks information and eligibility",
                "Find out which short breaks your child can use without an assessment, and how "
                "to ask for more if your family needs it.",
                ("short-breaks", "advice"),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 18),),
                delivery=("phone", "online"),
                access="self",
            ),
            T(
                "Overnight short breaks",
                "Planned overnight stays at a small short breaks home, with staff trained in "
                "personal care, medication and communication.",
                ("short-breaks",),
                needs=("sld", "pmld"),
                some_needs=("asd", "pd"),
                ages=((5, 18),),
                schedules=("overnight",),
                access="social-care",
                referral=True,
            ),
            T(
                "Family-based short breaks",
                "Approved short break carers look after a disabled child in their own home for a "
                "few hours, a day or overnight, matched carefully to your child.",
                ("short-breaks", "social-care"),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 18),),
                delivery=("at-home",),
                schedules=("overnight",),
                access="social-care",
                referral=True,
            ),
            T(
                "After-school short break club: {venue}",
                "An after-school club for disabled children with activities, games and a snack, "
                "staffed at a ratio that meets each child's needs.",
                ("short-breaks", "youth-clubs"),
                needs=ALL_BROAD_NEEDS,
                ages=((5, 18),),
                schedules=("after-school",),
                access="short-breaks",
                per_venue=True,
            ),
            T(
                "Saturday short break club: {venue}",
                "A Saturday club with sensory play, cooking, outdoor games and trips, for "
                "disabled children who need a high level of support.",
                ("short-breaks",),
                needs=("sld", "pmld", "asd"),
                ages=((5, 18),),
                schedules=("saturday",),
                access="short-breaks",
                per_venue=True,
            ),
            T(
                "Holiday short breaks",
                "Day sessions in the Easter, summer and October holidays, with trips out and "
                "activities planned around the children who come.",
                ("short-breaks", "holiday-activities"),
                needs=ALL_BROAD_NEEDS,
                ages=((5, 18),),
                schedules=("holiday",),
                access="short-breaks",
            ),
            T(
                "Short breaks activity grants",
                "A yearly grant families can spend on activities, equipment or days out that "
                "give their disabled child a break and their carers some time.",
                ("short-breaks", "direct-payments"),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 18),),
                delivery=("online",),
                access="apply-online",
            ),
            T(
                "Community support workers",
                "A support worker helps a disabled young person go out in the community: to "
                "clubs, the cinema, shopping or the gym, building independence.",
                ("short-breaks",),
                needs=ALL_BROAD_NEEDS,
                ages=((8, 18),),
                delivery=("at-home",),
                schedules=("after-school", "saturday"),
                access="social-care",
                referral=True,
            ),
        ),
        venues=("{place} Short Breaks Centre", "{place} Activity Centre"),
        venue_count=(2, 2),
        contacts=("Short breaks team",),
        staff_titles=("Short breaks manager", "Family liaison officer"),
        domain="{la}-council",
        account="short-breaks",
    ),
    ProviderKind(
        "disabled-children",
        ("{la} Disabled Children's Social Work Team (synthetic)",),
        (
            "Social workers and family support workers for disabled children and young people "
            "who need care and support beyond what universal services offer.",
        ),
        (
            T(
                "Social care assessment for disabled children",
                "A social worker meets your family to find out what care and support your "
                "disabled child and the rest of the family need, and agrees a plan with you.",
                ("care-assessment",),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 18),),
                delivery=("at-home",),
                access="social-care",
                referral=True,
            ),
            T(
                "Direct payments for disabled children",
                "Money from the council instead of services, so you can choose and arrange your "
                "child's support yourself, such as a personal assistant or activities.",
                ("direct-payments",),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 18),),
                delivery=("phone", "at-home"),
                access="social-care",
                referral=True,
            ),
            T(
                "Personal assistant register and support",
                "Help to find, employ and pay a personal assistant, including a register of "
                "checked personal assistants and a payroll service.",
                ("direct-payments",),
                ages=((0, 25),),
                delivery=("phone", "online"),
                access="self",
            ),
            T(
                "Moving to adult social care",
                "From age 14, the team works with young people and families to plan the move "
                "to adult social care, with an adult assessment before the 18th birthday.",
                ("care-assessment", "adulthood"),
                needs=ALL_BROAD_NEEDS,
                ages=((14, 25),),
                delivery=("at-home", "in-person"),
                access="social-care",
                referral=True,
            ),
            T(
                "Carers' assessments for parent carers",
                "An assessment of your own needs as a parent carer: your health, work, sleep "
                "and time for yourself, and the support that would help.",
                ("carers", "care-assessment"),
                ages=((0, 18),),
                delivery=("at-home", "phone"),
                access="self",
            ),
        ),
        venues=("{la} Civic Offices",),
        contacts=("Duty team", "Children's social care front door"),
        staff_titles=("Team manager", "Social worker"),
        domain="{la}-council",
    ),
    ProviderKind(
        "preparing-for-adulthood",
        ("{la} Preparing for Adulthood Team (synthetic)",),
        (
            "Helping young people with SEND prepare for work, independent living, friendships "
            "and good health as they become adults.",
        ),
        (
            T(
                "Preparing for adulthood reviews from Year 9",
                "Advisers join annual reviews from Year 9 to help young people think about "
                "what they want from adult life and plan the steps to get there.",
                ("adulthood",),
                needs=ALL_BROAD_NEEDS,
                ages=((13, 25),),
                delivery=("in-setting",),
                access="ehc-plan",
            ),
            T(
                "Supported internships programme",
                "A one-year study programme based with an employer, with a job coach, for young "
                "people aged 16 to 24 with an EHC plan who want to work.",
                ("employment",),
                some_needs=("mld", "sld", "asd"),
                ages=((16, 24),),
                delivery=("in-person",),
                schedules=("college",),
                access="ehc-plan",
            ),
            T(
                "Housing options for young disabled adults",
                "Information and advice about supported living, shared lives and other ways to "
                "live more independently, and how to plan a move.",
                ("independent-living",),
                ages=((17, 25),),
                delivery=("in-person", "phone"),
                access="self",
            ),
            T(
                "Moving on to adult health services",
                "Information for young people and families about how children's health services "
                "hand over to adult ones, and who to ask when it is not happening.",
                ("adulthood", "health"),
                ages=((14, 25),),
                delivery=("online", "phone"),
                access="self",
            ),
            T(
                "Preparing for adulthood events",
                "Information events for young people and families with colleges, employers, "
                "housing and social care all in one place.",
                ("adulthood", "advice"),
                ages=((14, 25),),
                schedules=("termly",),
                access="drop-in",
            ),
        ),
        venues=("{la} Civic Offices",),
        contacts=("Preparing for adulthood team",),
        staff_titles=("Preparing for adulthood adviser", "Team manager"),
        domain="{la}-council",
    ),
    ProviderKind(
        "transport",
        ("{la} Travel and Transport Service (synthetic)",),
        (
            "Travel support for children and young people with SEND who are eligible for help "
            "getting to school or college, and travel training to build independence.",
        ),
        (
            T(
                "Home to school transport for children with SEND",
                "Free travel support for eligible children with SEND, such as a bus pass, a taxi "
                "or minibus with a passenger assistant, or a personal travel budget.",
                ("school-transport",),
                needs=ALL_BROAD_NEEDS,
                ages=((4, 16),),
                delivery=("online",),
                access="apply-transport",
            ),
            T(
                "Post-16 transport for students with SEND",
                "Travel support for students aged 16 to 19 with SEND going to school, college "
                "or training. A contribution may be charged.",
                ("school-transport",),
                ages=((16, 19),),
                delivery=("online",),
                free=0.0,
                costs=("post-16-transport",),
                access="apply-transport",
            ),
            T(
                "Post-19 transport support",
                "Travel support for adults aged 19 to 25 with an EHC plan, where they need it to "
                "get to education or training.",
                ("school-transport",),
                ages=((19, 25),),
                delivery=("online",),
                access="apply-transport",
            ),
            T(
                "Independent travel training",
                "One-to-one training for young people with SEND to travel safely on their own "
                "on foot, by bus or by train, at their own pace.",
                ("travel-training", "transport"),
                some_needs=("mld", "asd", "sld"),
                ages=((11, 25),),
                delivery=("in-person",),
                access="referral-any",
            ),
            T(
                "Blue badges for children",
                "Blue badge parking permits for children over 3 with mobility or hidden "
                "disabilities, and under 3 with certain medical needs.",
                ("travel-passes",),
                ages=((0, 25),),
                delivery=("online",),
                free=0.0,
                costs=("blue-badge",),
                access="apply-online",
            ),
            T(
                "Disabled person's bus pass",
                "A free bus pass for disabled children and young people, with a companion pass "
                "when they need someone with them.",
                ("travel-passes",),
                ages=((5, 25),),
                delivery=("online",),
                access="apply-online",
            ),
        ),
        contacts=("Travel assistance team",),
        staff_titles=("Travel assistance manager",),
        domain="{la}-council",
    ),
    ProviderKind(
        "medical-education",
        ("{la} Medical Needs Teaching Service (synthetic)",),
        (
            "Teachers for children who cannot go to school because of their health, at home, "
            "online, in hospital and at our teaching centre.",
        ),
        (
            T(
                "Education for children too unwell to attend school",
                "Teaching at home, online or at our centre for pupils who will miss 15 school "
                "days or more because of physical or mental illness.",
                ("education-other-than-school",),
                needs=("oth",),
                some_needs=("pd", "semh"),
                ages=((5, 16),),
                delivery=("at-home", "online", "in-person"),
                schedules=("school-day",),
                access="school",
                referral=True,
                venue_like="Teaching",
            ),
            T(
                "Hospital school teaching",
                "Teachers on the children's ward keep learning going for children and young "
                "people staying in hospital, and link with their own school.",
                ("education-other-than-school",),
                needs=("oth", "pd"),
                ages=((4, 18),),
                schedules=("school-day",),
                access="referral-health",
                venue_like="Hospital",
            ),
            T(
                "Return to school support",
                "A planned return to school after illness, with part-time timetables, "
                "reasonable adjustments and catch-up teaching agreed with the school.",
                ("education-other-than-school", "send-advisory"),
                needs=("oth",),
                some_needs=("semh",),
                ages=((5, 16),),
                delivery=("in-setting",),
                access="school",
            ),
        ),
        venues=("{place} Teaching Centre", "{place} Children's Hospital School"),
        venue_count=(2, 2),
        contacts=("Medical needs teaching team",),
        staff_titles=("Headteacher", "Deputy headteacher"),
        domain="{la}-council",
    ),
    ProviderKind(
        "family-hubs",
        ("{la} Family Hubs (synthetic)",),
        (
            "Family hubs across the area offering help for families with children from birth to "
            "19, or 25 with SEND, in one friendly place.",
        ),
        (
            T(
                "Family hub drop-in: {venue}",
                "Drop in to talk to family hub staff about anything from sleep and behaviour to "
                "money, housing and SEND, and find the right help.",
                ("family-support",),
                ages=((0, 19),),
                access="drop-in",
                per_venue=True,
            ),
            T(
                "Baby and toddler group: {venue}",
                "A weekly play session for babies and toddlers and their parents and carers. "
                "Children with SEND are welcome and staff can help you plan what they need.",
                ("early-years", "parent-groups"),
                ages=((0, 4),),
                schedules=("weekly-morning",),
                access="drop-in",
                per_venue=True,
            ),
            T(
                "SEND advice surgery: {venue}",
                "A monthly surgery where parents and carers can talk to SEND and early help staff "
                "about worries, assessments and local support, without an appointment.",
                ("advice", "family-support"),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 25),),
                schedules=("monthly-morning",),
                access="drop-in",
                per_venue=True,
            ),
            T(
                "Early help for families",
                "A family support worker works with your whole family for a few months on what "
                "matters to you: routines, behaviour, school attendance or getting other help.",
                ("family-support", "parenting"),
                ages=((0, 18),),
                delivery=("at-home", "in-person"),
                access="referral-any",
            ),
            T(
                "Parenting programme for parents of children with SEND",
                "A group course on positive approaches to behaviour, communication and looking "
                "after yourself, adapted for families of children with SEND.",
                ("parenting",),
                some_needs=("asd", "semh", "slcn"),
                ages=((2, 12),),
                schedules=("weekly-morning", "evening"),
                access="booking",
            ),
            T(
                "Young carers' support",
                "Support for children who help look after a disabled brother, sister or parent, "
                "with clubs, days out and help at school.",
                ("carers",),
                ages=((8, 18),),
                schedules=("after-school",),
                access="referral-any",
            ),
            T(
                "Sibling sessions",
                "Fun sessions where brothers and sisters of disabled children meet others in the "
                "same situation and talk about how it feels.",
                ("siblings",),
                ages=((6, 14),),
                schedules=("holiday", "saturday"),
                access="booking",
            ),
        ),
        venues=COUNCIL_VENUES,
        venue_count=(6, 7),
        contacts=("Family hubs",),
        staff_titles=("Family hub manager", "Family support worker"),
        domain="{la}-council",
    ),
    ProviderKind(
        "equipment-ot",
        ("{la} Children's Occupational Therapy and Equipment Service (synthetic)",),
        (
            "Social care occupational therapists and the equipment store: equipment and home "
            "adaptations for disabled children.",
        ),
        (
            T(
                "Occupational therapy for equipment and home adaptations",
                "An occupational therapist visits your home to look at bathing, toileting, "
                "sleeping and moving around, and recommends equipment or adaptations.",
                ("occupational-therapy", "equipment"),
                needs=("pd",),
                some_needs=("pmld", "msi"),
                ages=((0, 18),),
                delivery=("at-home",),
                access="social-care",
                referral=True,
            ),
            T(
                "Disabled facilities grants for families",
                "Grants towards adaptations such as ramps, wet rooms, stairlifts and "
                "ground-floor bedrooms for disabled children. Parents' income is not counted.",
                ("equipment",),
                needs=("pd",),
                ages=((0, 18),),
                delivery=("at-home", "phone"),
                access="social-care",
                referral=True,
            ),
            T(
                "Equipment loans: seating, bathing and hoists",
                "Specialist seating, bathing equipment, hoists and beds on long-term loan, "
                "delivered, fitted and serviced by the equipment store.",
                ("equipment",),
                needs=("pd",),
                some_needs=("pmld",),
                ages=((0, 25),),
                delivery=("at-home",),
                access="referral-health",
                referral=True,
            ),
            T(
                "Moving and handling advice for parent carers",
                "Practical sessions on lifting and moving your child safely as they grow, "
                "protecting your back and theirs.",
                ("carers", "equipment"),
                needs=("pd",),
                ages=((0, 25),),
                schedules=("termly",),
                access="booking",
            ),
        ),
        venues=("{place} Equipment Store",),
        contacts=("Children's OT duty line",),
        staff_titles=("Senior occupational therapist",),
        domain="{la}-council",
    ),
    ProviderKind(
        "libraries-leisure",
        ("{la} Libraries and Leisure (synthetic)",),
        (
            "The council's libraries and leisure centres, with relaxed and accessible sessions "
            "for disabled children, young people and their families.",
        ),
        (
            T(
                "Sensory story time: {venue}",
                "Stories told with props, textures, sounds and songs, for young children who "
                "enjoy a multi-sensory way in. Siblings welcome.",
                ("arts", "early-years"),
                some_needs=("pmld", "sld", "asd"),
                ages=((0, 7),),
                schedules=("weekly-morning", "saturday"),
                access="drop-in",
                per_venue=True,
                venue_like="Library",
            ),
            T(
                "Rhyme time with signing: {venue}",
                "Songs and rhymes for babies and toddlers, with Makaton signs that everyone "
                "learns together. Free, and no need to book.",
                ("early-years", "arts"),
                some_needs=("slcn", "hi"),
                ages=((0, 4),),
                schedules=("weekly-morning",),
                access="drop-in",
                per_venue=True,
                venue_like="Library",
            ),
            T(
                "Quiet hour at the library: {venue}",
                "An hour each week with lights lowered, no announcements and fewer visitors, for "
                "anyone who finds the library busy or noisy.",
                ("activities",),
                some_needs=("asd", "semh"),
                ages=((0, 25),),
                schedules=("after-school", "saturday"),
                access="drop-in",
                per_venue=True,
                venue_like="Library",
            ),
            T(
                "Relaxed swimming sessions",
                "Swimming with quieter music, warmer water and fewer people, for disabled "
                "children and young people and their families.",
                ("sport",),
                some_needs=("asd", "pd", "semh"),
                ages=((0, 25),),
                schedules=("sunday", "saturday"),
                free=0.0,
                costs=("leisure",),
                access="drop-in",
                venue_like="Leisure",
            ),
            T(
                "Accessible gym sessions for young people",
                "Supported gym sessions with an instructor trained in working with disabled "
                "young people, using accessible equipment.",
                ("sport",),
                some_needs=("pd", "mld", "sld"),
                ages=((11, 25),),
                schedules=("after-school", "evening"),
                free=0.0,
                costs=("leisure",),
                access="booking",
                venue_like="Leisure",
            ),
            T(
                "SEND collection and family information point",
                "Books, toys and information for families of children with SEND, including "
                "dyslexia-friendly books, social stories and sensory kits to borrow.",
                ("advice", "equipment"),
                some_needs=("spld", "asd"),
                ages=((0, 25),),
                schedules=("library",),
                access="drop-in",
                venue_like="Library",
            ),
        ),
        venues=("{place} Library", "{place} Library", "{place} Leisure Centre"),
        venue_count=(4, 5),
        contacts=("Library enquiries", "Leisure bookings"),
        staff_titles=("Library manager", "Inclusive activity officer"),
        domain="{la}-council",
    ),
    ProviderKind(
        "youth-service",
        ("{la} Youth Service (synthetic)",),
        (
            "The council's youth work team: youth centres, holiday activities and a voice for "
            "young people, including young people with SEND.",
        ),
        (
            T(
                "Inclusive youth club: {venue}",
                "An evening youth club with games, music, cooking and trips, with extra youth "
                "workers so young people with SEND can join in everything.",
                ("youth-clubs",),
                ages=((11, 19), (11, 25)),
                schedules=("evening",),
                access="drop-in",
                per_venue=True,
            ),
            T(
                "SEND youth voice group",
                "Young people with SEND meet to have their say on local services, from the "
                "Local Offer website to health appointments, and are paid in vouchers for "
                "their time.",
                ("youth-clubs", "adulthood"),
                needs=ALL_BROAD_NEEDS,
                ages=((11, 25),),
                schedules=("monthly-evening",),
                access="self",
            ),
            T(
                "Holiday activities for young people with SEND",
                "Free trips and activities in the school holidays, such as climbing, cooking, "
                "film-making and days at the coast, with support staff.",
                ("holiday-activities",),
                needs=ALL_BROAD_NEEDS,
                ages=((11, 18),),
                schedules=("holiday",),
                access="booking",
            ),
            T(
                "Youth information and advice drop-in",
                "Young people can drop in for advice on anything: college, money, relationships, "
                "health or staying safe.",
                ("advice",),
                ages=((13, 25),),
                schedules=("after-school",),
                access="drop-in",
            ),
        ),
        venues=("{place} Youth Centre",),
        venue_count=(3, 4),
        contacts=("Youth service",),
        staff_titles=("Senior youth worker", "Youth worker"),
        domain="{la}-council",
    ),
)

# --- Health ----------------------------------------------------------------------------------

NHS_VENUES = (
    "{place} Child Development Centre",
    "{place} Health Centre",
    "{place} Community Clinic",
)

HEALTH_KINDS = (
    ProviderKind(
        "community-health",
        ("{la} Community Health NHS Trust (synthetic)",),
        (
            "NHS community health services for babies, children and young people: therapies, "
            "nursing, paediatrics and assessment.",
        ),
        (
            T(
                "{la} Children's Speech and Language Therapy: early years",
                "Speech and language therapists assess young children who are slow to talk or "
                "understand, and show families and nurseries how to help every day.",
                ("speech-language-therapy", "early-years"),
                needs=("slcn", "communication-interaction"),
                ages=EARLY,
                delivery=("in-person", "in-setting", "at-home"),
                access="referral-any",
                referral=True,
            ),
            T(
                "{la} Children's Speech and Language Therapy: school age",
                "Therapists work with schools on pupils' talking, understanding and social "
                "communication, through training, programmes for staff and direct therapy.",
                ("speech-language-therapy",),
                needs=("slcn",),
                some_needs=("asd",),
                ages=((5, 16), (5, 19)),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="referral-any",
                referral=True,
            ),
            T(
                "Speech and language advice drop-in: {venue}",
                "Bring your child for a chat with a speech and language therapist if you are "
                "worried about their talking or understanding. No referral needed.",
                ("speech-language-therapy",),
                needs=("slcn",),
                ages=EARLY,
                schedules=("weekly-morning",),
                access="drop-in",
                per_venue=True,
            ),
            T(
                "Baby and child health clinic: {venue}",
                "Health visitors weigh babies and answer questions about feeding, sleep and "
                "development, and can arrange a development review if you are worried.",
                ("health", "early-years"),
                ages=((0, 5),),
                schedules=("weekly-morning",),
                access="drop-in",
                per_venue=True,
            ),
            T(
                "Eating, drinking and swallowing service",
                "Specialist speech and language therapists help children who have difficulty "
                "eating, drinking or swallowing safely.",
                ("speech-language-therapy",),
                needs=("pd",),
                some_needs=("pmld",),
                ages=((0, 19),),
                delivery=("in-person", "at-home", "in-setting"),
                access="referral-health",
                referral=True,
            ),
            T(
                "Communication aids (AAC) service",
                "Assessment for and support with communication aids, from symbol books to "
                "eye-gaze devices, for children who cannot rely on speech.",
                ("speech-language-therapy", "equipment"),
                needs=("slcn",),
                some_needs=("pd", "pmld", "asd"),
                ages=((2, 19),),
                delivery=("in-person", "in-setting"),
                access="referral-health",
                referral=True,
            ),
            T(
                "Stammering support",
                "Therapy and groups for children and young people who stammer, and advice for "
                "their families and teachers.",
                ("speech-language-therapy",),
                needs=("slcn",),
                ages=((3, 18),),
                access="referral-any",
                referral=True,
            ),
            T(
                "Children's occupational therapy",
                "Occupational therapists help children with everyday skills like dressing, "
                "eating, handwriting and play, including sensory and motor difficulties.",
                ("occupational-therapy",),
                needs=("pd",),
                some_needs=("spld", "asd"),
                ages=((0, 18),),
                delivery=("in-person", "in-setting"),
                access="referral-health",
                referral=True,
            ),
            T(
                "Children's physiotherapy",
                "Physiotherapists help babies, children and young people with movement, posture "
                "and physical development, at clinic, school and at home.",
                ("physiotherapy",),
                needs=("pd",),
                ages=((0, 18),),
                delivery=("in-person", "in-setting", "at-home"),
                access="referral-health",
                referral=True,
            ),
            T(
                "Community paediatrics",
                "Children's doctors who assess and care for children with developmental delay, "
                "disability and long-term conditions.",
                ("diagnosis", "health"),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 18),),
                access="referral-health",
                referral=True,
            ),
            T(
                "Autism assessment service",
                "A team assessment to find out whether a child or young person is autistic, "
                "with feedback and advice for the family and school.",
                ("diagnosis",),
                needs=("asd",),
                ages=((2, 18),),
                delivery=("in-person", "in-setting"),
                access="referral-health",
                referral=True,
            ),
            T(
                "ADHD assessment and medication reviews",
                "Assessment for attention deficit hyperactivity disorder, and reviews for "
                "children and young people taking ADHD medication.",
                ("diagnosis",),
                needs=("semh",),
                ages=((6, 18),),
                access="referral-health",
                referral=True,
            ),
            T(
                "Special school nursing",
                "Nurses based in special schools who care for pupils' health needs during the "
                "school day and train staff in procedures such as tube feeding.",
                ("health",),
                needs=("pmld", "sld", "pd"),
                ages=((2, 19),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
            ),
            T(
                "School nursing",
                "School nurses help with health needs in school, including care plans for "
                "children with medical conditions, continence and emotional health.",
                ("health",),
                some_needs=("oth", "semh"),
                ages=((5, 19),),
                delivery=("in-setting", "phone"),
                access="self",
            ),
            T(
                "Children's continence service",
                "Support with toilet training, bedwetting and continence products for children "
                "and young people, including those with learning disabilities.",
                ("health",),
                needs=("oth",),
                some_needs=("sld", "pd", "asd"),
                ages=((4, 19),),
                access="referral-any",
                referral=True,
            ),
            T(
                "Community children's nursing",
                "Nurses who care for children with complex health needs at home, so they can "
                "spend less time in hospital.",
                ("health",),
                needs=("pd", "oth"),
                ages=((0, 18),),
                delivery=("at-home",),
                access="referral-health",
                referral=True,
            ),
            T(
                "Children's audiology",
                "Hearing tests, hearing aid fitting and follow-up for babies, children and young "
                "people.",
                ("sensory-services", "diagnosis"),
                needs=("hi",),
                ages=((0, 18),),
                access="referral-health",
                referral=True,
            ),
            T(
                "Children's vision clinic",
                "Orthoptists and optometrists check the eyesight of children with SEND, including "
                "those who cannot use a letter chart.",
                ("sensory-services",),
                needs=("vi",),
                some_needs=("pmld", "sld"),
                ages=((0, 16),),
                access="referral-health",
                referral=True,
            ),
            T(
                "Wheelchair service for children and young people",
                "Assessment for and provision of manual and powered wheelchairs and seating, "
                "with repairs and reviews as your child grows.",
                ("equipment",),
                needs=("pd",),
                ages=((0, 25),),
                access="referral-health",
                referral=True,
            ),
            T(
                "Children's learning disability nursing",
                "Learning disability nurses help with sleep, behaviour, health checks and "
                "preparing for hospital visits.",
                ("health",),
                needs=("sld",),
                some_needs=("mld", "pmld"),
                ages=((4, 18),),
                delivery=("at-home", "in-setting"),
                access="referral-any",
                referral=True,
            ),
            T(
                "Health visiting",
                "Health visitors support families from pregnancy until children start school, "
                "including development reviews that can spot SEND early.",
                ("health", "early-years"),
                ages=((0, 5),),
                delivery=("at-home", "in-person", "phone"),
                access="self",
            ),
        ),
        venues=NHS_VENUES,
        venue_count=(4, 5),
        contacts=("Single point of access", "Appointments"),
        staff_titles=("Clinical lead", "Service manager", "Team leader"),
        domain="{la}-community-health",
    ),
    ProviderKind(
        "mental-health-trust",
        ("{la} and District Mental Health NHS Foundation Trust (synthetic)",),
        (
            "NHS mental health services for children, young people and families, including "
            "CAMHS and support in schools.",
        ),
        (
            T(
                "Child and adolescent mental health service (CAMHS)",
                "Assessment and treatment for children and young people with moderate to severe "
                "mental health difficulties, such as anxiety, depression, self-harm and trauma.",
                ("mental-health",),
                needs=("semh",),
                ages=((0, 18),),
                delivery=("in-person", "online"),
                access="referral-any",
                referral=True,
            ),
            T(
                "CAMHS crisis line",
                "Urgent mental health help for children and young people, and advice for "
                "worried parents, carers and professionals, day and night.",
                ("mental-health",),
                needs=("semh",),
                ages=((0, 18),),
                delivery=("phone",),
                schedules=("always",),
                access="crisis",
            ),
            T(
                "Mental health support teams in schools",
                "Teams working in schools and colleges with pupils with mild to moderate "
                "anxiety or low mood, and helping staff build a whole-school approach.",
                ("mental-health",),
                needs=("semh",),
                ages=((5, 18),),
                delivery=("in-setting",),
                schedules=("in-school",),
                access="school",
            ),
            T(
                "Learning disability CAMHS",
                "Mental health support for children and young people with a learning disability, "
                "including help with behaviour that challenges.",
                ("mental-health",),
                needs=("semh", "sld"),
                some_needs=("mld", "pmld"),
                ages=((4, 18),),
                delivery=("in-person", "at-home"),
                access="referral-health",
                referral=True,
            ),
            T(
                "Eating disorders service for young people",
                "Specialist assessment and family-based treatment for young people with eating "
                "disorders, including avoidant restrictive food intake disorder (ARFID).",
                ("mental-health",),
                needs=("semh",),
                ages=((8, 18),),
                access="referral-health",
                referral=True,
            ),
            T(
                "Young people's mental health service (16 to 25)",
                "A service for young people aged 16 to 25, bridging children's and adult mental "
                "health services so nobody falls through the gap at 18.",
                ("mental-health", "adulthood"),
                needs=("semh",),
                ages=((16, 25),),
                delivery=("in-person", "online"),
                access="referral-any",
                referral=True,
                venue_like="Young People",
            ),
            T(
                "Wellbeing workshops for parents and carers",
                "Free online workshops on supporting a child with anxiety, sleep problems or "
                "low mood, run by CAMHS practitioners.",
                ("mental-health", "parenting"),
                needs=("semh",),
                ages=((4, 18),),
                delivery=("online",),
                schedules=("evening",),
                access="booking",
            ),
        ),
        venues=("{place} House CAMHS", "{place} Young People's Centre"),
        venue_count=(2, 2),
        contacts=("CAMHS single point of access",),
        staff_titles=("Clinical lead", "Service manager"),
        domain="{la}-mental-health",
    ),
    ProviderKind(
        "icb",
        ("NHS {la} Integrated Care Board (synthetic)",),
        (
            "The NHS body that plans and pays for health services in the area, including "
            "continuing care and personal health budgets for children.",
        ),
        (
            T(
                "Children's continuing care",
                "Extra health care for children and young people with complex needs that "
                "universal and specialist services cannot meet alone.",
                ("health", "care-assessment"),
                needs=("pd", "pmld"),
                ages=((0, 18),),
                delivery=("at-home",),
                access="referral-health",
                referral=True,
            ),
            T(
                "Personal health budgets",
                "Money for health care and support agreed in a care plan, that families can "
                "manage to arrange care in a way that suits them.",
                ("health", "direct-payments"),
                ages=((0, 25),),
                delivery=("phone", "online"),
                access="referral-health",
                referral=True,
            ),
            T(
                "Designated clinical officer for SEND",
                "The designated clinical officer makes sure health services play their part in "
                "EHC needs assessments and plans, and can help when health advice is missing.",
                ("health", "advice"),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 25),),
                delivery=("phone", "online"),
                access="self",
            ),
        ),
        contacts=("SEND health team",),
        staff_titles=("Designated clinical officer",),
        domain="{la}-icb",
        account="icb",
    ),
)

# --- Information, advice and the parent carer forum ------------------------------------------

ADVICE_KINDS = (
    ProviderKind(
        "sendiass",
        ("{la} SEND Information, Advice and Support Service (synthetic)",),
        (
            "Free, impartial and confidential information, advice and support about SEND for "
            "children, young people and parents. We work at arm's length from the council.",
        ),
        (
            T(
                "SENDIASS helpline",
                "Call, email or message us for free, impartial advice about SEN support, "
                "EHC needs assessments, EHC plans, school admissions and exclusions.",
                ("advice",),
                needs=ALL_BROAD_NEEDS,
                ages=EVERYONE,
                delivery=("phone", "online"),
                schedules=("helpline",),
                access="helpline",
            ),
            T(
                "Help with EHC needs assessments and plans",
                "A caseworker helps you ask for an EHC needs assessment, gather evidence, "
                "check a draft plan and make sure it describes your child's needs.",
                ("advice",),
                needs=ALL_BROAD_NEEDS,
                ages=EVERYONE,
                delivery=("phone", "in-person", "online"),
                access="helpline",
            ),
            T(
                "Support at meetings and annual reviews",
                "A trained volunteer or caseworker can help you prepare for and come with you to "
                "school meetings, annual reviews and exclusion meetings.",
                ("advice",),
                needs=ALL_BROAD_NEEDS,
                ages=EVERYONE,
                delivery=("in-person", "in-setting", "online"),
                access="helpline",
            ),
            T(
                "Help with appeals, mediation and tribunals",
                "Advice on disagreements with the council or school: mediation, the SEND "
                "Tribunal, disability discrimination claims and complaints.",
                ("advice",),
                needs=ALL_BROAD_NEEDS,
                ages=EVERYONE,
                delivery=("phone", "online"),
                access="helpline",
            ),
            T(
                "Information and advice for young people (16 to 25)",
                "Young people can get advice in their own right about college, EHC plans, "
                "their rights and making decisions, by text, email or in person.",
                ("advice", "adulthood"),
                needs=ALL_BROAD_NEEDS,
                ages=((16, 25),),
                delivery=("online", "phone", "in-person"),
                access="helpline",
            ),
            T(
                "Workshops: understanding SEN support",
                "Free workshops for parents and carers on how SEN support works in schools, "
                "what a good support plan looks like and how to work with the SENCo.",
                ("advice", "parenting"),
                needs=ALL_BROAD_NEEDS,
                ages=((0, 19),),
                delivery=("in-person", "online"),
                schedules=("evening", "weekly-morning"),
                access="booking",
            ),
        ),
        venues=("{place} House",),
        contacts=("SENDIASS helpline",),
        staff_titles=("SENDIASS manager", "Information, advice and support officer"),
        domain="{la}-sendiass",
        account="sendiass",
        helpline=True,
    ),
    ProviderKind(
        "forum",
        ("{la} Parent Carer Forum (synthetic)",),
        (
            "An independent group of parents and carers of children and young people with SEND, "
            "working with the council and NHS to make services better.",
        ),
        (
            T(
                "Parent carer coffee morning: {venue}",
                "Meet other parents and carers of children with SEND for a cup of tea, a chat "
                "and the latest news about local services.",
                ("parent-groups",),
                ages=EVERYONE,
                schedules=("weekly-morning",),
                access="drop-in",
                per_venue=True,
            ),
            T(
                "Have your say: parent carer participation",
                "Join surveys, focus groups and working groups that shape SEND services: "
                "the forum takes parents' views to the council and NHS.",
                ("parent-groups",),
                ages=EVERYONE,
                delivery=("online", "in-person"),
                access="self",
            ),
            T(
                "Dads' and male carers' group",
                "A relaxed monthly get-together for dads, granddads and male carers of children "
                "with SEND.",
                ("parent-groups", "carers"),
                ages=EVERYONE,
                schedules=("monthly-evening",),
                access="drop-in",
            ),
            T(
                "Parent carer workshops",
                "Workshops run by parents, for parents, on topics they ask for: sleep, benefits, "
                "preparing for adulthood and looking after yourself.",
                ("parenting",),
                ages=EVERYONE,
                delivery=("in-person", "online"),
                schedules=("termly",),
                access="booking",
            ),
            T(
                "Forum newsletter and SEND information",
                "A monthly newsletter and online group with news, events and straightforward "
                "guides to local SEND services.",
                ("advice",),
                ages=EVERYONE,
                delivery=("online",),
                access="self",
            ),
        ),
        venues=("{place} Community Centre", "{place} Library Meeting Room"),
        venue_count=(2, 3),
        contacts=("Forum team",),
        staff_titles=("Forum co-ordinator", "Chair"),
        domain="{la}-parent-carer-forum",
        account="forum",
    ),
)

# --- Charities, clubs, nurseries, colleges -----------------------------------------------------
# These are made up: place names come from the demo's name pools ("Oakfield", "Rowanbrook").

AUTISM_TEMPLATES = (
    T(
        "Autism family support line",
        "A friendly phone and email line for families of autistic children, before or after "
        "diagnosis, run by parents and trained staff.",
        ("advice",),
        needs=("asd",),
        ages=EVERYONE,
        delivery=("phone",),
        schedules=("helpline-short",),
        access="helpline",
    ),
    T(
        "After diagnosis: course for parents and carers",
        "A course for parents and carers whose child has recently been diagnosed as autistic, "
        "covering communication, sensory needs, sleep and where to find help.",
        ("parenting",),
        needs=("asd",),
        ages=((2, 18),),
        delivery=("in-person", "online"),
        schedules=("weekly-morning", "evening"),
        free=0.7,
        costs=("course",),
        access="booking",
    ),
    T(
        "Autistic teens' social group",
        "A relaxed evening group where autistic teenagers play games, chat and plan trips, "
        "with a quiet room for anyone who needs a break.",
        ("youth-clubs",),
        needs=("asd",),
        ages=((12, 18),),
        schedules=("evening",),
        free=0.6,
        costs=("session",),
        access="booking",
    ),
    T(
        "Autism-friendly club for 8 to 12 year olds",
        "Games, crafts, Lego and outdoor play in a calm, predictable setting with visual "
        "timetables and staff who understand autism.",
        ("youth-clubs",),
        needs=("asd",),
        ages=((8, 12),),
        schedules=("after-school", "saturday"),
        free=0.6,
        costs=("session",),
        access="booking",
    ),
    T(
        "Parent support group",
        "A monthly group for parents and carers of autistic children and young people to share "
        "experiences and hear from visiting speakers.",
        ("parent-groups",),
        needs=("asd",),
        ages=EVERYONE,
        schedules=("monthly-evening", "weekly-morning"),
        access="drop-in",
    ),
    T(
        "Autistic young adults' social club",
        "A social club for autistic young adults aged 18 to 25: board games, cinema trips, "
        "walks and a space to meet people.",
        ("youth-clubs", "adulthood"),
        needs=("asd",),
        ages=((18, 25),),
        schedules=("evening",),
        free=0.7,
        costs=("session",),
        access="self",
    ),
    T(
        "Sensory-friendly family days out",
        "Trips to farms, beaches and attractions booked at quiet times, with other families "
        "who understand.",
        ("holiday-activities",),
        needs=("asd",),
        ages=((0, 18),),
        schedules=("holiday",),
        free=0.5,
        costs=("trip",),
        access="booking",
    ),
    T(
        "Siblings' group",
        "A group for brothers and sisters of autistic children to have fun, make friends and "
        "talk about family life.",
        ("siblings",),
        needs=("asd",),
        ages=((6, 14),),
        schedules=("saturday", "holiday"),
        access="booking",
    ),
    T(
        "Understanding sensory needs workshop",
        "A practical workshop on sensory differences: why everyday sounds, clothes or food can "
        "be hard, and simple changes that help at home.",
        ("parenting",),
        needs=("asd",),
        ages=((0, 18),),
        schedules=("weekly-morning", "evening"),
        free=0.7,
        costs=("workshop",),
        access="booking",
    ),
    T(
        "Help while you wait for an autism assessment",
        "Advice sessions for families waiting for an autism assessment: what to ask the school "
        "for now, and how to understand and support your child today.",
        ("family-support", "advice"),
        needs=("asd", "communication-interaction"),
        ages=((2, 18),),
        delivery=("online", "in-person"),
        schedules=("termly",),
        access="booking",
    ),
)

ADHD_TEMPLATES = (
    T(
        "ADHD parent support group",
        "A monthly evening group for parents and carers of children with ADHD, diagnosed or not, "
        "to share what works.",
        ("parent-groups",),
        needs=("semh",),
        ages=((4, 18),),
        schedules=("monthly-evening",),
        access="drop-in",
    ),
    T(
        "Understanding ADHD: workshop series",
        "Four workshops on ADHD: attention, impulsivity, emotions, routines and working with "
        "school.",
        ("parenting",),
        needs=("semh",),
        ages=((4, 18),),
        delivery=("online",),
        schedules=("evening",),
        free=0.6,
        costs=("course",),
        access="booking",
    ),
    T(
        "Neurodivergent teens' meet-up",
        "A weekly meet-up for neurodivergent teenagers to game, make things and hang out.",
        ("youth-clubs",),
        needs=("semh", "asd"),
        ages=((12, 18),),
        schedules=("evening",),
        free=0.7,
        costs=("session",),
        access="self",
    ),
    T(
        "ADHD advice line",
        "Advice by phone and email for families on ADHD, school support and assessment.",
        ("advice",),
        needs=("semh",),
        ages=((4, 25),),
        delivery=("phone", "online"),
        schedules=("helpline-short",),
        access="helpline",
    ),
    T(
        "Homework and organisation skills club",
        "After-school help with planning, homework and revision for young people who find "
        "organisation hard.",
        ("tuition",),
        needs=("semh",),
        some_needs=("spld",),
        ages=((9, 16),),
        schedules=("after-school",),
        free=0.7,
        costs=("session",),
        access="booking",
    ),
)

DEAF_TEMPLATES = (
    T(
        "Deaf youth club",
        "A youth club for deaf young people with deaf and signing youth workers: games, trips "
        "and a place to be yourself.",
        ("youth-clubs",),
        needs=("hi",),
        ages=((8, 18),),
        schedules=("evening",),
        access="self",
    ),
    T(
        "British Sign Language for families",
        "Beginners' and improvers' BSL classes for families of deaf children, taught by deaf "
        "tutors.",
        ("parenting", "sensory-services"),
        needs=("hi",),
        ages=((0, 18),),
        schedules=("evening",),
        free=0.7,
        costs=("course",),
        access="booking",
    ),
    T(
        "Family days for deaf children",
        "Monthly Saturday activities for deaf children and their families, with deaf role "
        "models and interpreters.",
        ("activities",),
        needs=("hi",),
        ages=((0, 12),),
        schedules=("monthly-saturday",),
        access="booking",
    ),
    T(
        "Advice for parents of deaf children",
        "Advice on hearing aids, cochlear implants, communication choices, education and "
        "benefits from staff who know deafness.",
        ("advice",),
        needs=("hi",),
        ages=((0, 25),),
        delivery=("phone", "online"),
        access="helpline",
    ),
    T(
        "Hearing technology loan scheme",
        "Borrow radio aids, alarm clocks, doorbells and other equipment to try at home before "
        "you buy.",
        ("equipment",),
        needs=("hi",),
        ages=((0, 25),),
        delivery=("in-person",),
        access="self",
    ),
)

VISION_TEMPLATES = (
    T(
        "Family support for children with vision impairment",
        "A family support worker helps families of blind and partially sighted children with "
        "advice, emotional support and connecting with other families.",
        ("family-support",),
        needs=("vi",),
        ages=((0, 18),),
        delivery=("at-home", "phone"),
        access="self",
    ),
    T(
        "Activities for young people with vision impairment",
        "Climbing, goalball, music and days out for blind and partially sighted young people.",
        ("activities", "sport"),
        needs=("vi",),
        some_needs=("msi",),
        ages=((8, 18),),
        schedules=("saturday",),
        free=0.6,
        costs=("session",),
        access="booking",
    ),
    T(
        "Braille and assistive technology sessions",
        "Learn braille, screen readers and magnification apps with a specialist tutor.",
        ("equipment", "tuition"),
        needs=("vi",),
        ages=((5, 25),),
        schedules=("after-school", "saturday"),
        access="booking",
    ),
    T(
        "Guided walks and outdoor activities",
        "Guided walks, tandem cycling and outdoor challenges with trained guides.",
        ("sport",),
        needs=("vi", "msi"),
        ages=((8, 25),),
        schedules=("sunday",),
        free=0.7,
        costs=("session",),
        access="booking",
    ),
)

LEARNING_DISABILITY_TEMPLATES = (
    T(
        "Early development group for babies and toddlers",
        "A weekly group for babies and toddlers with Down syndrome or developmental delay, "
        "with signing, songs and early learning activities.",
        ("early-years", "parent-groups"),
        needs=("slcn",),
        some_needs=("mld", "sld", "oth"),
        ages=((0, 4),),
        schedules=("weekly-morning",),
        access="booking",
    ),
    T(
        "Makaton for families",
        "Learn Makaton signs and symbols to use with your child at home, in a friendly group.",
        ("parenting",),
        needs=("slcn",),
        some_needs=("sld", "mld"),
        ages=((0, 18),),
        schedules=("weekly-morning", "evening"),
        free=0.7,
        costs=("course",),
        access="booking",
    ),
    T(
        "Social club for young people with learning disabilities",
        "A weekly evening club with music, games, cooking and outings, where young people "
        "choose what happens.",
        ("youth-clubs",),
        needs=("mld", "sld"),
        ages=((11, 25),),
        schedules=("evening",),
        free=0.6,
        costs=("session",),
        access="self",
    ),
    T(
        "Parent and carer support group",
        "A support group for parents and carers of children with learning disabilities, with "
        "speakers on topics families ask for.",
        ("parent-groups",),
        needs=("sld", "mld"),
        some_needs=("pmld",),
        ages=EVERYONE,
        schedules=("monthly-evening", "weekly-morning"),
        access="drop-in",
    ),
    T(
        "Reading and talking group",
        "Small-group sessions using visual and multi-sensory methods to build reading, speech "
        "and confidence.",
        ("tuition",),
        needs=("mld", "slcn"),
        some_needs=("sld",),
        ages=((4, 11),),
        schedules=("saturday",),
        free=0.6,
        costs=("term",),
        access="booking",
    ),
    T(
        "Friendships and relationships course",
        "A course for young adults with learning disabilities about friendships, dating, "
        "staying safe and being online.",
        ("independent-living",),
        needs=("mld", "sld"),
        ages=((16, 25),),
        schedules=("evening",),
        access="booking",
    ),
)

CARERS_TEMPLATES = (
    T(
        "Parent carer support and advice",
        "One-to-one support and advice for parents and carers of disabled children: benefits, "
        "your rights as a carer and time for you.",
        ("carers", "advice"),
        ages=EVERYONE,
        delivery=("phone", "in-person"),
        access="self",
    ),
    T(
        "Young carers' club",
        "A weekly club for young carers to take a break, have fun and meet others who help "
        "look after someone at home.",
        ("carers",),
        ages=((8, 18),),
        schedules=("after-school",),
        access="referral-any",
    ),
    T(
        "Young adult carers' group",
        "Support for young adult carers aged 16 to 25 with college, work, money and their own "
        "wellbeing.",
        ("carers", "adulthood"),
        ages=((16, 25),),
        schedules=("evening",),
        access="self",
    ),
    T(
        "Carers' emergency card",
        "A free card and plan so that someone can step in to care for your disabled child if "
        "you are suddenly unable to.",
        ("carers",),
        ages=EVERYONE,
        delivery=("phone", "online"),
        access="self",
    ),
    T(
        "Wellbeing sessions for parent carers",
        "Relaxation, mindfulness and pamper sessions for parent carers, with a creche for "
        "younger children.",
        ("carers",),
        ages=EVERYONE,
        schedules=("weekly-morning",),
        free=0.7,
        costs=("session",),
        access="booking",
    ),
    T(
        "Sibling days out",
        "Days out in the holidays for brothers and sisters of disabled children.",
        ("siblings", "holiday-activities"),
        ages=((6, 16),),
        schedules=("holiday",),
        access="booking",
    ),
    T(
        "Benefits advice for families of disabled children",
        "Help to claim Disability Living Allowance, Carer's Allowance and other support, and "
        "to ask for a review or appeal.",
        ("advice",),
        ages=EVERYONE,
        delivery=("phone", "in-person"),
        access="booking-phone",
    ),
)

INCLUSIVE_SPORT_TEMPLATES = (
    T(
        "Multi-sport club for disabled children: {venue}",
        "Try a different sport every few weeks, from athletics to tennis, with coaches who "
        "adapt every activity so everyone can join in.",
        ("sport",),
        ages=((5, 12),),
        schedules=("after-school", "saturday"),
        free=0.5,
        costs=("session",),
        access="self",
        per_venue=True,
    ),
    T(
        "Wheelchair basketball",
        "Wheelchair basketball for beginners and players who want to compete. Sports "
        "wheelchairs provided.",
        ("sport",),
        needs=("pd",),
        ages=((8, 25),),
        schedules=("evening", "saturday"),
        free=0.5,
        costs=("session",),
        access="self",
    ),
    T(
        "Boccia club",
        "Boccia, a precision ball sport, for players of all abilities including those who use "
        "a ramp or an assistant.",
        ("sport",),
        needs=("pd",),
        some_needs=("pmld",),
        ages=((8, 25),),
        schedules=("evening", "saturday"),
        free=0.5,
        costs=("session",),
        access="self",
    ),
    T(
        "Frame football",
        "Football for children and young people who use walking frames.",
        ("sport",),
        needs=("pd",),
        ages=((5, 16),),
        schedules=("saturday",),
        free=0.7,
        costs=("session",),
        access="self",
    ),
    T(
        "Inclusive dance",
        "Dance classes for disabled and non-disabled young people together, leading to an "
        "end-of-year show.",
        ("arts", "sport"),
        ages=((5, 18),),
        schedules=("after-school", "saturday"),
        free=0.4,
        costs=("term",),
        access="booking",
    ),
    T(
        "Adapted cycling",
        "Trikes, hand bikes, tandems and side-by-side bikes for all ages on a traffic-free track.",
        ("sport",),
        some_needs=("pd", "sld", "asd"),
        ages=((4, 25),),
        schedules=("saturday", "sunday"),
        free=0.4,
        costs=("session",),
        access="self",
    ),
    T(
        "Inclusive sports holiday camp",
        "Holiday sports camps where disabled and non-disabled children play together.",
        ("holiday-activities", "sport"),
        ages=((6, 16),),
        schedules=("holiday",),
        free=0.5,
        costs=("holiday",),
        access="booking",
    ),
    T(
        "Inclusive PE support for schools",
        "Coaches and training to help schools adapt PE lessons and after-school clubs for "
        "disabled pupils.",
        ("sport", "send-advisory"),
        ages=((5, 16),),
        delivery=("in-setting",),
        access="school",
    ),
    T(
        "Walking football for young adults",
        "Relaxed walking football for young adults, whatever their fitness.",
        ("sport",),
        ages=((16, 25),),
        schedules=("evening",),
        free=0.7,
        costs=("session",),
        access="self",
    ),
)

SWIMMING_TEMPLATES = (
    T(
        ("Learn to swim for disabled children", "Swimming lessons for children with SEND"),
        "Small-group and one-to-one swimming lessons with teachers trained to work with "
        "disabled children.",
        ("sport",),
        ages=((4, 16),),
        schedules=("saturday", "after-school"),
        free=0.1,
        costs=("lessons",),
        access="booking",
    ),
    T(
        "Disability swimming squad",
        "Training for disabled swimmers who want to compete in local and regional galas.",
        ("sport",),
        some_needs=("pd", "hi", "vi", "mld"),
        ages=((8, 25),),
        schedules=("evening", "sunday"),
        free=0.1,
        costs=("membership",),
        access="self",
    ),
    T(
        "Warm water pool sessions",
        "Sessions in a warm hydrotherapy pool for children and young people with physical "
        "disabilities or complex needs, with a carer in the water.",
        ("sport",),
        needs=("pd",),
        some_needs=("pmld",),
        ages=((0, 25),),
        schedules=("weekly-morning", "saturday"),
        free=0.4,
        costs=("session",),
        access="booking",
    ),
    T(
        "Relaxed family swim",
        "A quieter family swim with no lane ropes, no whistles and help getting in and out of "
        "the pool.",
        ("sport",),
        ages=((0, 18),),
        schedules=("sunday",),
        free=0.4,
        costs=("session",),
        access="drop-in",
    ),
)

FOOTBALL_TEMPLATES = (
    T(
        "Pan-disability football for juniors",
        "Weekly training and friendly matches for disabled children, whatever their ability.",
        ("sport",),
        ages=((6, 16),),
        schedules=("saturday", "after-school"),
        free=0.6,
        costs=("session",),
        access="self",
    ),
    T(
        "Ability football (16 plus)",
        "Football training and a league team for young adults with learning disabilities.",
        ("sport",),
        needs=("mld",),
        some_needs=("sld", "asd"),
        ages=((16, 25),),
        schedules=("evening",),
        free=0.6,
        costs=("session",),
        access="self",
    ),
    T(
        "Football skills for autistic children",
        "A small, calm football session with a predictable structure and visual cues.",
        ("sport",),
        needs=("asd",),
        ages=((5, 12),),
        schedules=("saturday",),
        free=0.6,
        costs=("session",),
        access="booking",
    ),
    T(
        "Powerchair football",
        "Football for powered wheelchair users, with adapted chairs available to try.",
        ("sport",),
        needs=("pd",),
        ages=((8, 25),),
        schedules=("sunday", "evening"),
        free=0.6,
        costs=("session",),
        access="self",
    ),
)

ARTS_TEMPLATES = (
    T(
        "Inclusive youth theatre",
        "Drama games, improvisation and a show each year, for young people of all abilities.",
        ("arts",),
        ages=((8, 18),),
        schedules=("after-school", "saturday"),
        free=0.5,
        costs=("term",),
        access="booking",
    ),
    T(
        "Relaxed theatre performances",
        "Performances with house lights up, sound lowered and a chill-out space, where "
        "moving around and making noise is fine.",
        ("arts",),
        some_needs=("asd", "sld"),
        ages=((0, 25),),
        schedules=("saturday",),
        free=0.0,
        costs=("ticket",),
        access="booking",
    ),
    T(
        "Music for all",
        "Music-making with adapted instruments and music technology, so everyone can play.",
        ("arts",),
        some_needs=("pmld", "sld", "pd"),
        ages=((5, 25),),
        schedules=("after-school", "saturday"),
        free=0.5,
        costs=("session",),
        access="booking",
    ),
    T(
        "Inclusive band",
        "A band for young musicians with and without disabilities, rehearsing weekly and "
        "playing local gigs.",
        ("arts",),
        ages=((11, 25),),
        schedules=("evening",),
        free=0.7,
        costs=("term",),
        access="self",
    ),
    T(
        "Art club",
        "Painting, clay, printing and collage in a calm studio with plenty of space.",
        ("arts",),
        ages=((5, 16),),
        schedules=("after-school", "saturday"),
        free=0.5,
        costs=("session",),
        access="booking",
    ),
    T(
        "Sensory art for babies and toddlers",
        "Messy, sensory art sessions for under-fives and their grown-ups.",
        ("arts", "early-years"),
        ages=((0, 4),),
        schedules=("weekly-morning",),
        free=0.5,
        costs=("session",),
        access="booking",
    ),
    T(
        "Photography and film for young adults",
        "Learn photography and film-making and show your work in an exhibition.",
        ("arts",),
        ages=((16, 25),),
        schedules=("evening",),
        free=0.7,
        costs=("term",),
        access="self",
    ),
    T(
        "Wheelchair dance",
        "Dance for wheelchair users and their friends, from street dance to ballroom.",
        ("arts", "sport"),
        needs=("pd",),
        ages=((8, 25),),
        schedules=("saturday", "evening"),
        free=0.5,
        costs=("session",),
        access="self",
    ),
)

YOUTH_TEMPLATES = (
    T(
        "Inclusive youth club (11 to 19): {venue}",
        "A youth club for all young people, with extra staff so disabled young people can "
        "join in everything.",
        ("youth-clubs",),
        ages=((11, 19),),
        schedules=("evening",),
        free=0.6,
        costs=("session",),
        access="drop-in",
        per_venue=True,
    ),
    T(
        "Junior club (8 to 12)",
        "An after-school club with games, crafts and outdoor play, and quiet space when needed.",
        ("youth-clubs",),
        ages=((8, 12),),
        schedules=("after-school",),
        free=0.6,
        costs=("session",),
        access="drop-in",
    ),
    T(
        "Friday social for young adults with learning disabilities",
        "A Friday night social with music, karaoke, snacks and friends.",
        ("youth-clubs", "adulthood"),
        needs=("mld", "sld"),
        ages=((16, 25),),
        schedules=("friday-evening",),
        free=0.6,
        costs=("session",),
        access="self",
    ),
    T(
        "Outdoor adventure group",
        "Camping, climbing, canoeing and expeditions, with the support young people need to "
        "take part.",
        ("activities",),
        ages=((11, 25),),
        schedules=("saturday", "holiday"),
        free=0.5,
        costs=("trip",),
        access="booking",
    ),
    T(
        "Gaming and tech club",
        "Gaming, coding and building computers with others who love tech.",
        ("youth-clubs",),
        some_needs=("asd", "semh"),
        ages=((11, 18),),
        schedules=("after-school", "evening"),
        free=0.7,
        costs=("session",),
        access="self",
    ),
    T(
        "Cooking and life skills club",
        "Young people plan, shop for and cook a meal together, learning skills for "
        "independent living.",
        ("independent-living", "youth-clubs"),
        some_needs=("mld", "sld"),
        ages=((14, 25),),
        schedules=("evening",),
        free=0.7,
        costs=("session",),
        access="booking",
    ),
)

PLAY_TEMPLATES = (
    T(
        "Inclusive adventure playground",
        "Open play on rope swings, zip wires and sand and water areas, with playworkers and a "
        "sensory room. Disabled children play free with a carer.",
        ("activities",),
        ages=((5, 16),),
        schedules=("after-school", "saturday"),
        access="drop-in",
    ),
    T(
        "Disabled children's play sessions",
        "Sessions just for disabled children and their brothers and sisters, with extra "
        "playworkers and the whole site to themselves.",
        ("activities", "short-breaks"),
        ages=((5, 18),),
        schedules=("saturday", "after-school"),
        free=0.6,
        costs=("session",),
        access="booking",
    ),
    T(
        "Holiday play scheme",
        "Full days of play in the school holidays with lunch provided and support for "
        "disabled children.",
        ("holiday-activities",),
        ages=((5, 16),),
        schedules=("holiday",),
        free=0.6,
        costs=("holiday",),
        access="booking",
    ),
    T(
        "Under-fives sensory play",
        "Sensory play for under-fives with water, sand, lights and sounds.",
        ("early-years", "activities"),
        ages=((0, 5),),
        schedules=("weekly-morning",),
        free=0.7,
        costs=("session",),
        access="drop-in",
    ),
    T(
        "Sibling play days",
        "Play days for brothers and sisters of disabled children, to have time of their own.",
        ("siblings",),
        ages=((5, 14),),
        schedules=("holiday",),
        access="booking",
    ),
)

HOLIDAY_TEMPLATES = (
    T(
        "Holiday activities and food programme (with SEND support)",
        "Free holiday activities and a healthy lunch for children on benefits-related free "
        "school meals, with places and support for children with SEND.",
        ("holiday-activities",),
        ages=((5, 16),),
        schedules=("holiday",),
        access="booking",
    ),
    T(
        "Specialist holiday club for disabled children",
        "A holiday club for disabled children with high support needs, with nurses and "
        "trained staff.",
        ("holiday-activities", "short-breaks"),
        needs=("sld", "pmld"),
        some_needs=("pd", "asd"),
        ages=((5, 18),),
        schedules=("holiday",),
        free=0.5,
        costs=("holiday",),
        access="booking",
    ),
    T(
        "Residential activity weekends",
        "Weekends away with activities, staying in accessible accommodation.",
        ("holiday-activities",),
        ages=((10, 18),),
        schedules=("residential",),
        free=0.4,
        costs=("residential",),
        access="booking",
    ),
    T(
        "Summer scheme for young adults",
        "A summer programme of trips, sport and arts for young adults with SEND.",
        ("holiday-activities", "adulthood"),
        ages=((16, 25),),
        schedules=("holiday",),
        free=0.5,
        costs=("holiday",),
        access="booking",
    ),
)

WELLBEING_TEMPLATES = (
    T(
        "Free counselling for young people",
        "Up to 12 free counselling sessions for young people, face to face or online.",
        ("mental-health",),
        needs=("semh",),
        ages=((11, 25),),
        delivery=("in-person", "online"),
        schedules=("appointments",),
        access="self",
    ),
    T(
        "Online chat and text support",
        "Talk to a trained worker by online chat or text in the evenings.",
        ("mental-health",),
        needs=("semh",),
        ages=((11, 25),),
        delivery=("online",),
        schedules=("evening-chat",),
        access="self",
    ),
    T(
        "Anxiety support group",
        "A small group for young people with anxiety to learn coping skills together.",
        ("mental-health",),
        needs=("semh",),
        ages=((12, 18),),
        schedules=("after-school",),
        access="referral-any",
    ),
    T(
        "Walk and talk",
        "Wellbeing walks in local parks, talking with a youth worker side by side.",
        ("mental-health", "sport"),
        needs=("semh",),
        ages=((14, 25),),
        schedules=("saturday",),
        access="self",
    ),
    T(
        "Play therapy for younger children",
        "Play therapy helps younger children make sense of difficult feelings and experiences.",
        ("mental-health",),
        needs=("semh",),
        ages=((4, 11),),
        schedules=("appointments",),
        free=0.6,
        costs=("therapy",),
        access="referral-any",
    ),
)

NURSERY_TEMPLATES = (
    T(
        "Funded early education places with SEND support",
        "Funded places for 2, 3 and 4 year olds, with a SENCo who plans support with you and "
        "staff trained in Makaton and sensory play.",
        ("early-years",),
        some_needs=("slcn", "asd", "pd"),
        ages=((2, 4),),
        schedules=("nursery", "pre-school"),
        free=0.0,
        costs=("childcare",),
        access="nursery",
    ),
    T(
        "Nursery places for babies and toddlers",
        "Full and part-time places for babies and toddlers, with a key person for every child.",
        ("early-years",),
        ages=((0, 4),),
        schedules=("nursery",),
        free=0.0,
        costs=("childcare",),
        access="nursery",
    ),
    T(
        "Holiday club",
        "A holiday club for school-age children, including children with SEND.",
        ("holiday-activities",),
        ages=((4, 11),),
        schedules=("holiday",),
        free=0.0,
        costs=("holiday",),
        access="booking",
    ),
    T(
        "Before and after-school club",
        "Breakfast and after-school care with collection from local primary schools.",
        ("activities",),
        ages=((4, 11),),
        schedules=("wraparound",),
        free=0.0,
        costs=("wraparound",),
        access="booking",
    ),
    T(
        "Stay and play",
        "A weekly stay and play session for local families, open to babies and children with SEND.",
        ("early-years", "parent-groups"),
        ages=((0, 4),),
        schedules=("weekly-morning",),
        free=0.7,
        costs=("session",),
        access="drop-in",
    ),
    T(
        "Forest school",
        "Outdoor learning in the woods: den building, mud kitchens and campfires, with "
        "support for children with SEND.",
        ("early-years", "activities"),
        ages=((2, 5),),
        schedules=("weekly-morning",),
        free=0.4,
        costs=("session",),
        access="booking",
    ),
)

CHILDMINDER_TEMPLATES = (
    T(
        "Childminders with SEND experience",
        "A network of registered childminders with experience of caring for children with "
        "SEND, in small home-based settings.",
        ("early-years",),
        ages=((0, 11),),
        delivery=("in-person",),
        schedules=("nursery",),
        free=0.0,
        costs=("childminding",),
        access="nursery",
    ),
    T(
        "Short break childminding",
        "Childminders who offer short breaks for disabled children, funded by the council for "
        "eligible families.",
        ("short-breaks", "early-years"),
        ages=((0, 11),),
        schedules=("nursery",),
        access="short-breaks",
    ),
    T(
        "Childminding network drop-in",
        "A weekly drop-in where childminders and the children they care for play together.",
        ("early-years", "parent-groups"),
        ages=((0, 4),),
        schedules=("weekly-morning",),
        access="drop-in",
    ),
)

COLLEGE_TEMPLATES = (
    T(
        "Foundation learning for students with SEND",
        "Courses in English, maths, work skills and independence for students with learning "
        "difficulties, at entry level and level 1.",
        ("education",),
        needs=("mld",),
        some_needs=("sld", "asd"),
        ages=((16, 25),),
        schedules=("college",),
        access="college",
    ),
    T(
        "Supported internships",
        "A year with a local employer, with a job coach and college tutor, aiming for paid work.",
        ("employment",),
        some_needs=("mld", "asd"),
        ages=((16, 24),),
        schedules=("college",),
        access="college",
    ),
    T(
        "Learning support and exam access arrangements",
        "Support in class, assistive technology and exam arrangements such as extra time for "
        "students with SEND on any course.",
        ("education",),
        needs=("spld",),
        some_needs=("asd", "hi", "vi"),
        ages=((16, 25),),
        delivery=("in-person",),
        schedules=("college",),
        access="college",
    ),
    T(
        "Transition days for Year 10 and 11",
        "Taster days for pupils with SEND to get to know the college before they apply.",
        ("education", "adulthood"),
        ages=((14, 16),),
        schedules=("termly",),
        access="school",
    ),
    T(
        "Independent living skills programme",
        "A programme for students with learning disabilities on cooking, money, travel and "
        "looking after themselves.",
        ("independent-living",),
        needs=("sld",),
        some_needs=("mld",),
        ages=((16, 25),),
        schedules=("college",),
        access="college",
    ),
    T(
        "Autism support base",
        "A quiet base with specialist staff for autistic students to use throughout the day.",
        ("education",),
        needs=("asd",),
        ages=((16, 25),),
        schedules=("college",),
        access="college",
    ),
    T(
        "Support for deaf students",
        "Communication support workers, note-takers and teachers of the deaf for deaf "
        "students on any course.",
        ("education", "sensory-services"),
        needs=("hi",),
        ages=((16, 25),),
        schedules=("college",),
        access="college",
    ),
    T(
        "Pre-employment course",
        "A course on CVs, interviews and work experience for young people with SEND who are "
        "ready to look for work.",
        ("employment",),
        ages=((16, 25),),
        schedules=("college",),
        access="college",
    ),
    T(
        "Travel training for new students",
        "Help new students learn their route to college by bus or train.",
        ("travel-training",),
        ages=((16, 25),),
        access="college",
    ),
)

SPECIALIST_COLLEGE_TEMPLATES = (
    T(
        "Specialist day placements",
        "A specialist college for students with complex learning disabilities, with therapy "
        "built into every day.",
        ("education", "adulthood"),
        needs=("sld", "pmld"),
        some_needs=("asd",),
        ages=((16, 25),),
        schedules=("college",),
        access="ehc-plan",
        referral=True,
    ),
    T(
        "Sensory and therapy-led curriculum",
        "A curriculum for students with profound and multiple learning difficulties or "
        "multi-sensory impairment, led by therapists and sensory specialists.",
        ("education", "health"),
        needs=("pmld", "msi"),
        ages=((16, 25),),
        schedules=("college",),
        access="ehc-plan",
        referral=True,
    ),
    T(
        "Residential independence programme",
        "Students live in college houses during the week, learning to run a home with the "
        "support they need.",
        ("independent-living",),
        needs=("sld",),
        some_needs=("asd", "mld"),
        ages=((18, 25),),
        schedules=("residential",),
        access="ehc-plan",
        referral=True,
    ),
    T(
        "Enterprise café",
        "Work experience in the college café and shop: serving customers, cooking and "
        "handling money.",
        ("employment",),
        some_needs=("mld", "sld"),
        ages=((16, 25),),
        schedules=("college",),
        access="college",
    ),
    T(
        "Taster days and assessments",
        "Visits and assessment days so students and families can see whether the college is "
        "right for them.",
        ("education",),
        ages=((14, 19),),
        schedules=("termly",),
        access="booking",
    ),
    T(
        "Post-19 day opportunities",
        "Day opportunities for young adults leaving education: volunteering, arts, sport and "
        "community activities.",
        ("adulthood",),
        some_needs=("sld", "pmld"),
        ages=((19, 25),),
        schedules=("school-day",),
        free=0.5,
        costs=("day-service",),
        access="social-care",
    ),
)

TRAINING_TEMPLATES = (
    T(
        "Study programme with SEND support",
        "A full-time study programme combining English, maths, work skills and work "
        "experience, with learning support.",
        ("education", "employment"),
        ages=((16, 19),),
        schedules=("college",),
        access="college",
    ),
    T(
        "Work preparation programme",
        "A short programme helping young people with SEND get ready for work or an apprenticeship.",
        ("employment",),
        ages=((16, 24),),
        schedules=("college",),
        access="college",
    ),
    T(
        "Apprenticeships with learning support",
        "Apprenticeships in business, care, catering and construction, with extra support for "
        "apprentices with SEND.",
        ("employment",),
        some_needs=("spld",),
        ages=((16, 25),),
        schedules=("college",),
        access="college",
    ),
    T(
        "English and maths with specialist support",
        "Functional skills English and maths in small groups with specialist tutors.",
        ("tuition",),
        needs=("spld",),
        some_needs=("mld",),
        ages=((16, 25),),
        schedules=("college",),
        access="college",
    ),
)

EMPLOYMENT_TEMPLATES = (
    T(
        "Job coaching for young disabled people",
        "A job coach helps young people find a job they want and learn it, then steps back as "
        "they settle in.",
        ("employment",),
        ages=((16, 25),),
        delivery=("in-person",),
        access="self",
    ),
    T(
        "Supported internships with local employers",
        "Internships with local employers for young people with EHC plans, with job coaches "
        "on site.",
        ("employment",),
        some_needs=("mld", "asd"),
        ages=((16, 24),),
        schedules=("college",),
        access="ehc-plan",
    ),
    T(
        "Work experience placements",
        "Supported work experience for pupils with SEND, matched to their interests.",
        ("employment",),
        ages=((14, 19),),
        delivery=("in-person",),
        access="school",
    ),
    T(
        "Volunteering with support",
        "Find a volunteering role with support to get started, building skills and confidence.",
        ("employment",),
        ages=((16, 25),),
        access="self",
    ),
    T(
        "Benefits and work advice",
        "Advice on how work affects benefits, Access to Work and reasonable adjustments.",
        ("advice", "employment"),
        ages=((16, 25),),
        delivery=("phone", "online"),
        access="booking-phone",
    ),
)

LIVING_TEMPLATES = (
    T(
        "Supported living information",
        "Information for young disabled adults and families about supported living and what "
        "to expect.",
        ("independent-living",),
        ages=((17, 25),),
        delivery=("phone", "in-person"),
        access="self",
    ),
    T(
        "Practice flat",
        "Stay in a practice flat for a few days to try living more independently, with staff "
        "on hand.",
        ("independent-living",),
        some_needs=("mld", "sld", "asd"),
        ages=((16, 25),),
        schedules=("residential",),
        access="referral-any",
    ),
    T(
        "Money management course",
        "A course on budgeting, bank accounts, bills and staying safe from scams.",
        ("independent-living",),
        ages=((16, 25),),
        schedules=("evening", "weekly-morning"),
        access="booking",
    ),
    T(
        "Tenancy support for young adults",
        "Support for young disabled adults moving into and keeping their first home.",
        ("independent-living",),
        ages=((18, 25),),
        delivery=("at-home",),
        access="referral-any",
    ),
)

THERAPY_TEMPLATES = (
    T(
        "Independent speech and language therapy",
        "Assessment and therapy from HCPC-registered speech and language therapists, at our "
        "clinic, at home or at school.",
        ("speech-language-therapy",),
        needs=("slcn",),
        some_needs=("asd",),
        ages=((0, 18),),
        delivery=("in-person", "at-home", "in-setting"),
        schedules=("appointments",),
        free=0.0,
        costs=("therapy",),
        access="private",
    ),
    T(
        "Independent occupational therapy and sensory integration",
        "Occupational therapy assessment and therapy, including sensory integration therapy.",
        ("occupational-therapy",),
        some_needs=("asd", "pd", "spld"),
        ages=((2, 18),),
        schedules=("appointments",),
        free=0.0,
        costs=("therapy",),
        access="private",
    ),
    T(
        "Independent children's physiotherapy",
        "Physiotherapy for babies, children and young people at our clinic or at home.",
        ("physiotherapy",),
        needs=("pd",),
        ages=((0, 18),),
        delivery=("in-person", "at-home"),
        schedules=("appointments",),
        free=0.0,
        costs=("therapy",),
        access="private",
    ),
    T(
        "Independent assessments and reports",
        "Independent therapy assessments and reports, including for EHC needs assessments and "
        "tribunals.",
        ("speech-language-therapy", "occupational-therapy"),
        ages=((2, 25),),
        schedules=("appointments",),
        free=0.0,
        costs=("report",),
        access="private",
    ),
    T(
        "Social communication groups",
        "Small groups where children practise conversation, turn-taking and friendship skills.",
        ("speech-language-therapy",),
        needs=("communication-interaction",),
        some_needs=("asd", "slcn"),
        ages=((6, 14),),
        schedules=("after-school", "saturday"),
        free=0.0,
        costs=("term",),
        access="private",
    ),
    T(
        "Handwriting and motor skills group",
        "A group for children who find handwriting, scissors and ball skills hard.",
        ("occupational-therapy",),
        some_needs=("spld", "pd"),
        ages=((5, 11),),
        schedules=("after-school", "holiday"),
        free=0.0,
        costs=("term",),
        access="private",
    ),
)

TUITION_TEMPLATES = (
    T(
        "Specialist dyslexia tuition",
        "One-to-one lessons with specialist teachers using structured, multi-sensory methods.",
        ("tuition",),
        needs=("spld",),
        ages=((6, 18),),
        schedules=("after-school", "saturday"),
        free=0.0,
        costs=("tuition",),
        access="private",
    ),
    T(
        "Dyslexia and dyscalculia assessments",
        "Full diagnostic assessments by a specialist assessor, with a written report and "
        "recommendations.",
        ("tuition", "diagnosis"),
        needs=("spld",),
        ages=((6, 25),),
        schedules=("appointments",),
        free=0.0,
        costs=("assessment",),
        access="private",
    ),
    T(
        "Maths confidence group",
        "Small-group maths for children who find numbers hard, including dyscalculia.",
        ("tuition",),
        needs=("spld",),
        some_needs=("mld",),
        ages=((8, 14),),
        schedules=("after-school",),
        free=0.0,
        costs=("term",),
        access="booking",
    ),
    T(
        "Touch-typing course",
        "A course to learn touch-typing, useful for pupils with dyslexia or handwriting "
        "difficulties.",
        ("tuition",),
        needs=("spld",),
        some_needs=("pd",),
        ages=((7, 18),),
        schedules=("holiday", "saturday"),
        free=0.0,
        costs=("course",),
        access="booking",
    ),
    T(
        "Homework club with SEND support",
        "A free homework club with volunteers trained to support pupils with SEND.",
        ("tuition",),
        ages=((7, 14),),
        schedules=("after-school",),
        access="drop-in",
    ),
)

EQUIPMENT_TEMPLATES = (
    T(
        "Sensory toy and equipment library",
        "Borrow sensory toys, switch-adapted toys and equipment to try at home.",
        ("equipment",),
        some_needs=("pmld", "sld", "asd", "vi"),
        ages=((0, 11),),
        schedules=("weekly-morning", "saturday"),
        free=0.4,
        costs=("membership",),
        access="self",
    ),
    T(
        "Specialist equipment exchange",
        "Families pass on outgrown specialist equipment, checked and cleaned, free to other "
        "families.",
        ("equipment",),
        needs=("pd",),
        ages=((0, 25),),
        delivery=("online", "in-person"),
        access="self",
    ),
    T(
        "Family grants",
        "Small grants for families of disabled children towards equipment, activities or "
        "a family break.",
        ("equipment", "family-support"),
        ages=((0, 18),),
        delivery=("online",),
        access="apply-online",
    ),
    T(
        "Adapted bikes and trikes loans",
        "Borrow an adapted bike or trike for up to three months to see if it suits your child.",
        ("equipment", "sport"),
        needs=("pd",),
        ages=((3, 18),),
        schedules=("saturday",),
        free=0.5,
        costs=("loan",),
        access="self",
    ),
)

COMMUNITY_TEMPLATES = (
    T(
        "SEND parents' drop-in",
        "A weekly drop-in for parents and carers of children with SEND: tea, a chat and "
        "someone who can point you to help.",
        ("parent-groups",),
        ages=EVERYONE,
        schedules=("weekly-morning",),
        access="drop-in",
    ),
    T(
        "Relaxed family cinema",
        "Films shown with the lights up, the sound down and freedom to move about.",
        ("activities",),
        some_needs=("asd", "sld"),
        ages=((0, 18),),
        schedules=("monthly-saturday",),
        free=0.5,
        costs=("ticket",),
        access="drop-in",
    ),
    T(
        "Family support and food pantry",
        "Family support workers, a food pantry and help with energy bills for local families, "
        "including families of disabled children.",
        ("family-support",),
        ages=CHILDHOOD,
        schedules=("weekly-morning",),
        free=0.6,
        costs=("pantry",),
        access="drop-in",
    ),
    T(
        "Messy play and music for families",
        "A weekly family session with messy play, music and songs, open to everyone.",
        ("early-years", "arts"),
        ages=((0, 5),),
        schedules=("weekly-morning",),
        free=0.7,
        costs=("session",),
        access="drop-in",
    ),
    T(
        "Home education families' group",
        "A meet-up for home-educating families, including families of children with SEND, "
        "with shared lessons and trips.",
        ("education-other-than-school", "parent-groups"),
        ages=((5, 16),),
        schedules=("weekly-morning",),
        access="drop-in",
    ),
)

ALTERNATIVE_PROVISION_TEMPLATES = (
    T(
        "Alternative provision for pupils out of school",
        "Small-group education for pupils who are not able to attend school, with a plan to "
        "return or move on.",
        ("education-other-than-school",),
        needs=("semh",),
        ages=((11, 16),),
        schedules=("school-day",),
        access="school",
        referral=True,
    ),
    T(
        "Vocational programme for Key Stage 4",
        "Practical courses in construction, motor vehicles, hair and beauty, with English and "
        "maths, for pupils aged 14 to 16.",
        ("education-other-than-school", "employment"),
        some_needs=("semh", "mld"),
        ages=((14, 16),),
        schedules=("school-day",),
        access="school",
        referral=True,
    ),
    T(
        "Outdoor learning placements",
        "Part-time outdoor learning with farm work, bushcraft and conservation for pupils who "
        "struggle in the classroom.",
        ("education-other-than-school",),
        needs=("semh",),
        ages=((8, 16),),
        schedules=("school-day",),
        access="school",
        referral=True,
    ),
    T(
        "Tuition for pupils awaiting a school place",
        "Online and face-to-face tuition for pupils without a school place.",
        ("education-other-than-school", "tuition"),
        ages=((5, 16),),
        delivery=("online", "in-person"),
        schedules=("school-day",),
        access="school",
        referral=True,
    ),
)


def sport_club(key, names, templates, **options) -> ProviderKind:
    return ProviderKind(
        key,
        names,
        (
            "A volunteer-run club welcoming disabled children and young people, with coaches "
            "who hold disability inclusion qualifications.",
            "A community sports club with inclusive sessions and a welfare officer families can "
            "talk to first.",
        ),
        templates,
        venues=options.pop("venues", ("{place} Sports Centre", "{place} Park Pavilion")),
        contacts=("Club secretary", "Bookings"),
        staff_titles=("Head coach", "Club welfare officer"),
        **options,
    )


SINGLE_SPORT = (
    sport_club(
        "trampoline",
        ("{place} Trampoline Club",),
        (
            T(
                "Inclusive trampolining",
                "Trampolining for disabled children and young people, including rebound therapy "
                "for children with complex needs.",
                ("sport",),
                some_needs=("pmld", "pd", "asd"),
                ages=((4, 25),),
                schedules=("after-school", "saturday"),
                free=0.1,
                costs=("session",),
                access="booking",
            ),
            T(
                "Rebound therapy sessions",
                "Therapeutic trampolining for children with profound and multiple learning "
                "difficulties, with trained staff and hoist access.",
                ("sport", "physiotherapy"),
                needs=("pmld", "pd"),
                ages=((2, 25),),
                schedules=("weekly-morning",),
                free=0.1,
                costs=("session",),
                access="booking",
            ),
        ),
    ),
    sport_club(
        "gymnastics",
        ("{place} Gymnastics Club",),
        (
            T(
                "Disability gymnastics",
                "Gymnastics sessions adapted for disabled children, from tumbling to competitions.",
                ("sport",),
                ages=((5, 16),),
                schedules=("after-school", "saturday"),
                free=0.1,
                costs=("term",),
                access="booking",
            ),
            T(
                "Parent and toddler gym",
                "Soft play and early movement for toddlers and their parents; children with "
                "SEND welcome.",
                ("sport", "early-years"),
                ages=((1, 4),),
                schedules=("weekly-morning",),
                free=0.1,
                costs=("session",),
                access="drop-in",
            ),
        ),
    ),
    sport_club(
        "riding",
        ("{place} Riding for Disabled Children",),
        (
            T(
                "Therapeutic horse riding",
                "Riding and carriage driving for disabled children with trained volunteers, "
                "helping balance, core strength and confidence.",
                ("sport",),
                some_needs=("pd", "asd", "sld"),
                ages=((4, 18),),
                schedules=("weekly-morning", "saturday"),
                free=0.4,
                costs=("session",),
                access="booking",
            ),
            T(
                "Stable skills for young adults",
                "Learn to look after horses: grooming, feeding and yard work, with "
                "accredited awards.",
                ("sport", "employment"),
                ages=((16, 25),),
                schedules=("weekly-morning",),
                free=0.5,
                costs=("session",),
                access="booking",
            ),
        ),
        venues=("{place} Riding Centre",),
    ),
    sport_club(
        "climbing",
        ("{place} Climbing Wall",),
        (
            T(
                "Adaptive climbing",
                "Climbing sessions with adapted harnesses and specialist instructors for "
                "disabled climbers.",
                ("sport",),
                some_needs=("pd", "vi", "asd"),
                ages=((7, 25),),
                schedules=("after-school", "sunday"),
                free=0.0,
                costs=("session",),
                access="booking",
            ),
            T(
                "Quiet climbing sessions",
                "Climbing at quiet times with fewer people and no music.",
                ("sport",),
                some_needs=("asd", "semh"),
                ages=((5, 18),),
                schedules=("sunday",),
                free=0.0,
                costs=("session",),
                access="booking",
            ),
        ),
        venues=("{place} Climbing Centre",),
    ),
    sport_club(
        "judo",
        ("{place} Judo Club",),
        (
            T(
                "Inclusive judo",
                "Judo for disabled and non-disabled children, including visually impaired judo.",
                ("sport",),
                some_needs=("vi", "mld", "asd"),
                ages=((5, 18),),
                schedules=("after-school",),
                free=0.0,
                costs=("session",),
                access="self",
            ),
        ),
    ),
    sport_club(
        "tennis",
        ("{place} Tennis Club",),
        (
            T(
                "Wheelchair and inclusive tennis",
                "Coaching for wheelchair users and players with learning disabilities, with "
                "chairs and rackets to borrow.",
                ("sport",),
                some_needs=("pd", "mld"),
                ages=((7, 25),),
                schedules=("saturday", "evening"),
                free=0.4,
                costs=("session",),
                access="self",
            ),
            T(
                "Family tennis",
                "Fun tennis for families with disabled children, on short courts with soft balls.",
                ("sport",),
                ages=((4, 16),),
                schedules=("sunday",),
                free=0.4,
                costs=("session",),
                access="self",
            ),
        ),
    ),
    sport_club(
        "watersports",
        ("{place} Watersports Centre",),
        (
            T(
                "Accessible sailing and canoeing",
                "Sailing and canoeing in accessible boats, with hoists and trained instructors.",
                ("sport",),
                ages=((8, 25),),
                schedules=("saturday", "sunday"),
                free=0.4,
                costs=("session",),
                access="booking",
            ),
            T(
                "Watersports holiday days",
                "Holiday days of paddleboarding, canoeing and games for disabled children.",
                ("holiday-activities", "sport"),
                ages=((8, 16),),
                schedules=("holiday",),
                free=0.4,
                costs=("holiday",),
                access="booking",
            ),
        ),
        venues=("{place} Lake Centre",),
    ),
    sport_club(
        "cricket",
        ("{place} Cricket Club",),
        (
            T(
                "Table cricket and inclusive cricket",
                "Indoor table cricket and outdoor softball cricket for disabled young people.",
                ("sport",),
                some_needs=("pd", "mld", "sld"),
                ages=((8, 25),),
                schedules=("after-school", "sunday"),
                free=0.7,
                costs=("session",),
                access="self",
            ),
        ),
    ),
)

CHARITY_VENUES = (
    "{place} Community Centre",
    "{place} Resource Centre",
    "{place} Methodist Church Hall",
    "{place} Village Hall",
)

GENERATED_KINDS = (
    ProviderKind(
        "autism-charity",
        (
            "{place} Autism Family Support",
            "{place} Autistic Families Network",
            "The {place} Autism Hub",
        ),
        (
            "A local charity run by and for families of autistic children and young people.",
            "A parent-led charity supporting autistic children, young people and their families.",
        ),
        AUTISM_TEMPLATES,
        count=4,
        services=(7, 10),
        venues=CHARITY_VENUES,
        venue_count=(1, 2),
        contacts=("Family support team", "Bookings"),
        staff_titles=("Family support worker", "Project manager", "Youth worker"),
    ),
    ProviderKind(
        "adhd-support",
        ("{place} ADHD Parent Support", "{place} Neurodiversity Network"),
        ("A small charity for families of children and young people with ADHD.",),
        ADHD_TEMPLATES,
        count=2,
        services=(3, 5),
        venues=CHARITY_VENUES,
        contacts=("Support team",),
        staff_titles=("Co-ordinator",),
    ),
    ProviderKind(
        "deaf-children",
        ("{place} Deaf Children's Society", "{place} Deaf Youth Project"),
        ("A local charity for deaf children, young people and their families.",),
        DEAF_TEMPLATES,
        count=2,
        services=(4, 5),
        venues=("{place} Deaf Centre",),
        contacts=("Enquiries",),
        staff_titles=("Family officer", "Youth worker"),
    ),
    ProviderKind(
        "vision-charity",
        ("{place} Sight Support",),
        ("A charity supporting blind and partially sighted children and young people.",),
        VISION_TEMPLATES,
        count=1,
        services=(3, 4),
        venues=("{place} Sight Centre",),
        contacts=("Enquiries",),
        staff_titles=("Children and families officer",),
    ),
    ProviderKind(
        "learning-disability",
        ("{place} Down Syndrome Support Group", "{place} Families Together"),
        (
            "A support group run by parents of children and young people with Down syndrome "
            "and other learning disabilities.",
        ),
        LEARNING_DISABILITY_TEMPLATES,
        count=2,
        services=(4, 6),
        venues=CHARITY_VENUES,
        contacts=("Group contact",),
        staff_titles=("Group co-ordinator", "Chair"),
    ),
    ProviderKind(
        "carers",
        ("{place} Carers' Centre", "{place} Carers Network"),
        (
            "A charity supporting unpaid carers of all ages, including parent carers and young "
            "carers.",
        ),
        CARERS_TEMPLATES,
        count=2,
        services=(5, 7),
        venues=("{place} Carers' Centre",),
        contacts=("Carers' advice line",),
        staff_titles=("Carers' support worker", "Young carers' worker"),
        helpline=True,
    ),
    ProviderKind(
        "inclusive-sport",
        ("{place} Inclusive Sports Trust", "{place} Disability Sport", "{place} Active Together"),
        ("A sports charity making sport and physical activity possible for every disabled child.",),
        INCLUSIVE_SPORT_TEMPLATES,
        count=3,
        services=(5, 8),
        venues=("{place} Sports Centre", "{place} Leisure Centre", "{place} Academy Sports Hall"),
        venue_count=(1, 2),
        contacts=("Sport development team",),
        staff_titles=("Inclusion officer", "Head coach"),
    ),
    ProviderKind(
        "swimming",
        (
            "{place} Swimming Club",
            "{place} Dolphins Swimming Club",
            "{place} Otters Disability Swimming Club",
        ),
        ("A swimming club with disability sections and qualified swimming teachers.",),
        SWIMMING_TEMPLATES,
        count=5,
        services=(2, 4),
        venues=("{place} Pool", "{place} Leisure Centre"),
        contacts=("Club secretary",),
        staff_titles=("Head coach", "Club welfare officer"),
    ),
    ProviderKind(
        "football",
        (
            "{place} Pan-Disability Football Club",
            "{place} Rovers Ability Football",
            "{place} United Inclusive Football",
        ),
        ("A community football club with teams for disabled players of all ages.",),
        FOOTBALL_TEMPLATES,
        count=5,
        services=(2, 4),
        venues=("{place} Playing Fields", "{place} Sports Hub"),
        contacts=("Club secretary",),
        staff_titles=("Head coach", "Club welfare officer"),
    ),
    *SINGLE_SPORT,
    ProviderKind(
        "arts",
        (
            "{place} Inclusive Theatre Company",
            "{place} Music Makers",
            "{place} Community Arts",
            "{place} Dance and Drama",
        ),
        ("A community arts organisation where disabled and non-disabled people create together.",),
        ARTS_TEMPLATES,
        count=8,
        services=(3, 5),
        venues=("{place} Arts Centre", "{place} Studios", "{place} Theatre"),
        contacts=("Participation team",),
        staff_titles=("Artistic director", "Participation officer"),
    ),
    ProviderKind(
        "youth",
        (
            "{place} Inclusive Youth Club",
            "{place} Youth Project",
            "{place} Adventure Group",
            "{place} Friday Club",
        ),
        ("A youth charity running inclusive clubs and activities for young people.",),
        YOUTH_TEMPLATES,
        count=7,
        services=(3, 5),
        venues=("{place} Youth Centre", "{place} Community Centre"),
        venue_count=(1, 2),
        contacts=("Youth team",),
        staff_titles=("Senior youth worker", "Youth worker"),
    ),
    ProviderKind(
        "play",
        ("{place} Adventure Playground", "{place} Play Association", "{place} Inclusive Play"),
        ("A play charity with an inclusive adventure playground and playworkers.",),
        PLAY_TEMPLATES,
        count=5,
        services=(3, 5),
        venues=("{place} Adventure Playground",),
        contacts=("Playground office",),
        staff_titles=("Senior playworker", "Play manager"),
    ),
    ProviderKind(
        "holiday",
        ("{place} Holiday Club", "{place} Summer Scheme", "{place} Camps"),
        ("Holiday activities for children and young people, with support for those with SEND.",),
        HOLIDAY_TEMPLATES,
        count=5,
        services=(3, 4),
        venues=("{place} Primary School", "{place} Activity Centre"),
        contacts=("Bookings",),
        staff_titles=("Scheme manager",),
    ),
    ProviderKind(
        "wellbeing",
        ("{place} Youth Wellbeing Project", "{place} Talking Space"),
        ("A young people's mental health charity offering free counselling and support.",),
        WELLBEING_TEMPLATES,
        count=2,
        services=(4, 5),
        venues=("{place} Wellbeing Centre",),
        contacts=("Referrals",),
        staff_titles=("Counselling manager", "Youth worker"),
    ),
    ProviderKind(
        "nursery",
        (
            "{place} Day Nursery",
            "{place} Pre-School",
            "{place} Children's Nursery",
            "{place} Nursery and Forest School",
        ),
        (
            "An Ofsted-registered nursery welcoming children with SEND, with an experienced SENCo.",
            "A friendly early years setting where every child has a key person and children "
            "with SEND are fully included.",
        ),
        NURSERY_TEMPLATES,
        count=15,
        services=(3, 4),
        venues=("{name}",),
        contacts=("Nursery office",),
        staff_titles=("Nursery manager", "SENCo"),
    ),
    ProviderKind(
        "childminders",
        ("{place} Childminding Network",),
        ("A network of registered childminders, several with SEND training.",),
        CHILDMINDER_TEMPLATES,
        count=1,
        services=(3, 3),
        venues=("{place} Children's Centre",),
        contacts=("Network co-ordinator",),
        staff_titles=("Network co-ordinator",),
    ),
    ProviderKind(
        "college",
        ("{place} College", "{place} College of Further Education"),
        ("A further education college with a large learning support team.",),
        COLLEGE_TEMPLATES,
        count=2,
        services=(7, 9),
        venues=("{place} Campus",),
        venue_count=(1, 2),
        contacts=("Learning support team", "Admissions"),
        staff_titles=("Head of learning support", "Transition co-ordinator"),
    ),
    ProviderKind(
        "specialist-college",
        ("{place} Specialist College", "{place} College of Life Skills"),
        ("An independent specialist college for young people with learning disabilities.",),
        SPECIALIST_COLLEGE_TEMPLATES,
        count=2,
        services=(5, 6),
        venues=("{name}",),
        contacts=("Admissions",),
        staff_titles=("Principal", "Admissions officer"),
    ),
    ProviderKind(
        "training",
        ("{place} Training", "{place} Skills Centre", "{place} Pathways"),
        ("A training provider offering study programmes and apprenticeships.",),
        TRAINING_TEMPLATES,
        count=3,
        services=(3, 4),
        venues=("{name}",),
        contacts=("Admissions",),
        staff_titles=("Centre manager",),
    ),
    ProviderKind(
        "employment",
        ("{place} Works", "{place} Employment Partnership"),
        ("A supported employment charity for young disabled people.",),
        EMPLOYMENT_TEMPLATES,
        count=2,
        services=(4, 5),
        venues=("{place} Business Centre",),
        contacts=("Employment team",),
        staff_titles=("Job coach", "Employment adviser"),
    ),
    ProviderKind(
        "independent-living",
        ("{place} Independent Living Project", "{place} Housing Support"),
        ("A charity helping young disabled adults live as independently as they want to.",),
        LIVING_TEMPLATES,
        count=2,
        services=(3, 4),
        venues=("{place} House",),
        contacts=("Enquiries",),
        staff_titles=("Support manager",),
    ),
    ProviderKind(
        "therapy-practice",
        (
            "{place} Children's Therapy Practice",
            "{place} Child Development Clinic",
            "{place} Therapy Partnership",
        ),
        ("An independent practice of HCPC-registered children's therapists.",),
        THERAPY_TEMPLATES,
        count=4,
        services=(3, 5),
        venues=("{place} Clinic",),
        contacts=("Practice office",),
        staff_titles=("Clinical director", "Practice manager"),
    ),
    ProviderKind(
        "tuition",
        ("{place} Dyslexia Centre", "{place} Learning Support Tutors", "{place} Tuition Centre"),
        ("Specialist teachers and assessors for children with specific learning difficulties.",),
        TUITION_TEMPLATES,
        count=3,
        services=(3, 5),
        venues=("{place} Learning Centre",),
        contacts=("Centre office",),
        staff_titles=("Director", "Specialist teacher"),
    ),
    ProviderKind(
        "equipment",
        ("{place} Toy Library", "{place} Equipment Exchange"),
        ("A volunteer-run charity lending toys and equipment to families of disabled children.",),
        EQUIPMENT_TEMPLATES,
        count=2,
        services=(3, 4),
        venues=("{place} Resource Centre",),
        contacts=("Volunteers",),
        staff_titles=("Co-ordinator",),
    ),
    ProviderKind(
        "community",
        (
            "{place} Community Association",
            "{place} Family Centre",
            "{place} Church Family Project",
        ),
        ("A community organisation supporting local families, including families with SEND.",),
        COMMUNITY_TEMPLATES,
        count=6,
        services=(3, 5),
        venues=("{place} Community Centre", "{place} Church Hall"),
        contacts=("Centre office",),
        staff_titles=("Centre manager", "Family worker"),
    ),
    ProviderKind(
        "alternative-provision",
        ("{place} Alternative Learning Centre", "{place} Outdoor Education Project"),
        ("Alternative provision for children and young people who are not in school.",),
        ALTERNATIVE_PROVISION_TEMPLATES,
        count=2,
        services=(3, 4),
        venues=("{place} Learning Centre", "{place} Farm"),
        contacts=("Referrals",),
        staff_titles=("Head of centre",),
    ),
)

# The provider whose directory editor signs in as directory_editor2: the first autism charity.
ACCOUNT_KIND = "autism-charity"

KINDS = (*LA_KINDS, *HEALTH_KINDS, *ADVICE_KINDS, *GENERATED_KINDS)
