"""English words of the demo indicator set (:mod:`.demo_indicators`), by area and statement
key; loaded into wagtail-localize translations by :mod:`.demo` as an editor's would be."""

SET = {
    "title": "How are we doing? The school's attendance work",
    "intro": (
        "A self-assessment for the principal and the pupil health team. Go through the "
        "statements together and choose the level that best describes how things are today – "
        'not how the routine says they should be. Answer "don\'t know" when none of you '
        "knows: that is an answer too. Never write anything about individual pupils."
    ),
}

AREAS = {
    "promote": {
        "title": "Promoting attendance",
        "intro": "What the whole school does so that every pupil wants to and can be at school: "
        "school climate, relationships, the learning environment and attendance that is "
        "recorded and followed up.",
    },
    "prevent": {
        "title": "Preventing absence",
        "intro": "Spotting emerging absence early and acting before it becomes problematic.",
    },
    "act": {
        "title": "Acting on absence",
        "intro": "Handling problematic absence once it has arisen and getting the pupil back "
        "to lessons.",
    },
    "routines": {
        "title": "Organisation and routines",
        "intro": "Who does what, when and how – and does it get done? A routine that exists "
        "only on paper helps no pupil.",
    },
    "collaboration": {
        "title": "Collaboration",
        "intro": "Working with guardians, social services (IFO), child and adolescent "
        "psychiatry (BUP) and others around pupils with problematic absence.",
    },
    "mapping": {
        "title": "Mapping",
        "intro": "Investigating absence promptly, understanding its causes and letting the "
        "pupil have their say.",
    },
}

STATEMENTS = {
    "climate-and-relations": (
        "The school works deliberately for a welcoming school climate and good relationships "
        "between pupils and adults.",
        "We have not discussed the school climate as part of the attendance work.",
        "Individual teachers and mentors work on relationships, but it depends on the person.",
        "The school has shared ways of welcoming pupils and building relationships, but not "
        "everyone uses them.",
        "Relationship work is shared, visible in everyday life (e.g. breaks and lunch) and "
        "followed up every school year.",
    ),
    "learning-environment": (
        "The school finds out how pupils experience well-being, safety and the learning "
        "environment and uses the answers in its systematic quality work.",
        "We do not ask pupils about the learning environment.",
        "We run a survey, but the answers rarely lead to changes.",
        "The answers are analysed and lead to measures in some classes or subjects.",
        "Pupils' answers, absence and the learning environment are analysed together every "
        "year and the measures are followed up.",
    ),
    "registration": (
        "Absence is recorded correctly in every lesson and followed up at school level.",
        "Recording is uneven and nobody follows it up.",
        "Most teachers record absence, but gaps are rarely noticed.",
        "Recording is checked regularly and gaps are dealt with.",
        "Recording is complete and absence is analysed at school level every month.",
    ),
    "routine-known": (
        "Pupils and guardians know the school's absence routine.",
        "The routine is not known outside the staff.",
        "The routine is on the website or in a letter, but few know it.",
        "The routine is presented to guardians at the start of the school year and at meetings.",
        "Pupils and guardians know what happens when a pupil is absent; we ask them and "
        "improve the information.",
    ),
    "same-day-contact": (
        "Guardians are contacted the same day when a pupil is absent without a valid reason "
        "(chapter 7, section 17 of the Education Act).",
        "There is no fixed routine for same-day contact.",
        "Contact is usually made, but not always the same day or by the same person.",
        "Contact is made the same day as the routine says, but nobody checks that it works.",
        "Contact is made the same day by a designated person and the routine is followed up "
        "regularly.",
    ),
    "early-signs": (
        "Staff recognise early signs of emerging absence and know what to do.",
        "Staff have not been taught about early signs.",
        "Some staff have attended a training on early signs.",
        "All staff know the early signs, but it is unclear who does what when they see them.",
        "All staff recognise early signs, know whom to pass them to, and the knowledge is "
        "kept alive for new staff.",
    ),
    "weekly-follow-up": (
        "The teaching team follows up absence every week and acts on patterns, expressed as "
        "missed teaching time in days and weeks.",
        "Absence is raised only when it is already high.",
        "Absence is followed up now and then, mostly as percentages.",
        "Absence is followed up every week, but patterns (e.g. certain lessons or days) "
        "rarely lead to measures.",
        "Absence is followed up every week, converted into missed teaching time, and patterns "
        "lead to measures that are followed up.",
    ),
    "care-conversation": (
        "The mentor has a caring conversation with the pupil and the guardians when absence "
        "starts to rise.",
        "Conversations are rarely held before absence is high.",
        "Conversations are held, but often by text message or e-mail and without support on how.",
        "Mentors have a conversation guide and time for the conversations, but the quality varies.",
        "Caring conversations are held early by mentors who have had training and "
        "supervision, and what is said leads to action.",
    ),
    "return-plan": (
        "Pupils with problematic absence have a return plan that is carried out and followed up.",
        "Plans are rarely made.",
        "Plans are written, but what is promised is not always done.",
        "Plans are written and followed, but the follow-up is uneven.",
        "Every plan names who is responsible, dates for follow-up and a plan for catching up "
        "on missed teaching – and it is followed.",
    ),
    "case-coordination": (
        "Every absence case has a designated person who holds the measures together until "
        "the pupil is back.",
        "It is unclear who holds the cases together.",
        "Someone holds the cases together, but without a clear mandate or time.",
        "Someone is made responsible in every case, but cases lose momentum between meetings.",
        "A responsible person with a mandate holds each case together and checks that what "
        "is decided gets done.",
    ),
    "fitting-measures": (
        "Measures are chosen from the causes, e.g. neurodevelopmental conditions, anxiety or "
        "mental ill-health, and not out of habit.",
        "The same measures are used whatever the cause.",
        "The causes are discussed, but measures are often chosen out of habit.",
        "Measures are usually chosen from the mapping.",
        "Measures are chosen from the mapping and adjusted when the follow-up shows they do "
        "not help.",
    ),
    "routine-in-use": (
        "The school's attendance routine describes who does what, when and how – and it is "
        "used in everyday work, not just on paper.",
        "The school has no attendance routine of its own.",
        'The routine exists but is rarely used (a "paper product").',
        'The routine is used, but parts of it are "ticked off" rather than carried out.',
        "Everyone uses the routine, it is carried out with quality and revised when it does "
        "not work.",
    ),
    "roles-and-mandates": (
        "The roles and mandates of mentors, social pedagogues, pupil health and the principal "
        "in the attendance work are clear and have time set aside.",
        "The roles are unclear and tasks fall between the cracks.",
        "The roles are described, but mandates and time are missing.",
        "The roles are clear to most, but one role (often the mentor's) lacks time.",
        "Everyone knows their role and mandate, time is set aside and the roles are reviewed "
        "every school year.",
    ),
    "structured-meetings": (
        "The pupil health team has a structured order of meetings for absence cases and "
        "coherent process leadership.",
        "Absence cases are raised when someone has the time.",
        "Cases are raised in the pupil health team, but without a fixed structure.",
        "The pupil health team has an order of meetings, but there is no forum where teachers, "
        "pupil health and school leaders meet.",
        "A fixed order of meetings and cross-professional forums move cases forward and "
        "nothing is dropped.",
    ),
    "systematic-follow-up": (
        "The school leadership systematically follows up the attendance work and checks that "
        "what has been decided gets done.",
        "The attendance work is not followed up.",
        "The absence figures are followed up, but not how the work is carried out.",
        "The work is followed up once a school year.",
        "The work is followed up every term in the systematic quality work and leads to changes.",
    ),
    "ifo": (
        "The school has working collaboration with social services (IFO) and knows when and "
        "how to contact them.",
        "We have no established contact with social services.",
        "Contact happens in individual cases and depends on individuals.",
        "There are contact routes and a consent template, but they are used unevenly.",
        "School and IFO have fixed contact routes, consent is obtained as a routine and the "
        "collaboration is followed up.",
    ),
    "bup-and-sip": (
        "When absence is extensive, measures are coordinated with child and adolescent "
        "psychiatry (BUP) and social services, e.g. through a joint meeting or a coordinated "
        "individual plan (SIP).",
        "The school works alone even when the pupil is in contact with others.",
        "We know who else is involved, but the measures are not coordinated.",
        "Joint meetings are held, but it is unclear who follows up the decisions.",
        "Joint meetings or SIP meetings are held with clear decisions, responsibilities and "
        "follow-up.",
    ),
    "guardians-involved": (
        "Guardians are involved from the start, get feedback and can trust the school to do "
        "what it has promised.",
        "Guardians are contacted only when absence is high.",
        "Guardians are informed, but have to push to get answers.",
        "Guardians are invited to the planning, but feedback is uneven.",
        "Guardians are involved from the start, get regular feedback and the school delivers "
        "what it has promised.",
    ),
    "prompt-investigation": (
        "Repeated or long-term absence is investigated promptly and reported to the "
        "organiser (chapter 7, section 19 a of the Education Act).",
        "Absence is rarely investigated.",
        "Investigations are made, but often late or without a report to the organiser.",
        "Investigations start promptly, but their quality varies.",
        "The investigation starts promptly, is made together with the pupil, the guardians "
        "and pupil health, and is reported to the organiser.",
    ),
    "causes-broadly": (
        "The mapping looks at the causes broadly – including teaching and the learning "
        "environment – before measures are chosen.",
        "Measures are put in place without mapping.",
        "The mapping focuses on the pupil and the home.",
        "The mapping uses a template and includes the school situation, but the analysis is thin.",
        "The mapping includes the learning environment, relationships, health and the home, "
        "and the analysis guides the choice of measures.",
    ),
    "pupil-voice": (
        "The pupil's own voice is part of the mapping and the planning.",
        "The pupil is not asked.",
        "The pupil is told what the adults have decided.",
        "The pupil gets to describe their situation, but it rarely shows in the plan.",
        "The pupil takes part in the mapping and the plan and is asked how things are going.",
    ),
}
