"""Where images and documents are stored: S3-compatible storage when a bucket is named.

With ``AWS_STORAGE_BUCKET_NAME`` set, uploads, originals and renditions go through
django-storages' S3 backend (AWS S3 or any S3-compatible service: MinIO, Ceph, a cloud
provider's object storage), so that every application host sees the same files and none
keeps anything on its own disk. Without it, media stay in ``MEDIA_ROOT`` on the local disk.

URLs are public and unsigned (``querystring_auth`` off): a signed URL expires, and a cached
page would then show broken images. Images are public anyway; documents are served through
Wagtail's own view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which applies collection
privacy, so the bucket needs no public access for them. The bucket (or the CDN in front of
it, ``AWS_S3_CUSTOM_DOMAIN``) must let readers fetch images.
"""

from urllib.parse import urlsplit

from .environment import Environment


def s3_storage(env: Environment) -> dict | None:
    """The ``STORAGES["default"]`` entry for S3, or None for the local disk."""
    if not env.AWS_STORAGE_BUCKET_NAME:
        return None
    options = {
        "bucket_name": env.AWS_STORAGE_BUCKET_NAME,
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,
    }
    # Unset values are left to boto3's own chain (environment, instance role, config file).
    optional = {
        "endpoint_url": env.AWS_S3_ENDPOINT_URL,
        "region_name": env.AWS_S3_REGION_NAME,
        "access_key": env.AWS_ACCESS_KEY_ID,
        "secret_key": env.AWS_SECRET_ACCESS_KEY,
        "custom_domain": env.AWS_S3_CUSTOM_DOMAIN,
        "addressing_style": env.AWS_S3_ADDRESSING_STYLE,
        "location": env.AWS_LOCATION,
    }
    options.update({key: value for key, value in optional.items() if value})
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origin(env: Environment) -> str:
    """The origin images are loaded from, for the Content-Security-Policy; "" for 'self'."""
    if not env.AWS_STORAGE_BUCKET_NAME:
        return ""
    if env.AWS_S3_CUSTOM_DOMAIN:
        return f"https://{env.AWS_S3_CUSTOM_DOMAIN}"
    if env.AWS_S3_ENDPOINT_URL:
        parts = urlsplit(env.AWS_S3_ENDPOINT_URL)
        if env.AWS_S3_ADDRESSING_STYLE == "path":
            return f"{parts.scheme}://{parts.netloc}"
        return f"{parts.scheme}://{env.AWS_STORAGE_BUCKET_NAME}.{parts.netloc}"
    region = f".{env.AWS_S3_REGION_NAME}" if env.AWS_S3_REGION_NAME else ""
    return f"https://{env.AWS_STORAGE_BUCKET_NAME}.s3{region}.amazonaws.com"
