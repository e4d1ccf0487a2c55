"""`make bench-facts`: precision and recall of the facts guard on the test corpus.

Recall: the share of corrupted translations that get at least one error. Precision: the
detected corruptions against those plus the correct translations that get an error (a
false alarm); "clean" is the share of correct translations with no error at all. Both per
language and per fact kind (the kind a corruption changed; a false alarm counts against
the kind of the error it raised).
"""

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from core.facts.guard import LANGUAGES, check
from devtools.facts_corruptions import corruptions

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "review" / "facts_corpus"
TARGET = 0.98


def load_corpus(directory: Path = CORPUS) -> list[dict]:
    entries: list[dict] = []
    for path in sorted(directory.glob("*.json")):
        entries.extend(json.loads(path.read_text(encoding="utf-8")))
    return entries


@dataclass
class Tally:
    detected: int = 0
    missed: int = 0
    false_alarms: int = 0
    clean: int = 0
    correct: int = 0
    misses: list = field(default_factory=list)
    alarms: list = field(default_factory=list)

    @property
    def recall(self) -> float:
        total = self.detected + self.missed
        return self.detected / total if total else 1.0

    @property
    def precision(self) -> float:
        flagged = self.detected + self.false_alarms
        return self.detected / flagged if flagged else 1.0

    @property
    def clean_rate(self) -> float:
        return self.clean / self.correct if self.correct else 1.0


def measure(entries: list[dict]) -> tuple[dict, dict]:
    """Tallies per language and per (language, kind)."""
    by_language: dict[str, Tally] = defaultdict(Tally)
    by_kind: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for entry in entries:
        protected = entry.get("protected", ())
        for language in LANGUAGES:
            if language not in entry:
                continue
            findings = check(entry["sv"], entry[language], language, protected)
            errors = [f for f in findings if f.is_error]
            tally = by_language[language]
            tally.correct += 1
            if errors:
                tally.false_alarms += 1
                tally.alarms.append((entry["id"], [(f.kind, f.form) for f in errors]))
                for finding in errors:
                    by_kind[(language, finding.kind)].false_alarms += 1
            else:
                tally.clean += 1
            for corruption in corruptions(entry, language):
                found = any(
                    f.is_error for f in check(entry["sv"], corruption.text, language, protected)
                )
                kind_tally = by_kind[(language, corruption.kind)]
                if found:
                    tally.detected += 1
                    kind_tally.detected += 1
                else:
                    tally.missed += 1
                    kind_tally.missed += 1
                    tally.misses.append((entry["id"], corruption.operator, corruption.text))
    return dict(by_language), dict(by_kind)


def report(by_language: dict, by_kind: dict, verbose: bool = False) -> str:
    lines = [
        "Facts guard on the corpus: correct translations and generated corruptions",
        "",
        f"{'lang':<5}{'correct':>8}{'clean':>8}{'corrupted':>10}{'caught':>8}"
        f"{'recall':>8}{'precision':>10}",
    ]
    for language in LANGUAGES:
        t = by_language.get(language)
        if t is None:
            continue
        lines.append(
            f"{language:<5}{t.correct:>8}{t.clean_rate:>8.3f}{t.detected + t.missed:>10}"
            f"{t.detected:>8}{t.recall:>8.3f}{t.precision:>10.3f}"
        )
    kinds = sorted({kind for _language, kind in by_kind})
    lines += ["", "Recall per fact kind (corruptions caught / made); precision where not 1.000", ""]
    lines.append(f"{'kind':<16}" + "".join(f"{language:>11}" for language in LANGUAGES))
    for kind in kinds:
        cells = []
        for language in LANGUAGES:
            t = by_kind.get((language, kind))
            if t is None:
                cells.append(f"{'-':>11}")
                continue
            made = t.detected + t.missed
            cell = f"{t.detected}/{made}" if made else "0/0"
            if t.false_alarms:
                cell += f" p{t.precision:.2f}"
            cells.append(f"{cell:>11}")
        lines.append(f"{kind:<16}" + "".join(cells))
    if verbose:
        for language in LANGUAGES:
            t = by_language.get(language)
            for entry_id, errors in t.alarms if t else []:
                lines.append(f"false alarm {language} {entry_id}: {errors}")
            for entry_id, operator, text in t.misses if t else []:
                lines.append(f"missed {language} {entry_id} {operator}: {text}")
    return "\n".join(lines)


def meets_targets(by_language: dict) -> bool:
    return all(t.recall >= TARGET and t.precision >= TARGET for t in by_language.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    entries = load_corpus()
    by_language, by_kind = measure(entries)
    print(f"{len(entries)} Swedish strings, {len(LANGUAGES)} languages")
    print(report(by_language, by_kind, verbose=args.verbose))
    ok = meets_targets(by_language)
    print(
        f"\ntarget recall and precision >= {TARGET} in every language: {'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
