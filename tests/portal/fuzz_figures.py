"""The fuzz suite's figures: how many requests each fuzz test sent and how they were answered.

Every test of tests/portal/test_fuzz.py sends its requests through a FuzzClient (its `fuzz`
fixture), which counts them by status class, fails on the first server error, and writes the
test's figures to FUZZ_FIGURES_DIR (default var/fuzz/<test>.json) when the test ends.
`python -m tests.portal.fuzz_figures` prints the README's table from the last run.
"""

import json
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIGURES_DIR = Path(os.environ.get("FUZZ_FIGURES_DIR", ROOT / "var" / "fuzz"))

METHODS = ("get", "post", "put", "patch", "delete", "head", "options")


@dataclass
class Figures:
    test: str
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)  # "2xx", "3xx", "4xx", "5xx"
    server_errors: list[str] = field(default_factory=list)  # "METHOD path" of each 5xx
    paths: Counter = field(default_factory=Counter)  # the code paths the answers showed
    seconds: float = 0.0

    def write(self, directory: Path | None = None) -> Path:
        directory = directory or FIGURES_DIR
        directory.mkdir(parents=True, exist_ok=True)
        data = asdict(self)
        data["statuses"] = dict(sorted(self.statuses.items()))
        data["paths"] = dict(self.paths.most_common())
        path = directory / f"{self.test}.json"
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return path


class FuzzClient:
    """A Django test client that counts every request it sends and refuses a server error.

    `fuzz.get(...)`, `fuzz.post(...)` and the other methods take the test client's arguments;
    `expect=` (a set of status codes) also checks the answer's status. An exception escaping
    the view (the test client re-raises it) counts as a server error too.
    """

    def __init__(self, client, figures: Figures):
        self.client = client
        self.figures = figures

    def using(self, client) -> "FuzzClient":
        """Another client (e.g. one that enforces CSRF checks) counted in the same figures."""
        return FuzzClient(client, self.figures)

    @property
    def session(self):
        return self.client.session

    def send(self, method: str, path: str, *args, expect=None, **kwargs):
        self.figures.requests += 1
        try:
            response = getattr(self.client, method)(path, *args, **kwargs)
        except Exception:
            self.figures.statuses["5xx"] += 1
            self.figures.server_errors.append(f"{method.upper()} {path[:200]}")
            raise
        status = response.status_code
        self.figures.statuses[f"{status // 100}xx"] += 1
        if status >= 500:
            self.figures.server_errors.append(f"{method.upper()} {path[:200]}")
        assert status < 500, f"{method.upper()} {path!r} answered {status}"
        if expect is not None:
            assert status in expect, f"{method.upper()} {path!r} answered {status}, not {expect}"
        return response

    def saw(self, path: str) -> None:
        """Count a code path an answer showed (that the fuzz reached it, not just sent it)."""
        self.figures.paths[path] += 1

    def __getattr__(self, name):
        if name in METHODS:
            return lambda path, *args, **kwargs: self.send(name, path, *args, **kwargs)
        raise AttributeError(name)


def load(directory: Path | None = None) -> list[dict]:
    directory = directory or FIGURES_DIR
    return [json.loads(path.read_text()) for path in sorted(directory.glob("*.json"))]


def table(directory: Path | None = None) -> str:
    """The README's table, from the figures of the last run."""
    rows = [
        "| Fuzz test | Requests | 2xx | 3xx | 4xx | Server errors (5xx) | Took | Paths seen |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    figures = load(directory)
    for f in figures:
        s = f["statuses"]
        rows.append(
            f"| `{f['test']}` | {f['requests']} | {s.get('2xx', 0)} | {s.get('3xx', 0)} "
            f"| {s.get('4xx', 0)} | {len(f['server_errors'])} | {f['seconds']:.1f} s "
            f"| {', '.join(f'{path} {n}' for path, n in f.get('paths', {}).items()) or '—'} |"
        )
    total = sum(f["requests"] for f in figures)
    errors = sum(len(f["server_errors"]) for f in figures)
    seconds = sum(f["seconds"] for f in figures)
    rows.append(f"| **All {len(figures)} tests** | **{total}** | | | | **{errors}** "
                f"| {seconds:.1f} s | |")  # fmt: skip
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())  # noqa: T201
