"""The one way a service function saves a record: stamped with who did it, history included."""


def save_as(instance, actor):
    """Save `instance` as `actor`: simple-history records them as the author of the change, and
    records with created_by/modified_by say who created and last changed them."""
    instance._history_user = actor
    if instance.pk is None and hasattr(instance, "created_by_id"):
        instance.created_by = actor
    if hasattr(instance, "modified_by_id"):
        instance.modified_by = actor
    instance.save()
    return instance
