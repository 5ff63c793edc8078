"""Who may do what: named predicates and the permissions built from them.

Deny by default: a permission not named here is refused to everyone except superusers (who
only use the Django admin). Which records a permitted user can see is a separate question,
answered by each app's `visible_to(user)` query.

| permission | who |
|---|---|
| core.use_service | anyone with a role |
| people.view_person | caseworker, SEND manager, analyst |
| people.add_person, people.change_person | caseworker, SEND manager |
| people.export_register | SEND manager, analyst |
| people.import_register | SEND manager, analyst |
| casework.view_case | caseworker, SEND manager, analyst |
| casework.change_case | caseworker, SEND manager |
| casework.export_casework | caseworker, SEND manager, analyst |
| casework.view_team, casework.assign_case | SEND manager |
| returns.prepare_sen2 (export, check, statistics, header details) | SEND manager, analyst |
| returns.import_sen2 | SEND manager, analyst |
| directory.edit_services (propose changes to own services) | directory editor, administrator |
| directory.review_changes (approve, import, taxonomies...) | LA directory editor, administrator |
| core.view_audit | administrator |
| accounts.manage_users | administrator |
"""

import rules

from opensend.accounts.roles import OrganisationKind, Role


def role_is(*roles: str):
    @rules.predicate(name=f"role in {roles}")
    def predicate(user) -> bool:
        return bool(user and user.is_authenticated and user.is_active and user.role in roles)

    return predicate


is_caseworker = role_is(Role.CASEWORKER)
is_send_manager = role_is(Role.SEND_MANAGER)
is_analyst = role_is(Role.ANALYST)
is_board_member = role_is(Role.BOARD_MEMBER)
is_directory_editor = role_is(Role.DIRECTORY_EDITOR)
is_administrator = role_is(Role.ADMINISTRATOR)
has_any_role = role_is(*Role.values)

works_with_people = is_caseworker | is_send_manager | is_analyst

rules.add_perm("core.use_service", has_any_role)
rules.add_perm("core.view_audit", is_administrator)
rules.add_perm("people.view_person", works_with_people)
rules.add_perm("people.add_person", is_caseworker | is_send_manager)
rules.add_perm("people.change_person", is_caseworker | is_send_manager)
rules.add_perm("people.export_register", is_send_manager | is_analyst)
rules.add_perm("people.import_register", is_send_manager | is_analyst)
rules.add_perm("casework.view_case", works_with_people)
rules.add_perm("casework.change_case", is_caseworker | is_send_manager)
rules.add_perm("casework.export_casework", works_with_people)
rules.add_perm("casework.view_team", is_send_manager)
rules.add_perm("casework.assign_case", is_send_manager)
rules.add_perm("returns.prepare_sen2", is_send_manager | is_analyst)
rules.add_perm("returns.import_sen2", is_send_manager | is_analyst)
rules.add_perm("accounts.manage_users", is_administrator)


@rules.predicate
def works_for_local_authority(user) -> bool:
    organisation = getattr(user, "organisation", None)
    return organisation is not None and organisation.kind == OrganisationKind.LOCAL_AUTHORITY


rules.add_perm("directory.edit_services", is_directory_editor | is_administrator)
rules.add_perm(
    "directory.review_changes",
    (is_directory_editor & works_for_local_authority) | is_administrator,
)
