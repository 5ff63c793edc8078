"""What each part of the service holds, shown on its page until its release arrives."""

AREAS = {
    "insight": {
        "title": "Insight",
        "summary": "The partnership's outcomes dashboard and statutory returns, computed from "
        "the register so figures agree everywhere.",
        "coming": [
            "The SEN2 return: export, validation, import and DfE's statistics",
            "Indicators against targets, statistical neighbours, region and England",
            "Inspection readiness: Annex A lists and their validation",
        ],
    },
    "governance": {
        "title": "Governance",
        "summary": "The SEND and AP partnership board's work in one place.",
        "coming": [
            "Board, membership, work groups, meetings and decisions",
            "Strategy, priorities and the action plan",
            "Risk register, self-evaluation and board reports",
        ],
    },
}
