"""The case page and the form for each step: what they show, what they record, what they refuse,
and who may use them."""

import datetime as dt

import pytest
from django.urls import reverse

from opensend.accounts.roles import Role
from opensend.casework import services
from opensend.casework.events import Verb
from opensend.casework.models import Request
from opensend.core.models import AccessEvent
from tests.casework.factories import (
    AdviceRequestFactory,
    DisputeFactory,
    PhaseTransferFactory,
    PlanFactory,
    ReviewFactory,
)
from tests.factories import EstablishmentFactory, PersonFactory

D = dt.date
RECEIVED = D(2025, 3, 3)

pytestmark = pytest.mark.django_db


def on(name: str, value: dt.date) -> dict:
    """A GOV.UK date input's three fields."""
    return {f"{name}-day": value.day, f"{name}-month": value.month, f"{name}-year": value.year}


def case_url(name: str, case, *args) -> str:
    return reverse(f"casework:{name}", args=[case.pk, *args])


def verbs(case) -> list[str]:
    return list(case.events.order_by("occurred_on", "pk").values_list("verb", flat=True))


@pytest.fixture
def person(local_authority):
    return PersonFactory(
        responsible_la=local_authority,
        forename="Wren",
        surname="Casetest",
        birth_date=D(2016, 5, 4),
    )


@pytest.fixture
def caseworker(signed_in):
    return signed_in(Role.CASEWORKER)


@pytest.fixture
def case(caseworker, person):
    return services.record_request(
        actor=caseworker.user, person=person, received_on=RECEIVED, source="1"
    )


def assessing(actor, case):
    services.decide_whether_to_assess(actor=actor, case=case, assess=True, decided_on=D(2025, 4, 7))
    return case


def with_plan(actor, case):
    assessing(actor, case)
    services.send_draft_plan(actor=actor, case=case, sent_on=D(2025, 6, 20))
    services.issue_plan(actor=actor, case=case, issued_on=D(2025, 7, 14))
    return case


def refused(response, message: str) -> None:
    """The form came back with the message in the error summary and beside the field."""
    text = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in text
    assert text.count(message) >= 2, text


# --- the case page ------------------------------------------------------------------------------


class TestCasePage:
    def test_shows_the_person_next_step_dates_and_timeline(self, caseworker, case):
        text = caseworker.get(case_url("case", case)).content.decode()
        assert "Wren Casetest" in text
        assert case.person.reference in text
        assert reverse("people:detail", args=[case.person.pk]) in text
        assert "Deciding whether to assess" in text
        assert "Decide whether to assess" in text
        assert "14 April 2025" in text
        assert "reg 5(1)" in text
        assert "Overdue by" in text
        assert "21 July 2025" in text  # the 20-week date
        assert "Request for an assessment received: Young person or parent" in text
        assert caseworker.user.get_full_name() in text

    def test_every_view_is_audited(self, caseworker, case):
        caseworker.get(case_url("case", case))
        event = AccessEvent.objects.get(object_type="case")
        assert (event.action, event.object_id, event.person_id) == (
            "view",
            str(case.pk),
            case.person_id,
        )
        assert event.purpose == "casework"

    def test_issued_plan_shows_weeks_taken_and_the_annual_review(self, caseworker, case):
        with_plan(caseworker.user, case)
        text = caseworker.get(case_url("case", case)).content.decode()
        assert "Plan maintained" in text
        assert "19 weeks" in text  # 3 March to 14 July 2025
        assert "Hold the annual review" in text
        assert "14 July 2026" in text
        assert "Done on time" in text

    def test_late_advice_is_flagged(self, caseworker, case):
        assessing(caseworker.user, case)
        advice = services.request_advice(
            actor=caseworker.user, case=case, kind="EP", requested_on=D(2025, 4, 8)
        )
        services.record_advice_returned(
            actor=caseworker.user, advice=advice, returned_on=D(2025, 6, 30)
        )
        text = caseworker.get(case_url("case", case)).content.decode()
        assert "Advice: Educational psychologist" in text
        assert "20 May 2025" in text
        assert "Done late" in text

    def test_actions_follow_the_stage(self, caseworker, case):
        text = caseworker.get(case_url("case", case)).content.decode()
        assert case_url("decision", case) in text
        assert case_url("request_advice", case) not in text
        assessing(caseworker.user, case)
        text = caseworker.get(case_url("case", case)).content.decode()
        assert case_url("decision", case) not in text
        assert case_url("request_advice", case) in text
        assert case_url("draft", case) in text
        assert case_url("issue", case) not in text

    def test_records_made_outside_the_service_show(self, caseworker, local_authority):
        plan = PlanFactory(assessment__case__person__responsible_la=local_authority)
        case = plan.assessment.case
        review = ReviewFactory(plan=plan)
        PhaseTransferFactory(plan=plan)
        DisputeFactory(case=case, decision="CONTENTS")
        text = caseworker.get(case_url("case", case)).content.decode()
        assert "Primary to secondary school, 2026" in text
        assert "15 February 2026" in text
        assert "The contents of the plan" in text
        assert case_url("review_decision", case, review.pk) in text


# --- each step's form ---------------------------------------------------------------------------


@pytest.fixture
def full_case(caseworker, case):
    """A case with a plan, advice, a review under way, a phase transfer and a disagreement."""
    actor = caseworker.user
    with_plan(actor, case)
    advice = AdviceRequestFactory(case=case)
    review = services.record_review_meeting(
        actor=actor, plan=case.assessment.plan, meeting_on=D(2026, 6, 1)
    )
    transfer = services.start_phase_transfer(
        actor=actor, plan=case.assessment.plan, move="primary_secondary", transfer_year=2027
    )
    dispute = services.record_dispute(
        actor=actor, case=case, decision="CONTENTS", decision_on=D(2025, 7, 14)
    )
    return case, {"advice": advice, "review": review, "transfer": transfer, "dispute": dispute}


STEP_PAGES = [
    ("decision", None, "Decide whether to assess"),
    ("withdraw", None, "withdrawn"),
    ("move_away", None, "Record a move to another local authority"),
    ("request_advice", None, "Record a request for advice"),
    ("advice_returned", "advice", "Record advice returned"),
    ("exception", None, "20-week limit"),
    ("no_plan", None, "not to issue a plan"),
    ("draft", None, "draft plan was sent"),
    ("issue", None, "final plan was issued"),
    ("named_setting", 1, "Name the main setting"),
    ("named_setting", 2, "Name a second setting"),
    ("plan_details", None, "Personal budget and plan details"),
    ("review_meeting", None, "annual review meeting"),
    ("review_report", "review", "review report was sent"),
    ("review_decision", "review", "decision after the review"),
    ("review_draft", "review", "draft amended plan"),
    ("review_amended", "review", "final amended plan"),
    ("phase_transfer", None, "Record a phase transfer"),
    ("phase_transfer_plan", "transfer", "amended for the phase transfer"),
    ("cease", None, "plan ceased"),
    ("dispute", None, "disagreement"),
    ("dispute_update", "dispute", "Mediation and appeal"),
    ("reassess", None, "re-assessment"),
]


@pytest.mark.parametrize(("name", "child", "heading"), STEP_PAGES)
def test_every_step_form_renders(caseworker, full_case, name, child, heading):
    case, children = full_case
    args = [] if child is None else [child if isinstance(child, int) else children[child].pk]
    response = caseworker.get(case_url(name, case, *args))
    assert response.status_code == 200
    assert heading in response.content.decode()


def test_record_request_and_transfer_in_forms_render(caseworker, person):
    for name in ("record_request", "record_transfer_in"):
        response = caseworker.get(reverse(f"casework:{name}", args=[person.pk]))
        assert response.status_code == 200


def test_named_setting_uses_an_autocomplete(caseworker, full_case):
    case, _ = full_case
    text = caseworker.get(case_url("named_setting", case, 1)).content.decode()
    assert 'data-module="app-autocomplete"' in text
    assert "accessible-autocomplete.min.js" in text


class TestRecordingSteps:
    def test_a_request_opens_a_case(self, caseworker, person):
        response = caseworker.post(
            reverse("casework:record_request", args=[person.pk]),
            {**on("received_on", RECEIVED), "source": "2"},
        )
        case = Request.objects.get(person=person)
        assert response.status_code == 302
        assert response.url == case_url("case", case)
        assert (case.source, case.decision_due_on, case.caseworker) == (
            "2",
            D(2025, 4, 14),
            caseworker.user,
        )
        page = caseworker.get(response.url).content.decode()
        assert "govuk-notification-banner--success" in page
        assert "Request recorded" in page

    def test_the_journey_to_an_amended_plan(self, caseworker, case):
        school = EstablishmentFactory(name="Moorside Academy")
        steps = [
            ("decision", [], {"assess": "yes", **on("decided_on", D(2025, 4, 7))}),
            (
                "request_advice",
                [],
                {"kind": "EP", "adviser": "EP team", **on("requested_on", D(2025, 4, 8))},
            ),
            ("exception", [], {"exception": "AWAY", "note": "Family abroad for 5 weeks"}),
            ("draft", [], on("sent_on", D(2025, 6, 20))),
            ("issue", [], on("issued_on", D(2025, 7, 14))),
            ("named_setting", [1], {"establishment": school.pk, "in_sen_unit": "on"}),
            ("plan_details", [], {"personal_budget": "on", "direct_payments": "E"}),
            ("review_meeting", [], on("meeting_on", D(2026, 6, 1))),
            ("phase_transfer", [], {"move": "primary_secondary", "transfer_year": "2027"}),
            ("dispute", [], {"decision": "CONTENTS", **on("decision_on", D(2025, 7, 14))}),
        ]
        for name, args, data in steps:
            response = caseworker.post(case_url(name, case, *args), data)
            assert response.status_code == 302, (name, response.content.decode())
        case.refresh_from_db()
        plan = case.assessment.plan
        advice = case.advice.get()
        review = plan.reviews.get()
        transfer = plan.phase_transfers.get()
        dispute = case.disputes.get()
        follow_ups = [
            (
                "advice_returned",
                [advice.pk],
                {**on("returned_on", D(2025, 5, 12)), "quality_note": "Clear"},
            ),
            ("review_report", [review.pk], on("sent_on", D(2026, 6, 10))),
            ("review_decision", [review.pk], {"outcome": "A", **on("decided_on", D(2026, 6, 20))}),
            ("review_draft", [review.pk], on("sent_on", D(2026, 6, 20))),
            ("review_amended", [review.pk], on("issued_on", D(2026, 8, 1))),
            (
                "phase_transfer_plan",
                [transfer.pk],
                {**on("issued_on", D(2026, 8, 1)), "next_setting": school.pk},
            ),
            (
                "dispute_update",
                [dispute.pk],
                {
                    **on("mediation_on", D(2025, 8, 20)),
                    "mediation_outcome": "AGREED",
                    **on("closed_on", D(2025, 8, 20)),
                },
            ),
        ]
        for name, args, data in follow_ups:
            response = caseworker.post(case_url(name, case, *args), data)
            assert response.status_code == 302, (name, response.content.decode())
        assert set(verbs(case)) >= {
            Verb.REQUEST_RECEIVED, Verb.DECIDED_TO_ASSESS, Verb.ADVICE_REQUESTED,
            Verb.ADVICE_RETURNED, Verb.EXCEPTION_RECORDED, Verb.DRAFT_PLAN_SENT, Verb.PLAN_ISSUED,
            Verb.SETTING_NAMED, Verb.PLAN_DETAILS_CHANGED, Verb.REVIEW_MEETING_HELD,
            Verb.REVIEW_REPORT_SENT, Verb.REVIEW_DECIDED, Verb.AMENDMENT_DRAFT_SENT,
            Verb.AMENDED_PLAN_ISSUED, Verb.PHASE_TRANSFER_RECORDED,
            Verb.PHASE_TRANSFER_PLAN_ISSUED, Verb.DISPUTE_RECORDED, Verb.MEDIATION_HELD,
            Verb.DISPUTE_CLOSED,
        }  # fmt: skip
        page = caseworker.get(case_url("case", case)).content.decode()
        for text in (
            "Moorside Academy",
            "direct payments: education only",
            "Family abroad for 5 weeks",
            "Final amended plan issued",
            "Setting named in the plan: Moorside Academy, main",
            "Mediation held: Agreement reached",
        ):
            assert text in page, text

    def test_ceasing_the_plan_closes_the_case(self, caseworker, case):
        with_plan(caseworker.user, case)
        response = caseworker.post(
            case_url("cease", case), {**on("ceased_on", D(2026, 3, 1)), "reason": "2"}
        )
        assert response.status_code == 302
        case.refresh_from_db()
        assert (case.stage, case.closed_on) == ("closed", D(2026, 3, 1))
        assert (
            "Plan ceased: Needs met without an EHC plan"
            in caseworker.get(response.url).content.decode()
        )

    def test_a_reassessment_opens_its_own_case(self, caseworker, case):
        with_plan(caseworker.user, case)
        response = caseworker.post(
            case_url("reassess", case), {**on("received_on", D(2026, 1, 5)), "source": "1"}
        )
        reassessment = Request.objects.get(kind=Request.Kind.REASSESSMENT)
        assert response.url == case_url("case", reassessment)
        assert reassessment.reassessed_plan == case.assessment.plan
        page = caseworker.get(response.url).content.decode()
        assert "Decide whether to re-assess" in page
        assert "reg 25(1)" in page
        assert case_url("case", case) in page
        assert (
            case_url("case", reassessment)
            in caseworker.get(case_url("case", case)).content.decode()
        )

    @pytest.mark.parametrize(
        ("name", "data", "verb"),
        [
            ("withdraw", on("withdrawn_on", D(2025, 3, 20)), Verb.REQUEST_WITHDRAWN),
            ("move_away", {"to_la": "816", **on("moved_on", D(2025, 3, 20))}, Verb.MOVED_AWAY),
            (
                "decision",
                {"assess": "no", **on("decided_on", D(2025, 4, 1))},
                Verb.DECIDED_NOT_TO_ASSESS,
            ),
        ],
    )
    def test_steps_that_end_a_request(self, caseworker, case, name, data, verb):
        assert caseworker.post(case_url(name, case), data).status_code == 302
        case.refresh_from_db()
        assert verbs(case)[-1] == verb
        assert case.stage == "closed"

    def test_decision_not_to_issue(self, caseworker, case):
        assessing(caseworker.user, case)
        response = caseworker.post(case_url("no_plan", case), on("decided_on", D(2025, 6, 1)))
        assert response.status_code == 302
        assert verbs(case)[-1] == Verb.DECIDED_NOT_TO_ISSUE

    def test_transfer_in(self, caseworker, person):
        response = caseworker.post(
            reverse("casework:record_transfer_in", args=[person.pk]),
            {
                "from_la": "816",
                **on("transferred_on", D(2025, 9, 1)),
                **on("start_date", D(2023, 2, 1)),
            },
        )
        case = Request.objects.get(person=person)
        assert response.url == case_url("case", case)
        assert (case.kind, case.transferred_from_la, case.stage) == ("transfer_in", "816", "plan")
        page = caseworker.get(response.url).content.decode()
        assert "Plan transferred in: 816" in page
        assert "Local authority 816" in page


class TestRefusals:
    def test_a_decision_before_the_request_is_refused(self, caseworker, case):
        response = caseworker.post(
            case_url("decision", case), {"assess": "yes", **on("decided_on", D(2025, 2, 1))}
        )
        refused(
            response,
            "The decision (1 February 2025) must be on or after the request (3 March 2025)",
        )
        assert 'href="#id_decided_on-day"' in response.content.decode()
        assert verbs(case) == [Verb.REQUEST_RECEIVED]

    def test_a_final_plan_before_the_draft_is_refused(self, caseworker, case):
        assessing(caseworker.user, case)
        response = caseworker.post(case_url("issue", case), on("issued_on", D(2025, 7, 1)))
        refused(response, "Record the draft plan before the final plan")
        services.send_draft_plan(actor=caseworker.user, case=case, sent_on=D(2025, 6, 20))
        response = caseworker.post(case_url("issue", case), on("issued_on", D(2025, 6, 10)))
        refused(
            response,
            "The final plan (10 June 2025) must be on or after the draft plan (20 June 2025)",
        )

    def test_ceasing_before_the_start_is_refused(self, caseworker, case):
        with_plan(caseworker.user, case)
        response = caseworker.post(
            case_url("cease", case), {**on("ceased_on", D(2025, 7, 1)), "reason": "9"}
        )
        refused(response, "must be on or after its start (14 July 2025)")

    def test_a_step_at_the_wrong_stage_is_refused_in_the_summary(self, caseworker, case):
        response = caseworker.post(case_url("draft", case), on("sent_on", D(2025, 4, 1)))
        text = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in text
        assert "You cannot send a draft plan" in text

    def test_the_form_checks_what_it_can(self, caseworker, case):
        response = caseworker.post(case_url("decision", case), {})
        refused(response, "Enter the date the decision was notified")
        assert "Choose whether the local authority will assess" in response.content.decode()
        future = dt.date.today() + dt.timedelta(days=3)
        response = caseworker.post(
            case_url("decision", case), {"assess": "yes", **on("decided_on", future)}
        )
        refused(response, "must be today or in the past")
        response = caseworker.post(
            case_url("move_away", case), {"to_la": "Leeds", **on("moved_on", D(2025, 4, 1))}
        )
        refused(response, "Enter the local authority number as 3 digits, like 383")


class TestAccess:
    def test_an_analyst_can_view_but_not_change(self, signed_in, case):
        analyst = signed_in(Role.ANALYST)
        page = analyst.get(case_url("case", case))
        assert page.status_code == 200
        assert case_url("decision", case) not in page.content.decode()
        assert analyst.get(case_url("decision", case)).status_code == 403
        response = analyst.post(
            case_url("decision", case), {"assess": "yes", **on("decided_on", D(2025, 4, 1))}
        )
        assert response.status_code == 403
        assert verbs(case) == [Verb.REQUEST_RECEIVED]

    @pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.ADMINISTRATOR, Role.DIRECTORY_EDITOR])
    def test_other_roles_are_refused(self, signed_in, case, role):
        client = signed_in(role)
        assert client.get(case_url("case", case)).status_code == 403
        assert client.get(case_url("decision", case)).status_code == 403
        assert not AccessEvent.objects.filter(object_type="case").exists()

    def test_another_authority_cannot_see_the_case(self, signed_in, other_local_authority, case):
        york = signed_in(Role.SEND_MANAGER, organisation=other_local_authority)
        assert york.get(case_url("case", case)).status_code == 404
        assert york.get(case_url("decision", case)).status_code == 404
        response = york.post(
            case_url("decision", case), {"assess": "yes", **on("decided_on", D(2025, 4, 1))}
        )
        assert response.status_code == 404
        assert (
            york.get(reverse("casework:record_request", args=[case.person.pk])).status_code == 404
        )
        assert verbs(case) == [Verb.REQUEST_RECEIVED]

    def test_records_of_another_case_are_not_found(self, caseworker, case, person, local_authority):
        other = AdviceRequestFactory(case__person__responsible_la=local_authority)
        assessing(caseworker.user, case)
        assert caseworker.get(case_url("advice_returned", case, other.pk)).status_code == 404


class TestPersonPage:
    def test_lists_cases_with_links_to_record_more(self, caseworker, case):
        text = caseworker.get(reverse("people:detail", args=[case.person.pk])).content.decode()
        assert "EHC casework" in text
        assert case_url("case", case) in text
        assert case.reference in text
        assert "Decide whether to assess by 14 April 2025" in text
        assert reverse("casework:record_request", args=[case.person.pk]) in text
        assert reverse("casework:record_transfer_in", args=[case.person.pk]) in text

    def test_an_analyst_sees_cases_without_the_links(self, signed_in, case):
        text = (
            signed_in(Role.ANALYST)
            .get(reverse("people:detail", args=[case.person.pk]))
            .content.decode()
        )
        assert case.reference in text
        assert reverse("casework:record_request", args=[case.person.pk]) not in text
