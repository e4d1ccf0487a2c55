"""``python -m devtools.azure_server --port 8766``: serve until interrupted."""

import argparse

from .server import LocalAzureServer


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Local Azure AI Translator-compatible server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--key", action="append", help="accepted key (default: none needed)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    server = LocalAzureServer(args.host, args.port, keys=args.key, quiet=not args.verbose)
    server.serve_until_interrupted("Local Azure Translator server")


if __name__ == "__main__":
    main()
