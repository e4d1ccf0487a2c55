"""``python -m devtools.deepl_server --port 8765``: serve until interrupted."""

import argparse

from .server import LocalDeepLServer


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Local DeepL-compatible API server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--character-limit",
        type=int,
        default=1_000_000_000,
        help="characters before the server answers 456 (quota exceeded)",
    )
    parser.add_argument(
        "--text-only",
        default=None,
        help="target codes reported and treated as text-only, e.g. FA,UK "
        "(default: $LOCAL_DEEPL_TEXT_ONLY, else FA)",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    server = LocalDeepLServer(
        args.host,
        args.port,
        character_limit=args.character_limit,
        quiet=not args.verbose,
        text_only_targets=args.text_only,
    )
    server.serve_until_interrupted("Local DeepL server")


if __name__ == "__main__":
    main()
