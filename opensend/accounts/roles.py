"""The roles a person can hold in OpenSEND. One role per account; see docs/decisions/0003."""

from django.db import models


class Role(models.TextChoices):
    CASEWORKER = "caseworker", "Caseworker"
    SEND_MANAGER = "send_manager", "SEND manager"
    ANALYST = "analyst", "Data analyst"
    BOARD_MEMBER = "board_member", "Board member"
    DIRECTORY_EDITOR = "directory_editor", "Directory editor"
    ADMINISTRATOR = "administrator", "Administrator"


class OrganisationKind(models.TextChoices):
    LOCAL_AUTHORITY = "la", "Local authority"
    ICB = "icb", "NHS integrated care board"
    SCHOOL = "school", "School or setting"
    PROVIDER = "provider", "Service provider"
    FORUM = "forum", "Parent carer forum"
