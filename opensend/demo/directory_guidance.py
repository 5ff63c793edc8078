"""Starting guidance for the Local Offer: ordinarily available provision, one page for each of the
SEND Code of Practice's four broad areas of need. Pure data.

Bodies use the format `GuidancePage.body` expects: paragraphs separated by a blank line, "## "
starting a heading and "- " a bullet. Needs are term codes of the "need" taxonomy.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Guidance:
    slug: str
    title: str
    summary: str
    needs: tuple[str, ...]
    body: str


INTRODUCTION = (
    "Ordinarily available provision is the support every nursery, school and college should "
    "offer from its own resources, without a diagnosis, an EHC plan or extra funding. Schools "
    "must use their best endeavours to meet children's special educational needs, and make "
    "reasonable adjustments for disabled children under the Equality Act 2010."
)

GRADUATED_APPROACH = (
    "## Assess, plan, do, review\n\n"
    "Support should follow the graduated approach in the SEND Code of Practice. The school "
    "assesses what the child finds hard, plans support with the child and family, puts it in "
    "place and reviews it at least termly. Each cycle adds more detail and, if needed, "
    "specialist advice.\n\n"
)

MORE_HELP = (
    "## When more help is needed\n\n"
    "If a child is not making progress after several cycles of good support, the school should "
    "ask for advice from specialist services listed in the Local Offer. If the child needs more "
    "than the school can provide, the school or the family can ask the council for an EHC needs "
    "assessment. Parents can ask for one themselves, and the SEND information, advice and "
    "support service can help."
)

PAGES = (
    Guidance(
        slug="ordinarily-available-communication-and-interaction",
        title="Communication and interaction: what every school and setting should offer",
        summary=(
            "Everyday support for children and young people who find it hard to talk, "
            "understand or get on with others, including autistic pupils, before an EHC plan."
        ),
        needs=("communication-interaction", "asd", "slcn"),
        body=(
            f"{INTRODUCTION}\n\n"
            "Children with communication and interaction needs may find it hard to say what they "
            "want to, to understand what others say, or to understand the unwritten rules of "
            "conversation and friendship. Autistic children and children with speech, language "
            "and communication needs are in this group.\n\n"
            "## In the classroom\n\n"
            "- Use short, simple sentences and say the child's name before giving an instruction.\n"
            "- Give time to process: count to ten before repeating a question.\n"
            "- Back up spoken words with pictures, objects, gestures or signs such as Makaton.\n"
            "- Use a visual timetable, and warn the child before changes to the routine.\n"
            "- Teach new words on purpose, with pictures, and check they have been understood.\n"
            "- Give instructions one step at a time, and write them down or show them.\n"
            "- Use now-and-next boards and timers to show how long a task lasts.\n\n"
            "## Around school\n\n"
            "- A quiet space the child can go to when they need a break, with an agreed signal.\n"
            "- Social stories to explain new situations, such as a trip or a supply teacher.\n"
            "- Structured play at break times, such as a lunchtime club, for children who find "
            "the playground hard.\n"
            "- Adjustments for sensory needs: seating away from noise, ear defenders, and a "
            "uniform that is comfortable to wear.\n"
            "- A trusted adult the child can go to, who knows their communication profile.\n\n"
            "## Working with families\n\n"
            "Families know what helps at home. Share strategies both ways, agree how the child "
            "can tell adults they are anxious, and use the same words and symbols at home and at "
            "school. Speech and language therapy advice should be built into everyday teaching, "
            "not left for therapy sessions alone.\n\n"
            f"{GRADUATED_APPROACH}{MORE_HELP}"
        ),
    ),
    Guidance(
        slug="ordinarily-available-cognition-and-learning",
        title="Cognition and learning: what every school and setting should offer",
        summary=(
            "Everyday support for children and young people who learn more slowly than others "
            "or have specific difficulties such as dyslexia, before an EHC plan."
        ),
        needs=("cognition-learning", "spld", "mld", "sld", "pmld"),
        body=(
            f"{INTRODUCTION}\n\n"
            "Children with cognition and learning needs may learn at a slower pace than others "
            "of their age, find it hard to remember or organise information, or have a specific "
            "difficulty with reading, writing, spelling or numbers, such as dyslexia or "
            "dyscalculia.\n\n"
            "## In the classroom\n\n"
            "- Break tasks into small steps and check understanding at each one.\n"
            "- Pre-teach key words and ideas before a new topic.\n"
            "- Give plenty of practice and come back to learning often, so it sticks.\n"
            "- Use practical, multi-sensory teaching: objects, pictures, movement and sound.\n"
            "- Provide word banks, number lines, writing frames and worked examples.\n"
            "- Never ask a child to read aloud without warning, and value ideas over spelling.\n"
            "- Use dyslexia-friendly materials: clear fonts, cream paper, uncluttered pages.\n"
            "- Give extra time, or less to do, so the child can finish and show what they know.\n\n"
            "## Technology and resources\n\n"
            "- Text-to-speech, speech-to-text and touch-typing for children who find writing "
            "hard.\n"
            "- Coloured overlays or rulers if they help the child, and audio books.\n"
            "- Small-group catch-up teaching using well-evidenced programmes, with progress "
            "checked every few weeks.\n\n"
            "## Confidence matters\n\n"
            "Children who struggle to learn often feel they are not clever. Praise effort and "
            "progress, let them show what they know in different ways, and build on what they "
            "are good at. Talk to the child about what helps them learn.\n\n"
            "## Exams and tests\n\n"
            "Plan access arrangements early, such as extra time or a reader, and make them the "
            "child's normal way of working in class.\n\n"
            f"{GRADUATED_APPROACH}{MORE_HELP}"
        ),
    ),
    Guidance(
        slug="ordinarily-available-social-emotional-and-mental-health",
        title="Social, emotional and mental health: what every school and setting should offer",
        summary=(
            "Everyday support for children and young people whose emotions, behaviour or "
            "mental health make school hard, including anxiety and ADHD, before an EHC plan."
        ),
        needs=("semh",),
        body=(
            f"{INTRODUCTION}\n\n"
            "Children with social, emotional and mental health needs may seem withdrawn or "
            "anxious, or their behaviour may be challenging. They may have ADHD, an attachment "
            "difficulty, or have lived through trauma or loss. Behaviour is communication: the "
            "first question is what the child is telling us, and what they need.\n\n"
            "## Relationships first\n\n"
            "- A key adult who checks in every day and whom the child can go to.\n"
            "- A calm, warm welcome each morning, especially after a difficult day.\n"
            "- Praise that is specific and, for some children, private.\n"
            "- Repairing relationships after an incident, rather than only sanctions.\n\n"
            "## In the classroom\n\n"
            "- Clear, consistent routines and expectations, shown visually.\n"
            "- Seating that helps: near the door, away from distractions, or near the teacher.\n"
            "- Movement breaks and fiddle objects for children who need to move to focus.\n"
            "- Warnings before transitions, and help with unstructured times such as lunch.\n"
            "- Tasks broken into chunks, with a way to ask for help without putting a hand up.\n\n"
            "## Emotional wellbeing\n\n"
            "- A safe, quiet place to calm down, with an agreed way to ask to go there.\n"
            "- Teaching children to name and manage feelings, for example with a feelings scale.\n"
            "- Small-group support such as nurture groups or sessions with an emotional literacy "
            "support assistant.\n"
            "- A plan, agreed with the child and family, for what helps when they are "
            "overwhelmed.\n\n"
            "## Attendance and exclusion\n\n"
            "If a child finds it very hard to come to school, treat it as a sign of need, not "
            "defiance, and plan a gradual return with the family. Before any suspension, ask "
            "whether the child's needs have been met, and whether a reasonable adjustment would "
            "have helped.\n\n"
            f"{GRADUATED_APPROACH}{MORE_HELP}"
        ),
    ),
    Guidance(
        slug="ordinarily-available-sensory-and-physical-needs",
        title="Sensory and physical needs: what every school and setting should offer",
        summary=(
            "Everyday support for children and young people with hearing or vision impairment, "
            "physical disabilities or medical conditions, before an EHC plan."
        ),
        needs=("sensory-physical", "hi", "vi", "msi", "pd"),
        body=(
            f"{INTRODUCTION}\n\n"
            "Children with sensory and physical needs include deaf children and children with "
            "vision impairment, children with multi-sensory impairment, and children with "
            "physical disabilities or medical conditions. Many are as able as their classmates "
            "and need barriers removed so they can learn alongside them.\n\n"
            "## Hearing\n\n"
            "- Seat the child where they can see the teacher's face and the board.\n"
            "- Face the class when speaking, and do not talk while writing on the board.\n"
            "- Cut background noise: close doors, use soft furnishings, turn off fans.\n"
            "- Use the child's radio aid, check hearing aids daily, and subtitle videos.\n\n"
            "## Vision\n\n"
            "- Provide enlarged, high-contrast materials and the child's own copy of the board.\n"
            "- Keep rooms and corridors tidy and tell the child when the layout changes.\n"
            "- Say names and describe what is happening, rather than pointing.\n\n"
            "## Physical and medical needs\n\n"
            "- Make sure every part of the building and every activity the class uses is "
            "accessible, including trips.\n"
            "- Plan seating, equipment and routes with the occupational therapist or "
            "physiotherapist.\n"
            "- Write an individual health care plan with the family and health professionals, "
            "and train staff in it.\n"
            "- Allow rest breaks, extra time between lessons and a lift pass where needed.\n"
            "- Offer alternatives to handwriting, such as a laptop or a scribe.\n"
            "- Plan personal care with dignity and privacy.\n\n"
            "## Belonging\n\n"
            "Help classmates understand the child's needs, with the child's agreement, and make "
            "sure PE, clubs and break times include them fully.\n\n"
            f"{GRADUATED_APPROACH}{MORE_HELP}"
        ),
    ),
)
