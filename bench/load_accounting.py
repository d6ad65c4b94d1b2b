"""The bookkeeping of bench/load.py, without any I/O: requests per phase, acknowledged against stored writes, the
task queue's outcome, the verdict on each target of issue 20, and the tables printed and written to
docs/reliability.md. Tested in tests/project/test_bench_load.py.

Words used throughout:
  acknowledged   the server answered the write as done (the redirect or answer a browser shows as success);
  stored         found in the database afterwards, by the write's unique marker;
  lost           acknowledged but not stored (the person was told it worked; it did not);
  duplicated     stored more often than it was sent (a person posting once sees it twice);
  unacknowledged stored although the answer was an error or never came (the person may well try again).
"""

from collections import Counter
from dataclasses import dataclass, field

from bench.httpload import percentile

RECOVERY_TARGET = 5.0  # seconds from the database being back to the last failed answer


@dataclass(frozen=True)
class Sample:
    """One request: the phase it was sent in, what it was, its status (0: no answer: refused, reset, timed out)
    and when it was sent and answered (time.monotonic seconds)."""

    phase: str
    action: str
    status: int
    started: float
    finished: float

    @property
    def failed(self) -> bool:
        return self.status == 0 or self.status >= 500

    @property
    def ms(self) -> float:
        return (self.finished - self.started) * 1000


@dataclass(frozen=True)
class Window:
    """Seconds (time.monotonic) during which the database did not answer: from the last probe it answered to the
    first it answered again."""

    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start

    def overlaps(self, sample: Sample) -> bool:
        return sample.started <= self.end and sample.finished >= self.start


@dataclass
class PhaseRow:
    phase: str
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)  # "2xx" … "5xx", "no answer"
    p50: float = 0.0
    p95: float = 0.0
    failed_outside_down: int = 0  # 5xx and no answer, not in flight while the database was down


def status_class(status: int) -> str:
    return "no answer" if status == 0 else f"{status // 100}xx"


def phase_rows(samples: list[Sample], phases: list[str], down: Window | None) -> list[PhaseRow]:
    rows = []
    for phase in phases:
        mine = [sample for sample in samples if sample.phase == phase]
        row = PhaseRow(phase, len(mine), Counter(status_class(sample.status) for sample in mine))
        if mine:
            latencies = [sample.ms for sample in mine]
            row.p50, row.p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
        row.failed_outside_down = sum(
            1 for sample in mine if sample.failed and not (down is not None and down.overlaps(sample))
        )
        rows.append(row)
    return rows


def recovery(samples: list[Sample], down: Window | None) -> float | None:
    """Seconds from the database answering again to the last failed answer of the app after that (0 when none
    failed after it): how long people kept seeing errors once the cause was gone."""
    if down is None:
        return None
    after = [sample.finished for sample in samples if sample.failed and sample.finished >= down.end]
    return max(after) - down.end if after else 0.0


@dataclass
class WriteCheck:
    kind: str
    sent: int
    acknowledged: int
    stored: int
    lost: int
    duplicated: int
    unacknowledged: int
    note: str = ""


def check_markers(kind: str, sent: list[str], acknowledged: set[str], stored: Counter, note: str = "") -> WriteCheck:
    """Writes that each leave a row of their own with a unique marker (a reply, a report): `stored` counts the rows
    found per marker sent."""
    found = {marker: stored.get(marker, 0) for marker in sent}
    return WriteCheck(
        kind,
        sent=len(sent),
        acknowledged=len(acknowledged),
        stored=sum(found.values()),
        lost=sum(1 for marker in acknowledged if not found.get(marker)),
        duplicated=sum(count - 1 for count in found.values() if count > 1),
        unacknowledged=sum(1 for marker, count in found.items() if count and marker not in acknowledged),
        note=note,
    )


def check_overwrites(kind: str, saves: dict, stored: dict, note: str = "") -> WriteCheck:
    """Writes that replace the previous one (an autosave of the same field): per key (a worksheet), the saves in
    the order they were sent as (marker, acknowledged) pairs, sent one after another; `stored` has the marker in
    the database now. The text standing must be the last acknowledged save's or a later one's: an older text (or
    none) means an acknowledged save was lost; a later unacknowledged one stored is counted as unacknowledged.
    Stored: the keys whose text is one of this run's saves."""
    lost = unacknowledged = kept = 0
    for key, sequence in saves.items():
        markers = [marker for marker, _ok in sequence]
        last_acknowledged = max((index for index, (_marker, ok) in enumerate(sequence) if ok), default=-1)
        standing = markers.index(stored[key]) if stored.get(key) in markers else -1
        kept += standing >= 0
        if standing < last_acknowledged:
            lost += 1
        elif standing > last_acknowledged:
            unacknowledged += 1
    return WriteCheck(
        kind,
        sent=sum(len(sequence) for sequence in saves.values()),
        acknowledged=sum(ok for sequence in saves.values() for _marker, ok in sequence),
        stored=kept,
        lost=lost,
        duplicated=0,
        unacknowledged=unacknowledged,
        note=note,
    )


def check_rows(
    kind: str, sent: Counter, acknowledged: set[int], stored: dict, existing: set[int], note: str = ""
) -> WriteCheck:
    """Writes whose row has no marker of its own but whose id comes back in the acknowledgement (an enrolment):
    `sent` counts the requests per person, `stored` has the ids of the rows made for each person during the run,
    `existing` the acknowledged ids found in the database (an answer may name a row made before the run: "you are
    already enrolled"). More rows made than requests sent for a person is a duplicate."""
    rows = {row for ids in stored.values() for row in ids}
    return WriteCheck(
        kind,
        sent=sum(sent.values()),
        acknowledged=len(acknowledged),
        stored=len(rows | (existing & acknowledged)),
        lost=len(acknowledged - rows - existing),
        duplicated=sum(max(0, len(stored.get(person, ())) - count) for person, count in sent.items()),
        unacknowledged=len(rows - acknowledged),
        note=note,
    )


@dataclass
class TaskCheck:
    """The background tasks enqueued during the run, by their status after the drain."""

    statuses: Counter = field(default_factory=Counter)  # READY, RUNNING, SUCCESSFUL, FAILED
    rerun: int = 0  # claimed by more than one worker (a retry after a worker died)
    by_task: dict = field(default_factory=dict)  # task path -> Counter of statuses

    @property
    def enqueued(self) -> int:
        return sum(self.statuses.values())

    @property
    def not_done(self) -> int:
        return self.statuses["READY"] + self.statuses["RUNNING"]


@dataclass
class Verdict:
    target: str
    met: bool
    detail: str

    def line(self) -> str:
        return f"- {self.target}: **{'met' if self.met else 'NOT met'}** ({self.detail})"


def verdicts(
    rows: list[PhaseRow],
    writes: list[WriteCheck],
    tasks: TaskCheck,
    down: Window | None,
    recovered: float | None,
    reload_phase: str,
) -> list[Verdict]:
    lost = sum(check.lost for check in writes)
    duplicated = sum(check.duplicated for check in writes)
    acknowledged = sum(check.acknowledged for check in writes)
    outside = sum(row.failed_outside_down for row in rows)
    reload = next((row for row in rows if row.phase == reload_phase), None)
    reload_failed = reload.statuses["5xx"] + reload.statuses["no answer"] if reload else 0
    found = [
        Verdict(
            "0 lost and 0 duplicated acknowledged writes",
            lost == 0 and duplicated == 0 and acknowledged > 0,
            f"{acknowledged} acknowledged: {lost} lost, {duplicated} duplicated",
        ),
        Verdict(
            "0 × 5xx (or no answer) outside the seconds the database is down",
            outside == 0 and any(row.requests for row in rows),
            f"{outside} of {sum(row.requests for row in rows)} requests outside; the database was down "
            + (f"{down.seconds:.1f} s" if down else "never (not measured)"),
        ),
    ]
    if down is None or recovered is None:
        found.append(Verdict(f"recovery ≤ {RECOVERY_TARGET:g} s after the database is back", False, "not measured"))
    else:
        found.append(
            Verdict(
                f"recovery ≤ {RECOVERY_TARGET:g} s after the database is back",
                recovered <= RECOVERY_TARGET,
                f"last failed answer {recovered:.1f} s after it was back",
            )
        )
    found.append(
        Verdict(
            "0 × 5xx (or no answer) during a graceful reload",
            reload is not None and reload_failed == 0,
            f"{reload_failed} in the {reload_phase} phase" if reload else "phase not run",
        )
    )
    states = ", ".join(f"{count} {status.lower()}" for status, count in sorted(tasks.statuses.items())) or "none"
    found.append(
        Verdict(
            "every enqueued task done exactly once after a worker kill",
            tasks.enqueued > 0 and tasks.statuses["SUCCESSFUL"] == tasks.enqueued,
            f"{tasks.enqueued} enqueued: {states}; {tasks.rerun} claimed by more than one worker",
        )
    )
    return found


# --- tables ---------------------------------------------------------------------------------------------------


def phase_table(rows: list[PhaseRow], descriptions: dict[str, str]) -> list[str]:
    lines = [
        "| phase | what happens | requests | 2xx | 3xx | 4xx | 5xx | no answer | p50 ms | p95 ms | 5xx/no answer "
        "outside DB down |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        counts = " | ".join(str(row.statuses[name]) for name in ("2xx", "3xx", "4xx", "5xx", "no answer"))
        lines.append(
            f"| {row.phase} | {descriptions.get(row.phase, '')} | {row.requests} | {counts} | {row.p50:.0f} | "
            f"{row.p95:.0f} | {row.failed_outside_down} |"
        )
    return lines


def write_table(writes: list[WriteCheck]) -> list[str]:
    lines = [
        "| write | sent | acknowledged | stored | lost | duplicated | stored, unacknowledged | checked how |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for check in writes:
        lines.append(
            f"| {check.kind} | {check.sent} | {check.acknowledged} | {check.stored} | {check.lost} | "
            f"{check.duplicated} | {check.unacknowledged} | {check.note} |"
        )
    return lines


def task_table(tasks: TaskCheck) -> list[str]:
    columns = ("SUCCESSFUL", "FAILED", "RUNNING", "READY")
    lines = [
        "| task | enqueued | done | failed | still running | still waiting |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for path, statuses in sorted(tasks.by_task.items()):
        counts = " | ".join(str(statuses[name]) for name in columns)
        lines.append(f"| `{path}` | {sum(statuses.values())} | {counts} |")
    counts = " | ".join(f"**{tasks.statuses[name]}**" for name in columns)
    lines.append(f"| all | **{tasks.enqueued}** | {counts} |")
    return lines
