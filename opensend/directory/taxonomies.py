"""The SEND taxonomies a new directory starts with. Directory editors manage them afterwards.

Ids are UUID version 5 of the vocabulary and term code, so every OpenSEND directory publishes
the same ids for the same starting terms and neighbouring feeds can be merged. Needs follow the
SEN2 primary need types (the term code is the SEN2 code, lower case) under the SEND Code of
Practice's four broad areas of need (paragraph 6.28).
"""

import uuid
from dataclasses import dataclass, field

NAMESPACE = uuid.UUID("8f3c1c55-5d0e-4d43-9b7c-6a9a4f1f0c2e")


def taxonomy_id(vocabulary: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"taxonomy:{vocabulary}")


def term_id(vocabulary: str, code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"term:{vocabulary}:{code}")


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    description: str
    children: tuple["Term", ...] = ()
    ages: tuple[int, int] | None = None


@dataclass(frozen=True)
class Vocabulary:
    key: str
    name: str
    description: str
    terms: tuple[Term, ...] = field(default=())


def _t(code: str, name: str, description: str, *children: Term, ages=None) -> Term:
    return Term(code, name, description, tuple(children), ages)


CATEGORIES = Vocabulary(
    "category",
    "Service categories",
    "What kind of help a service gives, in the words families use.",
    (
        _t(
            "education",
            "Education and learning",
            "Support to learn at nursery, school or college.",
            _t(
                "early-years",
                "Early years support",
                "Help for babies and young children before they start school.",
            ),
            _t(
                "send-advisory",
                "Specialist teaching and advice",
                "Advisory teachers and specialist teams who support schools and settings.",
            ),
            _t(
                "tuition",
                "Tuition and learning support",
                "Extra teaching, mentoring and help with reading, writing and maths.",
            ),
            _t(
                "education-other-than-school",
                "Education outside school",
                "Alternative provision, hospital education and home tuition.",
            ),
        ),
        _t(
            "health",
            "Health and therapies",
            "NHS and other health services for children and young people.",
            _t(
                "speech-language-therapy",
                "Speech and language therapy",
                "Help with talking, understanding, eating and drinking.",
            ),
            _t(
                "occupational-therapy",
                "Occupational therapy",
                "Help with everyday skills, sensory needs and equipment.",
            ),
            _t(
                "physiotherapy",
                "Physiotherapy",
                "Help with movement, posture and physical development.",
            ),
            _t(
                "mental-health",
                "Mental health and wellbeing",
                "Emotional wellbeing and mental health support, including CAMHS.",
            ),
            _t(
                "diagnosis",
                "Assessment and diagnosis",
                "Paediatric, autism and ADHD assessment and diagnosis services.",
            ),
            _t(
                "sensory-services",
                "Hearing and vision services",
                "Specialist support for deaf, blind and visually impaired children.",
            ),
        ),
        _t(
            "social-care",
            "Social care and short breaks",
            "Care and support for disabled children, young people and their families.",
            _t(
                "short-breaks",
                "Short breaks and respite",
                "Time away for disabled children and a break for their carers.",
            ),
            _t(
                "care-assessment",
                "Social care assessment",
                "Finding out what care and support a disabled child and family need.",
            ),
            _t(
                "direct-payments",
                "Direct payments and personal assistants",
                "Money to arrange support yourself and help to employ a personal assistant.",
            ),
        ),
        _t(
            "activities",
            "Activities, clubs and groups",
            "Things to do, inclusive and specialist.",
            _t(
                "sport",
                "Sport and physical activity",
                "Inclusive and adapted sport, swimming and fitness.",
            ),
            _t("arts", "Arts, music and drama", "Creative activities and performing arts."),
            _t(
                "youth-clubs",
                "Youth clubs",
                "Clubs and social groups for children and young people.",
            ),
            _t(
                "holiday-activities",
                "Holiday activities",
                "Play schemes and activities in the school holidays.",
            ),
        ),
        _t(
            "family-support",
            "Family support",
            "Help and advice for parents, carers, brothers and sisters.",
            _t(
                "advice",
                "Information, advice and support",
                "Impartial advice on SEND, EHC plans and rights, including SENDIASS.",
            ),
            _t(
                "parent-groups",
                "Groups for parents and carers",
                "Peer support and the parent carer forum.",
            ),
            _t(
                "parenting",
                "Parenting programmes",
                "Courses on understanding and supporting your child.",
            ),
            _t("siblings", "Support for brothers and sisters", "Groups and help for siblings."),
            _t("carers", "Support for carers", "Help for parent carers and young carers."),
        ),
        _t(
            "adulthood",
            "Preparing for adulthood",
            "Work, independent living, friendships and health as young people grow up.",
            _t(
                "employment",
                "Employment and supported internships",
                "Work experience, supported internships, apprenticeships and job coaching.",
            ),
            _t(
                "independent-living",
                "Independent living and housing",
                "Learning to live independently and finding somewhere to live.",
            ),
            _t(
                "travel-training",
                "Travel training",
                "Learning to travel safely and independently.",
            ),
        ),
        _t(
            "transport",
            "Transport",
            "Getting to school, college and activities.",
            _t(
                "school-transport",
                "Home to school transport",
                "Transport and travel support for eligible pupils and students.",
            ),
            _t(
                "travel-passes",
                "Travel passes and blue badges",
                "Concessionary travel and parking for disabled people.",
            ),
        ),
        _t(
            "equipment",
            "Equipment and adaptations",
            "Specialist equipment, aids and changes to the home.",
        ),
    ),
)

NEEDS = Vocabulary(
    "need",
    "Special educational needs and disabilities",
    "The four broad areas of need in the SEND Code of Practice, each with the primary need "
    "types of DfE's SEN2 return.",
    (
        _t(
            "communication-interaction",
            "Communication and interaction",
            "Difficulty communicating with others: speaking, understanding or social interaction.",
            _t("asd", "Autism", "Autistic spectrum disorder or condition (ASD, ASC)."),
            _t(
                "slcn",
                "Speech, language and communication needs",
                "Difficulty saying what you want to, understanding others or using social rules.",
            ),
        ),
        _t(
            "cognition-learning",
            "Cognition and learning",
            "Learning at a slower pace than others of the same age, or a specific difficulty.",
            _t(
                "spld",
                "Specific learning difficulty",
                "Such as dyslexia, dyscalculia and dyspraxia.",
            ),
            _t("mld", "Moderate learning difficulty", "Difficulty learning across the curriculum."),
            _t(
                "sld",
                "Severe learning difficulty",
                "Significant difficulty learning, needing support in all areas.",
            ),
            _t(
                "pmld",
                "Profound and multiple learning difficulty",
                "Severe learning difficulty with other disabilities or sensory impairment.",
            ),
        ),
        _t(
            "semh",
            "Social, emotional and mental health",
            "Difficulty managing emotions and behaviour; anxiety, depression, attachment "
            "difficulties, ADHD.",
        ),
        _t(
            "sensory-physical",
            "Sensory and physical needs",
            "A disability that makes it harder to use the facilities most children use.",
            _t("hi", "Hearing impairment", "Deaf or hard of hearing."),
            _t("vi", "Visual impairment", "Blind or partially sighted."),
            _t("msi", "Multi-sensory impairment", "Both hearing and sight are affected."),
            _t("pd", "Physical disability", "A physical disability or medical condition."),
        ),
        _t(
            "oth",
            "Other difficulty or disability",
            "A need not described by the other types.",
        ),
    ),
)

AGE_GROUPS = Vocabulary(
    "age_group",
    "Age groups",
    "Stages from birth to 25. Services are tagged automatically from their ages.",
    (
        _t(
            "early-years", "Early years (0 to 4)", "Babies and children before school.", ages=(0, 4)
        ),
        _t("primary", "Primary school age (4 to 11)", "Reception to Year 6.", ages=(4, 11)),
        _t("secondary", "Secondary school age (11 to 16)", "Year 7 to Year 11.", ages=(11, 16)),
        _t("post-16", "Post-16 (16 to 19)", "Sixth form, college and training.", ages=(16, 19)),
        _t("young-adults", "Young adults (19 to 25)", "Preparing for adult life.", ages=(19, 25)),
    ),
)

ACCESSIBILITY = Vocabulary(
    "accessibility",
    "Venue accessibility",
    "Features of a venue that make it easier for disabled people to use.",
    (
        _t("step-free", "Step-free access", "Level or ramped entrance and routes inside."),
        _t("accessible-toilet", "Accessible toilet", "A wheelchair-accessible toilet."),
        _t(
            "changing-places",
            "Changing Places toilet",
            "A larger accessible toilet with a hoist and changing bench.",
        ),
        _t("hearing-loop", "Hearing loop", "An induction loop for hearing aid users."),
        _t("quiet-space", "Quiet or sensory space", "A calm space away from noise and crowds."),
        _t("lift", "Lift", "A lift to every floor used."),
        _t("disabled-parking", "Disabled parking", "Blue badge parking at or next to the venue."),
        _t(
            "bsl",
            "British Sign Language",
            "Staff or interpreters who use British Sign Language.",
        ),
    ),
)

DELIVERY = Vocabulary(
    "delivery",
    "How services are delivered",
    "Where and how families use the service.",
    (
        _t("in-person", "In person at a venue", "Visit the service at one of its venues."),
        _t("at-home", "At home", "The service comes to your home."),
        _t("in-setting", "In school or setting", "Delivered at nursery, school or college."),
        _t("online", "Online", "Delivered online, by video or a website."),
        _t("phone", "By phone", "Advice or support over the phone."),
    ),
)

VOCABULARIES = (CATEGORIES, NEEDS, AGE_GROUPS, ACCESSIBILITY, DELIVERY)


def seed(taxonomy_model, term_model) -> None:
    """Create the starting taxonomies and terms that do not exist yet (used by a migration)."""
    for position, vocabulary in enumerate(VOCABULARIES):
        taxonomy, _ = taxonomy_model.objects.get_or_create(
            id=taxonomy_id(vocabulary.key),
            defaults={
                "vocabulary": vocabulary.key,
                "name": vocabulary.name,
                "description": vocabulary.description,
                "version": "1",
                "position": position,
            },
        )
        _seed_terms(term_model, taxonomy, vocabulary.key, vocabulary.terms, None)


def _seed_terms(term_model, taxonomy, key, terms, parent) -> None:
    for position, term in enumerate(terms):
        ages = term.ages or (None, None)
        created, _ = term_model.objects.get_or_create(
            id=term_id(key, term.code),
            defaults={
                "taxonomy": taxonomy,
                "parent": parent,
                "code": term.code,
                "name": term.name,
                "description": term.description,
                "position": position,
                "minimum_age": ages[0],
                "maximum_age": ages[1],
            },
        )
        _seed_terms(term_model, taxonomy, key, term.children, created)
