"""The straightforward ORUK list page the benchmark compares with: the ORM's default order, each
service's provider fetched when it is read (one query per row), a dict built field by field.
Served beside OpenSEND's own URLs so both go through the same middleware."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.urls import path

from opensend.directory.models import Service
from opensend.urls import urlpatterns as opensend_urls

PER_PAGE = 50


@login_not_required
def reference_services(request):
    page = int(request.GET.get("page", "1"))
    services = Service.objects.filter(is_published=True).order_by("name", "id")
    total = services.count()
    contents = []
    for service in services[(page - 1) * PER_PAGE : page * PER_PAGE]:
        item = {
            "id": str(service.id),
            "name": service.name,
            "description": service.description,
            "status": service.status,
            "url": service.url or None,
            "email": service.email or None,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.assured_date.isoformat() if service.assured_date else None,
            "organization": {
                "id": str(service.provider.id),
                "name": service.provider.name,
                "description": service.provider.description,
            },
        }
        contents.append({k: v for k, v in item.items() if v not in (None, "")})
    pages = -(-total // PER_PAGE)
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= pages,
            "empty": not contents,
            "contents": contents,
        }
    )


urlpatterns = [path("reference/services", reference_services), *opensend_urls]
