from django.urls import path

from . import changed_strings, fact_views, po_views, views, xliff_views

app_name = "review"

urlpatterns = [
    path("", views.review_queue, name="queue"),
    path("approve/<int:page_id>/", views.approve_translation, name="approve"),
    path("refresh/<int:page_id>/", views.refresh_translation, name="refresh"),
    path("reports/<int:report_id>/resolve/", views.resolve_report, name="resolve_report"),
    path(
        "changed/<int:translation_id>/",
        changed_strings.panel_view,
        name="changed_strings",
    ),
    path(
        "changed/<int:translation_id>/<int:string_translation_id>/keep/",
        changed_strings.keep_view,
        name="keep_carried",
    ),
    path(
        "changed/<int:translation_id>/<int:string_translation_id>/machine/",
        changed_strings.take_machine_view,
        name="take_machine",
    ),
    path("facts/<int:page_id>/", fact_views.page_facts, name="facts"),
    path(
        "facts/check/<int:check_id>/override/",
        fact_views.override_finding,
        name="fact_override",
    ),
    path("po/", po_views.po_exchange_view, name="po_exchange"),
    path("po/export/<str:language_code>/", po_views.export_view, name="po_export"),
    path("po/import/<str:language_code>/", po_views.import_view, name="po_import"),
    path(
        "po/xliff/export/<str:language_code>/<str:version>/",
        xliff_views.xliff_export_view,
        name="xliff_export",
    ),
    path(
        "po/xliff/import/<str:language_code>/",
        xliff_views.xliff_import_view,
        name="xliff_import",
    ),
    path("po/tmx/<str:language_code>/", xliff_views.tmx_export_view, name="tmx_export"),
    path("po/tmx/import/<str:language_code>/", xliff_views.tmx_import_view, name="tmx_import"),
]
