from django.urls import path

from opensend.accounts import manage_views, views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("signed-out/", views.signed_out, name="signed-out"),
    path("account/two-factor/set-up/", views.two_factor_setup, name="two-factor-setup"),
    path("account/two-factor/", views.two_factor_verify, name="two-factor-verify"),
    path(
        "account/set-password/<str:uidb64>/<str:token>/",
        manage_views.set_password,
        name="set-password",
    ),
    path("accounts/", manage_views.user_list, name="users"),
    path("accounts/new/", manage_views.user_create, name="user-create"),
    path("accounts/<int:user_id>/", manage_views.user_edit, name="user-edit"),
    path(
        "accounts/<int:user_id>/sign-in-link/",
        manage_views.user_sign_in_link,
        name="user-sign-in-link",
    ),
    path(
        "accounts/<int:user_id>/reset-second-factor/",
        manage_views.user_reset_second_factor,
        name="user-reset-second-factor",
    ),
]
