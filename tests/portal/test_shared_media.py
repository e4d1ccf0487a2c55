"""Images and documents on S3-compatible storage, against a local S3 server the tests start.

moto's ThreadedMotoServer answers the S3 API on 127.0.0.1 (never the internet). The settings
are those `portal/settings/media.py` derives from the environment, so the same code path runs
as in production with AWS_STORAGE_BUCKET_NAME set.
"""

import io
import json
import socket
import urllib.request
from pathlib import Path

from django.core.files.storage import default_storage

from wagtail.documents.models import Document
from wagtail.images.models import Image

import environ
import pytest
from PIL import Image as PillowImage

from devtools import builders
from portal.settings.environment import Environment
from portal.settings.media import media_origin, s3_storage

boto3 = pytest.importorskip("boto3")
moto_server = pytest.importorskip("moto.server")

BUCKET = "nassjo-media-test"
REGION = "eu-north-1"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def environment(**variables) -> Environment:
    env = environ.Env()
    env.ENVIRON = dict(variables)
    return Environment(env)


@pytest.fixture
def s3_environment(s3_server, monkeypatch):
    return environment(
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_server,
        AWS_S3_REGION_NAME=REGION,
        AWS_ACCESS_KEY_ID="test-key",
        AWS_SECRET_ACCESS_KEY="test-secret",
        AWS_S3_ADDRESSING_STYLE="path",
    )


@pytest.fixture
def bucket(s3_server, s3_environment, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name=REGION,
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    # As docs/hosting.md asks of a real bucket: anyone may read objects, nobody may list them.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(s3_environment)}
    settings.PORTAL_MEDIA_ORIGINS = [media_origin(s3_environment)]
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def png(width=1200, height=800) -> bytes:
    data = io.BytesIO()
    PillowImage.new("RGB", (width, height), (0, 84, 138)).save(data, "PNG")
    return data.getvalue()


def local_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("lead", "lead@example.invalid", "pw")


def test_an_uploaded_image_and_its_rendition_live_in_the_bucket(
    client, tree, superuser, bucket, settings, s3_server
):
    client.force_login(superuser)
    upload = io.BytesIO(png())
    upload.name = "vanort.png"
    response = client.post("/admin/images/add/", {"title": "Vänort", "file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    image = Image.objects.get(title="Vänort")
    assert f"original_images/{Path(image.file.name).name}" in keys(bucket)

    news = builders.NewsPageFactory(
        parent=tree["news"], title="Vänorter", image=image, image_alt="Två flaggor"
    )
    news.save_revision().publish()
    client.logout()
    page = client.get(news.url)
    assert page.status_code == 200
    rendition = image.get_rendition("width-960")
    assert rendition.url.startswith(f"{s3_server}/{BUCKET}/")
    assert f'src="{rendition.url}"' in page.content.decode()
    assert s3_server in page["Content-Security-Policy"]

    with urllib.request.urlopen(rendition.url, timeout=10) as fetched:  # noqa: S310
        served = PillowImage.open(io.BytesIO(fetched.read()))
    assert served.size == (960, 640)
    assert rendition.file.name in keys(bucket)
    assert local_files(settings) == []


def test_a_document_is_stored_in_the_bucket_and_served_through_wagtail(
    client, superuser, bucket, settings
):
    client.force_login(superuser)
    upload = io.BytesIO(b"Ansokan om utbyte\n")
    upload.name = "ansokan.txt"
    response = client.post("/admin/documents/add/", {"title": "Ansökan", "file": upload})
    assert response.status_code == 302
    document = Document.objects.get(title="Ansökan")
    assert document.file.name in keys(bucket)

    client.logout()
    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"Ansokan om utbyte\n"
    assert local_files(settings) == []


def test_without_a_bucket_media_stay_on_the_local_disk(db, settings):
    assert s3_storage(environment()) is None
    assert media_origin(environment()) == ""
    assert "FileSystemStorage" in settings.STORAGES["default"]["BACKEND"]
    name = default_storage.save("images/local.txt", io.BytesIO(b"x"))
    assert (Path(settings.MEDIA_ROOT) / name).is_file()


@pytest.mark.parametrize(
    ("variables", "origin"),
    [
        ({"AWS_S3_CUSTOM_DOMAIN": "media.example.se"}, "https://media.example.se"),
        ({"AWS_S3_REGION_NAME": "eu-north-1"}, f"https://{BUCKET}.s3.eu-north-1.amazonaws.com"),
        (
            {"AWS_S3_ENDPOINT_URL": "https://s3.example.se", "AWS_S3_ADDRESSING_STYLE": "path"},
            "https://s3.example.se",
        ),
        ({"AWS_S3_ENDPOINT_URL": "https://s3.example.se"}, f"https://{BUCKET}.s3.example.se"),
    ],
)
def test_the_content_security_policy_allows_the_media_origin(variables, origin):
    env = environment(AWS_STORAGE_BUCKET_NAME=BUCKET, **variables)
    assert media_origin(env) == origin
    options = s3_storage(env)["OPTIONS"]
    assert options["querystring_auth"] is False
    assert "access_key" not in options  # left to boto3's own credential chain
