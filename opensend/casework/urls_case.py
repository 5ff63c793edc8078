"""The case page and the form for each step of an EHC case (`casework:` names)."""

from django.urls import path

from opensend.casework.views import case as views

CASE = "cases/<int:case_id>/"

urlpatterns = [
    path(CASE, views.case_detail, name="case"),
    path("people/<int:person_id>/requests/new/", views.record_request, name="record_request"),
    path(
        "people/<int:person_id>/transfer-in/", views.record_transfer_in, name="record_transfer_in"
    ),
    path(CASE + "decision/", views.record_decision, name="decision"),
    path(CASE + "withdraw/", views.record_withdrawal, name="withdraw"),
    path(CASE + "move-away/", views.record_move_away, name="move_away"),
    path(CASE + "advice/new/", views.request_advice, name="request_advice"),
    path(CASE + "advice/<int:advice_id>/", views.record_advice_returned, name="advice_returned"),
    path(CASE + "exception/", views.record_exception, name="exception"),
    path(CASE + "no-plan/", views.record_no_plan, name="no_plan"),
    path(CASE + "draft/", views.send_draft, name="draft"),
    path(CASE + "issue/", views.issue_plan, name="issue"),
    path(CASE + "plan/settings/<int:rank>/", views.name_setting, name="named_setting"),
    path(CASE + "plan/details/", views.change_plan_details, name="plan_details"),
    path(CASE + "reviews/meeting/", views.record_review_meeting, name="review_meeting"),
    path(CASE + "reviews/<int:review_id>/report/", views.review_report, name="review_report"),
    path(CASE + "reviews/<int:review_id>/decision/", views.review_decision, name="review_decision"),
    path(CASE + "reviews/<int:review_id>/draft/", views.review_draft, name="review_draft"),
    path(CASE + "reviews/<int:review_id>/amended/", views.review_amended, name="review_amended"),
    path(CASE + "phase-transfers/new/", views.start_phase_transfer, name="phase_transfer"),
    path(
        CASE + "phase-transfers/<int:transfer_id>/",
        views.record_phase_transfer_plan,
        name="phase_transfer_plan",
    ),
    path(CASE + "cease/", views.cease_plan, name="cease"),
    path(CASE + "disputes/new/", views.record_dispute, name="dispute"),
    path(CASE + "disputes/<int:dispute_id>/", views.update_dispute, name="dispute_update"),
    path(CASE + "reassess/", views.request_reassessment, name="reassess"),
]
