"""wagtail-localize's translation sources for many new pages, in a few INSERTs.

``TranslationSource.get_or_create_from_instance`` extracts a page and writes each segment
with a get-or-create of its string, its context and itself: some 200 queries a page,
most of the scale demo's time. This writes the same rows in bulk, from the same
extraction (``extract_segments``) and with wagtail-localize's own hashes and field paths,
for pages that have no source yet. String, template (rich text) and overridable segments
are handled: the scale demo's page types have no other kind (related snippets), and a page
that had one is refused rather than half extracted.
"""

import json
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    String,
    StringSegment,
    Template,
    TemplateSegment,
    TranslatableObject,
    TranslationContext,
    TranslationSource,
    get_schema_version,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

BATCH = 1000


def _field_path(context: TranslationContext, instance) -> str:
    """wagtail-localize's field path of ``context``, computed without saving it."""
    context.save = lambda **_kwargs: None  # get_field_path saves what it computes
    try:
        return context.get_field_path(instance)
    finally:
        del context.save


def create_sources(pages: list[Page]) -> dict[int, TranslationSource]:
    """A ``TranslationSource`` with its segments for each of ``pages`` (by page id)."""
    base = ContentType.objects.get_for_model(Page)
    TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(translation_key=page.translation_key, content_type=base)
            for page in pages
        ],
        ignore_conflicts=True,
    )
    now = timezone.now()
    sources = {
        page.pk: TranslationSource(
            object_id=page.translation_key,
            specific_content_type=ContentType.objects.get_for_model(type(page)),
            locale_id=page.locale_id,
            object_repr=str(page)[:200],
            content_json=page.to_json(),
            schema_version=get_schema_version(page._meta.app_label),
            created_at=now,
            last_updated_at=now,
        )
        for page in pages
    }
    TranslationSource.objects.bulk_create(sources.values(), batch_size=BATCH)

    extracted = {page.pk: extract_segments(page) for page in pages}
    texts, contexts, templates = {}, {}, {}
    for page in pages:
        for segment in extracted[page.pk]:
            kinds = StringSegmentValue | OverridableSegmentValue | TemplateSegmentValue
            if not isinstance(segment, kinds):
                raise ValueError(f"{page}: a {type(segment).__name__} needs refresh_segments()")
            if isinstance(segment, StringSegmentValue):
                data = segment.string.data
                texts[String._get_data_hash(data)] = data
            if isinstance(segment, TemplateSegmentValue):
                templates[_template_uuid(segment)] = segment
            path_id = TranslationContext._get_path_id(segment.path)
            if (page.translation_key, path_id) not in contexts:
                context = TranslationContext(
                    object_id=page.translation_key, path=segment.path, path_id=path_id
                )
                context.field_path = _field_path(context, page)
                contexts[page.translation_key, path_id] = context
    locale_ids = {page.locale_id for page in pages}
    (locale_id,) = locale_ids
    String.objects.bulk_create(
        [String(locale_id=locale_id, data_hash=key, data=data) for key, data in texts.items()],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    string_ids = dict(
        String.objects.filter(locale_id=locale_id, data_hash__in=list(texts)).values_list(
            "data_hash", "pk"
        )
    )
    Template.objects.bulk_create(
        [
            Template(
                uuid=key,
                template=value.template,
                template_format=value.format,
                string_count=value.string_count,
            )
            for key, value in templates.items()
        ],
        ignore_conflicts=True,
    )
    template_ids = dict(Template.objects.filter(uuid__in=list(templates)).values_list("uuid", "pk"))
    TranslationContext.objects.bulk_create(
        contexts.values(), batch_size=BATCH, ignore_conflicts=True
    )
    context_ids = {
        (object_id, path_id): pk
        for pk, object_id, path_id in TranslationContext.objects.filter(
            object_id__in=[page.translation_key for page in pages]
        ).values_list("pk", "object_id", "path_id")
    }
    strings, overridables, template_rows = [], [], []
    for page in pages:
        source = sources[page.pk]
        for segment in extracted[page.pk]:
            context_id = context_ids[
                page.translation_key, TranslationContext._get_path_id(segment.path)
            ]
            if isinstance(segment, StringSegmentValue):
                strings.append(
                    StringSegment(
                        source=source,
                        string_id=string_ids[String._get_data_hash(segment.string.data)],
                        context_id=context_id,
                        order=segment.order,
                        attrs=json.dumps(segment.attrs, cls=DjangoJSONEncoder),
                    )
                )
            elif isinstance(segment, TemplateSegmentValue):
                template_rows.append(
                    TemplateSegment(
                        source=source,
                        context_id=context_id,
                        order=segment.order,
                        template_id=template_ids[_template_uuid(segment)],
                    )
                )
            else:
                overridables.append(
                    OverridableSegment(
                        source=source,
                        context_id=context_id,
                        order=segment.order,
                        data_json=json.dumps(segment.data, cls=DjangoJSONEncoder),
                    )
                )
    StringSegment.objects.bulk_create(strings, batch_size=BATCH)
    OverridableSegment.objects.bulk_create(overridables, batch_size=BATCH)
    TemplateSegment.objects.bulk_create(template_rows, batch_size=BATCH)
    return sources


def _template_uuid(value: TemplateSegmentValue):
    """``Template.from_value``'s key of a template."""
    namespace = uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format)
    return uuid.uuid5(namespace, value.template)
