"""The case page and one form per step of an EHC case.

Views are thin: they find the case among those the user may see (404 otherwise), check the form,
and hand the step to `casework.services`. A refusal from the service (`CaseworkError`) is shown
on the field it names, in the GOV.UK error summary as well. Every look at a case is audited.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from opensend.casework import case_summary, clock, events, services
from opensend.casework import forms as step_forms
from opensend.casework.models import Request
from opensend.casework.next_steps import assessment_of, next_step, plan_of, with_case_records
from opensend.core.access import requires
from opensend.core.audit import record_access
from opensend.people import queries as people_queries
from opensend.people.models import Person

VIEW = "casework.view_case"
CHANGE = "casework.change_case"


# --- finding records ----------------------------------------------------------------------------


def _case_or_404(user, case_id: int) -> Request:
    case = (
        with_case_records(Request.objects.visible_to(user))
        .select_related("person", "caseworker", "local_authority")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise Http404
    return case


def _person_or_404(user, person_id: int) -> Person:
    try:
        return people_queries.get_person_for(user, person_id)
    except Person.DoesNotExist:
        raise Http404 from None


def _child_or_404(queryset, pk: int):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class CaseState:
    """Which steps make sense now, read from the records of the case."""

    case: Request

    @property
    def assessment(self):
        return assessment_of(self.case)

    @property
    def plan(self):
        return plan_of(self.case)

    @property
    def is_open(self) -> bool:
        return self.case.closed_on is None and not self.case.exported_on

    @property
    def deciding(self) -> bool:
        return self.is_open and self.case.outcome == "A"

    @property
    def assessing(self) -> bool:
        assessment = self.assessment
        return self.is_open and assessment is not None and assessment.outcome == "A"

    @property
    def reassessment(self) -> bool:
        return self.case.kind == Request.Kind.REASSESSMENT

    @property
    def draft_sent(self) -> bool:
        if self.reassessment:
            return bool(self.assessment and self.assessment.reassessment_draft_on)
        return bool(self.plan and self.plan.draft_sent_on)

    @property
    def plan_live(self) -> bool:
        plan = self.plan
        return self.is_open and plan is not None and plan.is_live

    @property
    def open_review(self):
        """The review that is under way (meeting held, decision or amended plan still to come)."""
        if not self.plan:
            return None
        for review in self.plan.reviews.all():
            if review.meeting_on and review.decision_on is None:
                return review
            if review.outcome == "A" and review.amended_plan_issued_on is None:
                return review
        return None


# --- the case page ------------------------------------------------------------------------------


@requires(VIEW)
def case_detail(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    record_access(
        request,
        action="view",
        object_type="case",
        object_id=case.pk,
        person_id=case.person_id,
        purpose=request.GET.get("via", "casework")[:100],
    )
    today = timezone.localdate()
    state = CaseState(case)
    plan = state.plan
    upcoming = next_step(case, today)
    timeline = [
        {"event": event, "text": events.describe(event)}
        for event in case.events.select_related("actor")
    ]
    return render(
        request,
        "casework/case/detail.html",
        {
            "case": case,
            "person": case.person,
            "state": state,
            "assessment": state.assessment,
            "plan": plan,
            "today": today,
            "next": upcoming,
            "next_days_left": upcoming.days_left(today) if upcoming else None,
            "next_rag": upcoming.rag(today) if upcoming else "",
            "dates": case_summary.request_rows(case, state.assessment, plan),
            "reviews": [(r, case_summary.review_rows(r)) for r in plan.reviews.all()]
            if plan
            else [],
            "transfers": list(plan.phase_transfers.select_related("next_setting")) if plan else [],
            "named_settings": list(plan.named_settings.select_related("establishment"))
            if plan
            else [],
            "disputes": list(case.disputes.all()),
            "reassessments": list(plan.reassessments.all()) if plan else [],
            "timeline": timeline,
            "weeks_taken": case_summary.weeks_taken(case.received_on, plan.issued_on)
            if plan and plan.issued_on and case.received_on
            else "",
            "tag_class": case_summary.tag_class,
            "can_change": request.user.has_perm(CHANGE),
            "clock": clock,
        },
    )


# --- recording a step ---------------------------------------------------------------------------


def _record(
    request,
    *,
    form,
    run: Callable[[dict], object],
    done: str,
    title: str,
    person: Person,
    case: Request | None = None,
    intro: str = "",
    back: str = "",
):
    """Show `form`; on a valid POST run the service, or show its refusal on the named field."""
    if request.method == "POST" and form.is_valid():
        try:
            result = run(form.cleaned_data)
        except services.CaseworkError as refusal:
            field = getattr(refusal, "field", None)
            message = getattr(refusal, "message", None) or str(refusal)
            form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, done)
            target = case if case is not None else result
            return redirect("casework:case", case_id=target.pk)
    return render(
        request,
        "casework/case/step_form.html",
        {
            "form": form,
            "title": title,
            "intro": intro,
            "case": case,
            "person": person,
            "back": back
            or (
                reverse("casework:case", args=[case.pk])
                if case is not None
                else reverse("people:detail", args=[person.pk])
            ),
        },
    )


def _posted(request):
    """The submitted data on a POST (even an empty one, so blank forms show their errors)."""
    return request.POST if request.method == "POST" else None


def _not_now(request, case: Request, message: str):
    messages.info(request, message)
    return redirect("casework:case", case_id=case.pk)


@requires(CHANGE)
def record_request(request, person_id: int):
    person = _person_or_404(request.user, person_id)
    form = step_forms.RequestForm(_posted(request))
    return _record(
        request,
        form=form,
        run=lambda data: services.record_request(
            actor=request.user,
            person=person,
            received_on=data["received_on"],
            source=data["source"],
            in_youth_accommodation=data["in_youth_accommodation"],
            caseworker=request.user,
        ),
        done="Request recorded: decide whether to assess within 6 weeks",
        title="Record a request for an EHC needs assessment",
        person=person,
    )


@requires(CHANGE)
def record_transfer_in(request, person_id: int):
    person = _person_or_404(request.user, person_id)
    form = step_forms.TransferInForm(_posted(request))
    return _record(
        request,
        form=form,
        run=lambda data: services.record_transfer_in(
            actor=request.user,
            person=person,
            from_la=data["from_la"],
            transferred_on=data["transferred_on"],
            start_date=data["start_date"],
            caseworker=request.user,
        ),
        done="Plan transferred in recorded",
        title="Record an EHC plan transferred in from another local authority",
        person=person,
    )


@requires(CHANGE)
def record_decision(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    form = step_forms.DecisionForm(_posted(request))
    reassess = case.kind == Request.Kind.REASSESSMENT
    return _record(
        request,
        form=form,
        run=lambda data: services.decide_whether_to_assess(
            actor=request.user,
            case=case,
            assess=data["assess"] == "yes",
            decided_on=data["decided_on"],
        ),
        done="Decision recorded",
        title="Decide whether to re-assess" if reassess else "Decide whether to assess",
        intro="Regulation 25(1): within 15 days of the request."
        if reassess
        else "Regulation 5(1): within 6 weeks of the request.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def record_withdrawal(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    return _record(
        request,
        form=step_forms.WithdrawForm(_posted(request)),
        run=lambda data: services.withdraw(
            actor=request.user, case=case, withdrawn_on=data["withdrawn_on"]
        ),
        done="Withdrawal recorded",
        title="Record that the request was withdrawn",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def record_move_away(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    return _record(
        request,
        form=step_forms.MoveAwayForm(_posted(request)),
        run=lambda data: services.record_move_away(
            actor=request.user, case=case, to_la=data["to_la"], moved_on=data["moved_on"]
        ),
        done="Move recorded: the case is closed and passed to the new local authority",
        title="Record a move to another local authority",
        intro="SEN2 records the request as exported to the new local authority.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def request_advice(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    return _record(
        request,
        form=step_forms.AdviceRequestForm(_posted(request)),
        run=lambda data: services.request_advice(
            actor=request.user,
            case=case,
            kind=data["kind"],
            requested_on=data["requested_on"],
            adviser=data["adviser"],
        ),
        done="Advice request recorded: it is due within 6 weeks",
        title="Record a request for advice",
        intro="Regulation 8(1): advice is due within 6 weeks of asking.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def record_advice_returned(request, case_id: int, advice_id: int):
    case = _case_or_404(request.user, case_id)
    advice = _child_or_404(case.advice.all(), advice_id)
    form = step_forms.AdviceReturnedForm(
        _posted(request),
        initial={"returned_on": advice.returned_on, "quality_note": advice.quality_note},
    )
    return _record(
        request,
        form=form,
        run=lambda data: services.record_advice_returned(
            actor=request.user,
            advice=advice,
            returned_on=data["returned_on"],
            quality_note=data["quality_note"],
        ),
        done="Advice returned recorded",
        title=f"Record advice returned: {advice.get_kind_display().lower()}",
        intro=f"Requested {_day(advice.requested_on)}, due by {_day(advice.due_on)}.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def record_exception(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    assessment = assessment_of(case)
    if assessment is None:
        return _not_now(request, case, "Record an exception once the assessment has started")
    form = step_forms.ExceptionForm(
        _posted(request),
        initial={"exception": assessment.exception, "note": assessment.exception_note},
    )
    return _record(
        request,
        form=form,
        run=lambda data: services.record_exception(
            actor=request.user, case=case, exception=data["exception"], note=data["note"]
        ),
        done="20-week exception updated",
        title="Record an exception to the 20-week limit",
        intro="The due dates do not move: the case is left out of the "
        "\u201cwithin 20 weeks, excluding exceptions\u201d figure.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def record_no_plan(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    return _record(
        request,
        form=step_forms.NoPlanForm(_posted(request)),
        run=lambda data: services.decide_not_to_issue(
            actor=request.user, case=case, decided_on=data["decided_on"]
        ),
        done="Decision not to issue a plan recorded",
        title="Record a decision not to issue a plan",
        intro="Regulation 10(1): within 16 weeks of the request.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def send_draft(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    return _record(
        request,
        form=step_forms.DraftPlanForm(_posted(request)),
        run=lambda data: services.send_draft_plan(
            actor=request.user, case=case, sent_on=data["sent_on"]
        ),
        done="Draft plan sent: the family has 15 days to comment",
        title="Record that the draft plan was sent",
        intro="Regulation 13(1) and section 38: the family has at least 15 days to comment "
        "and ask for a school or college to be named.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def issue_plan(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    return _record(
        request,
        form=step_forms.IssuePlanForm(_posted(request)),
        run=lambda data: services.issue_plan(
            actor=request.user,
            case=case,
            issued_on=data["issued_on"],
            start_date=data["start_date"],
        ),
        done="Final plan issued",
        title="Record that the final plan was issued",
        intro="Regulation 13(2): within 20 weeks of the request.",
        case=case,
        person=case.person,
    )


def _live_plan_or_redirect(request, case: Request, doing: str):
    plan = plan_of(case)
    if plan is None or plan.issued_on is None:
        return None, _not_now(request, case, f"{doing} once the final plan has been issued")
    return plan, None


@requires(CHANGE)
def name_setting(request, case_id: int, rank: int):
    case = _case_or_404(request.user, case_id)
    if rank not in (1, 2):
        raise Http404
    plan = plan_of(case)
    if plan is None:
        return _not_now(request, case, "Name a setting once the draft plan has been sent")
    current = plan.named_settings.filter(rank=rank).first()
    initial = {}
    if current is not None:
        initial = {
            name: getattr(current, name)
            for name in (
                "establishment",
                "sen_setting",
                "sen_setting_other",
                "in_sen_unit",
                "in_resourced_provision",
            )
        }
    return _record(
        request,
        form=step_forms.NamedSettingForm(_posted(request), initial=initial),
        run=lambda data: services.name_setting(actor=request.user, plan=plan, rank=rank, **data),
        done="Setting named in the plan",
        title="Name the main setting" if rank == 1 else "Name a second setting",
        intro="SEN2 4.7: the school, college or other setting named in section I of the plan.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def change_plan_details(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    plan = plan_of(case)
    if plan is None:
        return _not_now(request, case, "Record the plan's details once the draft has been sent")
    names = list(step_forms.PlanDetailsForm.base_fields)
    form = step_forms.PlanDetailsForm(
        _posted(request), initial={name: getattr(plan, name) for name in names}
    )
    return _record(
        request,
        form=form,
        run=lambda data: services.change_plan_details(actor=request.user, plan=plan, **data),
        done="Plan details saved",
        title="Personal budget and plan details",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def record_review_meeting(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    plan, elsewhere = _live_plan_or_redirect(request, case, "Record a review")
    if elsewhere:
        return elsewhere
    return _record(
        request,
        form=step_forms.ReviewMeetingForm(_posted(request)),
        run=lambda data: services.record_review_meeting(
            actor=request.user, plan=plan, meeting_on=data["meeting_on"]
        ),
        done="Review meeting recorded: the decision is due within 4 weeks",
        title="Record an annual review meeting",
        intro="Section 44: the plan is reviewed at least every 12 months.",
        case=case,
        person=case.person,
    )


REVIEW_STEPS = {
    "report": (
        step_forms.ReviewReportForm,
        "Record that the review report was sent",
        "Review report recorded",
    ),
    "decision": (
        step_forms.ReviewDecisionForm,
        "Record the decision after the review",
        "Review decision recorded",
    ),
    "draft": (
        step_forms.AmendmentDraftForm,
        "Record that the draft amended plan was sent",
        "Draft amended plan recorded",
    ),
    "amended": (
        step_forms.AmendedPlanForm,
        "Record that the final amended plan was issued",
        "Final amended plan recorded",
    ),
}


def _review_service(step: str, actor, review, data: dict):
    if step == "report":
        return services.record_review_report(actor=actor, review=review, sent_on=data["sent_on"])
    if step == "decision":
        return services.record_review_decision(
            actor=actor, review=review, decided_on=data["decided_on"], outcome=data["outcome"]
        )
    if step == "draft":
        return services.send_amendment_draft(actor=actor, review=review, sent_on=data["sent_on"])
    return services.issue_amended_plan(actor=actor, review=review, issued_on=data["issued_on"])


def _review_step(step: str):
    form_class, title, done = REVIEW_STEPS[step]

    @requires(CHANGE)
    def view(request, case_id: int, review_id: int):
        case = _case_or_404(request.user, case_id)
        plan = plan_of(case)
        if plan is None:
            raise Http404
        review = _child_or_404(plan.reviews.all(), review_id)
        intro = f"Review meeting {_day(review.meeting_on)}." if review.meeting_on else ""
        return _record(
            request,
            form=form_class(_posted(request)),
            run=lambda data: _review_service(step, request.user, review, data),
            done=done,
            title=title,
            intro=intro,
            case=case,
            person=case.person,
        )

    view.__name__ = f"review_{step}"
    return view


review_report = _review_step("report")
review_decision = _review_step("decision")
review_draft = _review_step("draft")
review_amended = _review_step("amended")


@requires(CHANGE)
def start_phase_transfer(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    plan, elsewhere = _live_plan_or_redirect(request, case, "Record a phase transfer")
    if elsewhere:
        return elsewhere
    return _record(
        request,
        form=step_forms.PhaseTransferForm(_posted(request)),
        run=lambda data: services.start_phase_transfer(
            actor=request.user,
            plan=plan,
            move=data["move"],
            transfer_year=data["transfer_year"],
            next_setting=data["next_setting"],
        ),
        done="Phase transfer recorded",
        title="Record a phase transfer",
        intro="Regulation 18: the plan is amended by 15 February of the year of transfer, "
        "or 31 March for a move into post-16 education.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def record_phase_transfer_plan(request, case_id: int, transfer_id: int):
    case = _case_or_404(request.user, case_id)
    plan = plan_of(case)
    if plan is None:
        raise Http404
    transfer = _child_or_404(plan.phase_transfers.all(), transfer_id)
    form = step_forms.PhaseTransferIssuedForm(
        _posted(request), initial={"next_setting": transfer.next_setting_id}
    )
    return _record(
        request,
        form=form,
        run=lambda data: services.issue_phase_transfer_plan(
            actor=request.user,
            transfer=transfer,
            issued_on=data["issued_on"],
            next_setting=data["next_setting"],
        ),
        done="Amended plan for the phase transfer recorded",
        title="Record the plan amended for the phase transfer",
        intro=f"{transfer.get_move_display()} in {transfer.transfer_year}: "
        f"due by {_day(transfer.deadline)}.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def cease_plan(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    plan, elsewhere = _live_plan_or_redirect(request, case, "Cease the plan")
    if elsewhere:
        return elsewhere
    return _record(
        request,
        form=step_forms.CeaseForm(_posted(request)),
        run=lambda data: services.cease_plan(
            actor=request.user, plan=plan, ceased_on=data["ceased_on"], reason=data["reason"]
        ),
        done="Plan ceased",
        title="Record that the plan ceased",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def request_reassessment(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    plan, elsewhere = _live_plan_or_redirect(request, case, "Record a re-assessment")
    if elsewhere:
        return elsewhere
    form = step_forms.ReassessmentForm(_posted(request))
    return _record(
        request,
        form=form,
        run=lambda data: services.record_request(
            actor=request.user,
            person=case.person,
            received_on=data["received_on"],
            source=data["source"],
            kind=Request.Kind.REASSESSMENT,
            caseworker=case.caseworker or request.user,
            reassessed_plan=plan,
        ),
        done="Request for a re-assessment recorded: decide within 15 days",
        title="Record a request for a re-assessment",
        intro="Regulation 25(1): decide whether to re-assess within 15 days of the request.",
        person=case.person,
        back=reverse("casework:case", args=[case.pk]),
    )


@requires(CHANGE)
def record_dispute(request, case_id: int):
    case = _case_or_404(request.user, case_id)
    return _record(
        request,
        form=step_forms.DisputeForm(_posted(request)),
        run=lambda data: services.record_dispute(
            actor=request.user,
            case=case,
            decision=data["decision"],
            decision_on=data["decision_on"],
        ),
        done="Disagreement recorded",
        title="Record a disagreement with a decision",
        intro="Regulation 33: the family contacts a mediation adviser within 2 months of the "
        "decision letter before appealing to the Tribunal.",
        case=case,
        person=case.person,
    )


@requires(CHANGE)
def update_dispute(request, case_id: int, dispute_id: int):
    case = _case_or_404(request.user, case_id)
    dispute = _child_or_404(case.disputes.all(), dispute_id)
    form = step_forms.DisputeUpdateForm(
        _posted(request), initial=step_forms.DisputeUpdateForm.initial_from(dispute)
    )
    return _record(
        request,
        form=form,
        run=lambda data: services.update_dispute(actor=request.user, dispute=dispute, **data),
        done="Disagreement updated",
        title="Mediation and appeal",
        intro=f"{dispute.get_decision_display()}: decision letter {_day(dispute.decision_on)}. "
        f"Mediation adviser to be contacted by {_day(dispute.mediation_contact_due_on)}; "
        f"appeal by {_day(dispute.appeal_due_on)}.",
        case=case,
        person=case.person,
    )


def _day(value) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""
