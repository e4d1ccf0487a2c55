"""An S3-compatible stand-in on loopback for ``make topology`` (moto, a test dependency).

    python -m devtools.s3_standin --port 8177 --bucket portal-media

serves the S3 API on 127.0.0.1 until interrupted, with one bucket carrying the policy
docs/hosting.md asks of a real bucket (anyone may read objects, nobody may list them; moto
does not enforce it). Its contents live in memory and are gone when it stops.
"""

import argparse
import json
import signal
import threading

REGION = "eu-north-1"
KEY = "topology"  # moto accepts any credentials


def public_read(bucket: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/*",
                }
            ],
        }
    )


def main() -> None:
    import boto3
    from moto.server import ThreadedMotoServer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--bucket", required=True)
    arguments = parser.parse_args()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=arguments.port, verbose=False)
    server.start()
    client = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{arguments.port}",
        region_name=REGION,
        aws_access_key_id=KEY,
        aws_secret_access_key=KEY,
    )
    client.create_bucket(
        Bucket=arguments.bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    client.put_bucket_policy(Bucket=arguments.bucket, Policy=public_read(arguments.bucket))
    print(f"S3 stand-in on http://127.0.0.1:{arguments.port}/{arguments.bucket}", flush=True)

    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_args: stopped.set())
    try:
        while not stopped.wait(1):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
