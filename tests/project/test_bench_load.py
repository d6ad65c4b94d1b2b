"""The load-and-fault run's own bookkeeping: what counts as lost, duplicated or unacknowledged, which failures fall
in the database's down time, the verdicts and the tables. The run itself (its own PostgreSQL, gunicorn, a task
worker) is done by hand: bench/load.py."""

import asyncio
import re
from collections import Counter

from bench import load_accounting as accounting
from bench.load_accounting import Sample, Window
from bench.load_users import cookies_of


def test_a_reply_acknowledged_but_not_stored_is_lost_and_one_stored_twice_is_duplicated():
    sent = ["a", "b", "c", "d", "e"]
    acknowledged = {"a", "b", "c"}
    stored = Counter({"a": 1, "c": 2, "d": 1})  # b vanished, c twice, d stored though its answer was an error

    check = accounting.check_markers("forum replies", sent, acknowledged, stored)

    assert (check.sent, check.acknowledged, check.stored) == (5, 3, 4)
    assert (check.lost, check.duplicated, check.unacknowledged) == (1, 1, 1)


def test_markers_of_other_runs_in_the_database_are_not_counted():
    check = accounting.check_markers("reports", ["a"], {"a"}, Counter({"a": 1, "old": 3}))

    assert (check.stored, check.lost, check.duplicated, check.unacknowledged) == (1, 0, 0, 0)


def test_an_autosave_is_lost_when_an_older_text_stands_than_the_last_acknowledged():
    saves = {
        "1": [("a", True), ("b", True)],  # b acknowledged, a stands: lost
        "2": [("c", True), ("d", False)],  # d unacknowledged but stored
        "3": [("e", True), ("f", True)],  # as it should be
        "4": [("g", True)],  # nothing stands: lost
        "5": [("h", False)],  # never acknowledged, never stored: nobody was told it worked
    }
    stored = {"1": "a", "2": "d", "3": "f", "4": None, "5": None}

    check = accounting.check_overwrites("autosaves", saves, stored)

    assert (check.sent, check.acknowledged, check.stored) == (8, 6, 3)
    assert (check.lost, check.duplicated, check.unacknowledged) == (2, 0, 1)


def test_enrolments_are_checked_by_id_and_rows_beyond_the_requests_are_duplicates():
    sent = Counter({"anna": 2, "bert": 1})
    acknowledged = {10, 11, 20}
    stored = {"anna": {10, 12}, "bert": {20, 21}}  # 11 lost, 12 stored unacknowledged, bert has a row too many

    check = accounting.check_rows("enrolments", sent, acknowledged, stored, existing={10, 20})

    assert (check.sent, check.acknowledged, check.stored) == (3, 3, 4)
    assert (check.lost, check.duplicated, check.unacknowledged) == (1, 1, 2)


def test_an_enrolment_made_before_the_run_and_named_in_the_answer_is_not_lost():
    """ "You are already enrolled" redirects to the enrolment the person had (the demo member has demo ones)."""
    check = accounting.check_rows("enrolments", Counter({"lid": 1}), {5}, {"lid": set()}, existing={5})

    assert (check.stored, check.lost, check.duplicated, check.unacknowledged) == (1, 0, 0, 0)


def sample(phase, status, started, finished=None):
    return Sample(phase, "read", status, started, started + 0.1 if finished is None else finished)


def test_failures_in_flight_while_the_database_was_down_are_counted_apart():
    down = Window(10.0, 11.0)
    samples = [
        sample("restart", 200, 1.0),
        sample("restart", 500, 9.5, 10.2),  # sent before, answered during: in flight
        sample("restart", 500, 10.5),  # during
        sample("restart", 0, 11.5),  # no answer after the database was back: outside
        sample("restart", 503, 20.0),  # outside
        sample("restart", 404, 20.0),  # not a failure
        sample("steady", 500, 10.5),  # another phase, during the window: inside
    ]

    rows = accounting.phase_rows(samples, ["steady", "restart"], down)

    restart = rows[1]
    assert restart.requests == 6
    assert restart.statuses == Counter({"2xx": 1, "5xx": 3, "no answer": 1, "4xx": 1})
    assert restart.failed_outside_down == 2
    assert rows[0].failed_outside_down == 0


def test_without_a_measured_outage_every_failure_is_outside():
    rows = accounting.phase_rows([sample("steady", 500, 1.0)], ["steady", "recovery"], None)

    assert [row.failed_outside_down for row in rows] == [1, 0]
    assert rows[1].requests == 0


def test_recovery_runs_to_the_last_failed_answer_after_the_database_is_back():
    down = Window(10.0, 11.0)
    samples = [sample("r", 500, 10.2, 10.4), sample("r", 200, 11.2), sample("r", 500, 12.0, 13.5)]

    assert accounting.recovery(samples, down) == 2.5
    assert accounting.recovery(samples[:2], down) == 0.0
    assert accounting.recovery(samples, None) is None


def verdicts_for(*, lost=0, outside=0, recovered=1.0, reload_5xx=0, tasks=None):
    reload = accounting.PhaseRow("graceful reload", 10, Counter({"2xx": 10 - reload_5xx, "5xx": reload_5xx}))
    steady = accounting.PhaseRow("steady", 10, Counter({"2xx": 10}), failed_outside_down=outside)
    writes = [accounting.WriteCheck("forum replies", 5, 5, 5 - lost, lost, 0, 0)]
    tasks = tasks or accounting.TaskCheck(statuses=Counter({"SUCCESSFUL": 4}))
    return accounting.verdicts([steady, reload], writes, tasks, Window(1, 2), recovered, "graceful reload")


def test_all_targets_met():
    found = verdicts_for()

    assert [verdict.met for verdict in found] == [True] * 5
    assert all("**met**" in verdict.line() for verdict in found)


def test_each_target_fails_on_its_own():
    assert [v.met for v in verdicts_for(lost=1)] == [False, True, True, True, True]
    assert [v.met for v in verdicts_for(outside=2)] == [True, False, True, True, True]
    assert [v.met for v in verdicts_for(recovered=5.5)] == [True, True, False, True, True]
    assert [v.met for v in verdicts_for(reload_5xx=1)] == [True, True, True, False, True]
    stuck = accounting.TaskCheck(statuses=Counter({"SUCCESSFUL": 3, "RUNNING": 1}))
    assert [v.met for v in verdicts_for(tasks=stuck)] == [True, True, True, True, False]
    line = verdicts_for(tasks=stuck)[-1].line()
    assert "**NOT met**" in line and "1 running" in line


def test_nothing_measured_is_not_a_target_met():
    no_tasks = accounting.TaskCheck()
    found = accounting.verdicts([], [], no_tasks, None, None, "graceful reload")

    assert not any(verdict.met for verdict in found)


def test_tables_have_a_row_per_phase_write_and_task_and_a_total():
    rows = [accounting.PhaseRow("steady", 3, Counter({"2xx": 2, "5xx": 1}), 120.4, 480.6, 1)]
    tasks = accounting.TaskCheck(
        statuses=Counter({"SUCCESSFUL": 3, "FAILED": 1}),
        by_task={"search.tasks.index": Counter({"SUCCESSFUL": 3}), "mail.send": Counter({"FAILED": 1})},
    )

    phases = accounting.phase_table(rows, {"steady": "load only"})
    writes = accounting.write_table([accounting.WriteCheck("reports", 4, 3, 3, 0, 0, 0, "by marker")])
    task_lines = accounting.task_table(tasks)

    assert phases[2] == "| steady | load only | 3 | 2 | 0 | 0 | 1 | 0 | 120 | 481 | 1 |"
    assert writes[2] == "| reports | 4 | 3 | 3 | 0 | 0 | 0 | by marker |"
    assert task_lines[2:] == [
        "| `mail.send` | 1 | 0 | 1 | 0 | 0 |",
        "| `search.tasks.index` | 3 | 3 | 0 | 0 | 0 |",
        "| all | **4** | **3** | **1** | **0** | **0** |",
    ]
    assert all(line.count("|") == phases[0].count("|") for line in phases)


def test_cookies_are_read_from_set_cookie_headers_joined_into_one():
    joined = (
        b"csrftoken=abc123; expires=Sat, 04 Dec 2027 10:00:00 GMT; Max-Age=31449600; Path=/; Secure, "
        b"sessionid=xyz; expires=Sat, 19 Dec 2026 10:00:00 GMT; HttpOnly; Path=/"
    )

    assert cookies_of({b"set-cookie": joined}) == {"csrftoken": "abc123", "sessionid": "xyz"}
    assert cookies_of({}) == {}


def test_the_smtp_sink_accepts_and_counts_mail():
    """The production settings send mail by SMTP: the run's sink must take what smtplib (Django's backend) sends."""
    import smtplib
    from email.message import EmailMessage

    from bench.httpload import run_coroutine
    from bench.load_stack import HOST, SmtpSink

    async def send_two():
        sink = SmtpSink()
        await sink.start()
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "a@example.org", "b@example.org", "Hallo"
        message.set_content("Twee regels.\n.\nMet een punt ertussen.")

        def send():
            with smtplib.SMTP(HOST, sink.port, timeout=5) as client:
                client.send_message(message)
                client.send_message(message)

        await asyncio.to_thread(send)
        await sink.stop()
        return sink.messages

    assert run_coroutine(send_two) == 2


def test_a_process_that_exits_by_itself_is_noted_and_started_again(tmp_path):
    """As the compose file's `restart: unless-stopped`: the run restarts a crashed worker and says so."""
    import sys

    from bench.httpload import run_coroutine
    from bench.load_stack import Process, supervise

    crashing = Process("task worker", [sys.executable, "-c", "raise SystemExit(3)"], tmp_path, {}, tmp_path / "w.log")

    async def watch():
        crashing.start()
        watcher = asyncio.ensure_future(supervise([crashing], lambda: "database restart"))
        while len(crashing.exits) < 2:
            await asyncio.sleep(0.1)
        crashing.supervised = False
        watcher.cancel()

    run_coroutine(lambda: asyncio.wait_for(watch(), 20))

    assert crashing.exits[:2] == ["database restart (exit code 3)"] * 2
    assert (tmp_path / "w.log").read_text().count("--- ") >= 2  # started again, each start in its log


def test_a_request_sends_its_form_and_reads_the_answer_on_a_connection_of_its_own():
    from bench import httpload
    from bench.httpload import run_coroutine

    received = []

    async def answer(reader, writer):
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
        received.append(head + await reader.readexactly(length))
        writer.write(b"HTTP/1.1 302 Found\r\nLocation: /en/forum/posts/7/\r\nSet-Cookie: a=1; Path=/\r\n")
        writer.write(b"Set-Cookie: b=2; Path=/\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()
        writer.close()

    async def post():
        server = await asyncio.start_server(answer, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        async with server:
            return await httpload.request(
                "127.0.0.1", port, "POST", "/en/x/", headers=(("Origin", "https://h"),), data={"body": "één & twee"}
            )

    status, headers, body = run_coroutine(post)

    assert (status, headers[b"location"], body) == (302, b"/en/forum/posts/7/", b"")
    assert cookies_of(headers) == {"a": "1", "b": "2"}
    sent = received[0]
    assert sent.startswith(b"POST /en/x/ HTTP/1.1\r\n")
    assert b"Connection: close" in sent and b"Origin: https://h" in sent
    assert sent.endswith(b"\r\n\r\nbody=%C3%A9%C3%A9n+%26+twee")
