"""Benchmark: the Microsoft Graph targets of issue 10 (call overhead, parallel grants, start-up).

Usage: ``python bench/graph_bench.py [calls|parallel|startup|all] [options]``

Three sections, each measured side by side with its baseline in one run:

``calls``
    ``python -m pwshlike.emulator --auto-sign-in --users 1000`` runs as a
    process of its own (in temporary XDG folders, so its ``emulator.json``
    is the one this process's shell reads to register the Emulator
    environment).  In this process, a session over a plugin host with the
    bundled plugins (as the shell builds it) runs ``Connect-MgGraph
    -ClientId <public client> -TenantId <partner> -Scopes
    DelegatedPermissionGrant.ReadWrite.All -Environment Emulator`` (the
    partner admin, signed in by the emulator's auto sign-in) and reads the
    1,000 seeded users with ``Invoke-MgGraphRequest``.  Timed: one compiled
    script, ``$grants = foreach ($id in $ids) { New-MgOauth2PermissionGrant
    -ClientId ... -ConsentType Principal -PrincipalId $id -ResourceId ...
    -Scope 'User.Read' }`` (1,000 calls: binding, validation, the request
    with the SDK's headers, the response turned into
    MicrosoftGraphOAuth2PermissionGrant objects).  Side by side: a plain
    httpx loop posting the same 1,000 JSON bodies (the cmdlet's body
    serialization, done before timing) with the same client settings:
    ``pwshlike.identity.http.build_httpx_client`` (the builder behind the
    connection's client: HTTP/1.1, the emulator's CA as the only trust,
    keep-alive pool, the same timeouts), the connection's access token,
    ``Content-Type: application/json``, reading each answer's JSON.  The
    grants are deleted (untimed) after each run, so neither gets a 409.
    A third row, for the analysis only: the httpx loop also sending the
    three headers the SDK adds (SdkVersion, User-Agent, a fresh
    client-request-id per request).
    ``--rounds`` (5) rounds, the order alternating; the median of each is
    compared.  Target: the cmdlet loop takes at most 1.25x the httpx loop.

``parallel``
    ``python -m pwshlike.emulator`` has no latency option and
    Set-PwshlikeEmulatorFault cannot reach another process, so this section
    starts the emulator in-process (``Start-PwshlikeEmulator -AutoSignIn
    -UserCount 200``: its server runs on a background thread of this
    process) and adds 50 ms to every POST to /v1.0/oauth2PermissionGrants
    with ``Set-PwshlikeEmulatorFault -Delay 50``.  Timed: 200 grant
    creations by ``$ids | ForEach-Object -Parallel { New-MgOauth2PermissionGrant
    ... } -ThrottleLimit 16`` (the runspaces share the process's
    connection, as the SDK's do) vs the same 200 by a sequential
    ``foreach``; the grants are deleted between runs.  Target: the parallel
    run at least 8x faster.

``startup``
    ``python -X importtime -m pwshlike -NoProfile -NonInteractive -Command
    'Write-Output 1'`` (a plain script) must import no pwshlike_msgraph
    module beyond the plugin's registration module (``pwshlike_msgraph``
    itself) and none of httpx, httpcore, msal, msal_extensions: the Graph
    modules and Connect-MgGraph cost a script that does not use them
    nothing but their registration.  Also run while a standalone emulator's
    ``emulator.json`` exists (the shell then registers the Emulator
    environment).  Reported: the registration module's own import time,
    and the start-up time of the plain script (``--runs``, 10) next to
    ``python -c pass``.

Everything runs in temporary XDG folders: the user's token cache,
certificate store and emulator.json are never touched.

Exit status: 0 when every target measured is met, 1 when one is missed, 2
(with the reason on stderr) when something cannot run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from identity_bench import CannotRun, Session, private_home, standalone_emulator, verdict  # noqa: E402
from startup_bench import machine_info  # noqa: E402

CLIENT = "ef969797-201d-4f6b-960c-e9ed5f31dab5"        # 'Contoso Partner Portal' service principal
RESOURCE = "943603e4-e787-4fe9-93d1-e30f749aae39"      # the partner tenant's Microsoft Graph service principal
CALLS_TARGET = 1.25
PARALLEL_TARGET = 8.0
SCOPE = "DelegatedPermissionGrant.ReadWrite.All"
FORBIDDEN = ("httpx", "httpcore", "msal", "msal_extensions")
GRANTS_URL = "v1.0/oauth2PermissionGrants"
NEW_GRANT = (f"New-MgOauth2PermissionGrant -ClientId {CLIENT} -ConsentType Principal -PrincipalId {{id}} "
             f"-ResourceId {RESOURCE} -Scope 'User.Read'")


def connect(session: Session, public_client: str, tenant: str) -> None:
    session.run("$Error.Clear()")
    session.run(f"Connect-MgGraph -ClientId {public_client} -TenantId {tenant} -Scopes {SCOPE} "
                "-Environment Emulator -NoWelcome")
    errors = session.run("$Error")
    if errors:
        raise CannotRun(f"Connect-MgGraph failed: {errors[0]}")


def seeded_user_ids(session: Session) -> list[str]:
    session.run("$Error.Clear()")
    ids = [str(i) for i in session.run(
        "$users = @(); $uri = 'v1.0/users?$top=999'\n"
        "while ($uri) { $page = Invoke-MgGraphRequest GET $uri; $users += $page.value; "
        "$uri = if ($page) { $page['@odata.nextLink'] } }\n"
        "($users | Where-Object { $_.userPrincipalName -like 'user[0-9]*@*' }).id")]
    errors = session.run("$Error")
    if errors:
        raise CannotRun(f"listing the users failed: {errors[0]}")
    return ids


def check_no_errors(session: Session, what: str) -> None:
    errors = session.run("$Error")
    if errors:
        raise RuntimeError(f"{what}: {len(errors)} errors, the first: {errors[0]}")


def grant_ids(client: Any, base: str, headers: dict[str, str]) -> list[str]:
    """The ids of the Principal grants of CLIENT, through Graph's paging."""
    ids: list[str] = []
    url: Optional[str] = f"{base}/{GRANTS_URL}?$filter=clientId eq '{CLIENT}' and consentType eq 'Principal'&$top=999"
    while url:
        response = client.get(url, headers=headers)
        response.raise_for_status()
        page = response.json()
        ids += [g["id"] for g in page["value"]]
        url = page.get("@odata.nextLink")
    return ids


def delete_grants(client: Any, base: str, headers: dict[str, str]) -> int:
    ids = grant_ids(client, base, headers)
    for grant in ids:
        client.delete(f"{base}/{GRANTS_URL}/{grant}", headers=headers).raise_for_status()
    return len(ids)


# --- 1. 1,000 calls vs a plain httpx loop ---------------------------------------------------------

def measure_calls(users: int, rounds: int) -> bool:
    print(f"== 1. {users} New-MgOauth2PermissionGrant calls vs a plain httpx loop "
          "(standalone emulator, a separate process) ==")
    with standalone_emulator("--auto-sign-in", "--users", str(users)) as (_, info):
        session = Session()
        try:
            return _measure_calls(session, info, users, rounds)
        finally:
            session.run("if (Get-MgContext) { $null = Disconnect-MgGraph }")
            session.plugins.shutdown()


def _measure_calls(session: Session, info: dict[str, Any], users: int, rounds: int) -> bool:
    from pwshlike.identity.http import build_httpx_client
    from pwshlike_msgraph import connection
    from pwshlike_msgraph.http import REQUEST_CONTEXT, json_ready

    connect(session, info["PublicClientId"], info["TenantId"])
    ids = seeded_user_ids(session)
    if len(ids) != users:
        raise CannotRun(f"the emulator seeded {len(ids)} users, not {users}")
    session.run("$global:ids = @(" + ", ".join(f"'{i}'" for i in ids) + ")")
    base = info["GraphEndpoint"].rstrip("/")
    graph = connection.current()
    token = graph.http._bearer()
    plain = build_httpx_client(ca_certificate_path=info["CACertificatePath"], environment_name="Emulator",
                               timeout=REQUEST_CONTEXT.client_timeout)
    headers = {"Authorization": f"Bearer {token}"}
    # the bodies the cmdlet sends: only the bound properties, camelCase
    bodies = [json.dumps(json_ready({"clientId": CLIENT, "consentType": "Principal", "principalId": i,
                                     "resourceId": RESOURCE, "scope": "User.Read"})).encode("utf-8") for i in ids]
    post_headers = {**headers, "Content-Type": "application/json"}
    stale = delete_grants(plain, base, headers)
    if stale:
        print(f"  (deleted {stale} Principal grants left from before)")

    cmdlet_loop = session.compiled("$Error.Clear(); $grants = foreach ($id in $ids) { "
                                   + NEW_GRANT.format(id="$id") + " }; $grants.Count")

    def run_cmdlets() -> float:
        start = time.perf_counter()
        [count] = cmdlet_loop()
        elapsed = time.perf_counter() - start
        check_no_errors(session, "the cmdlet loop")
        if count != users:
            raise RuntimeError(f"the cmdlet loop made {count} grants")
        return elapsed

    from pwshlike_msgraph.http import SDK_VERSION, user_agent
    sdk_headers = {**post_headers, "SdkVersion": SDK_VERSION,
                   "User-Agent": user_agent("New-MgOauth2PermissionGrant", "7.4.6")}

    def run_httpx(sdk: bool = False) -> float:
        import uuid
        start = time.perf_counter()
        for body in bodies:
            sent = {**sdk_headers, "client-request-id": str(uuid.uuid4())} if sdk else post_headers
            response = plain.post(f"{base}/{GRANTS_URL}", content=body, headers=sent)
            if response.status_code != 201:
                raise RuntimeError(f"httpx POST: {response.status_code} {response.text[:200]}")
            response.json()
        return time.perf_counter() - start

    # warm-up: a few of each (connections opened, code paths run), then removed
    session.run("$Error.Clear(); $null = foreach ($id in $ids[0..19]) { " + NEW_GRANT.format(id="$id") + " }")
    check_no_errors(session, "the warm-up")
    delete_grants(plain, base, headers)
    for body in bodies[:20]:
        plain.post(f"{base}/{GRANTS_URL}", content=body, headers=post_headers).raise_for_status()
    delete_grants(plain, base, headers)

    samples: dict[str, list[float]] = {"cmdlet": [], "httpx": [], "httpx+sdk": []}
    for number in range(rounds):
        order = [("cmdlet", run_cmdlets), ("httpx", run_httpx), ("httpx+sdk", lambda: run_httpx(sdk=True))]
        if number % 2:
            order.reverse()
        for name, run in order:
            samples[name].append(run())
            left = delete_grants(plain, base, headers)
            if left != users:
                raise RuntimeError(f"{name}: {left} grants in the emulator after {users} creations")
    plain.close()
    cmdlet, raw = statistics.median(samples["cmdlet"]), statistics.median(samples["httpx"])
    for name, label in (("cmdlet", "New-MgOauth2PermissionGrant loop"), ("httpx", "plain httpx POST loop"),
                        ("httpx+sdk", "  the same with the SDK's 3 headers")):
        runs = ", ".join(f"{s:.2f}" for s in samples[name])
        median = statistics.median(samples[name])
        print(f"  {label:<34} median {median:6.2f} s  ({median / users * 1000:5.2f} ms/call)  runs: {runs} s")
    ratio = cmdlet / raw
    met = ratio <= CALLS_TARGET
    print(f"  ratio {ratio:.2f}x (target <= {CALLS_TARGET}x): {verdict(met)}; "
          f"vs the httpx loop with the SDK's headers: {cmdlet / statistics.median(samples['httpx+sdk']):.2f}x")
    print("  each run: exactly the expected number of grants in the emulator, deleted before the next")
    return met


# --- 2. ForEach-Object -Parallel with 50 ms of latency ----------------------------------------------

def measure_parallel(grants: int, throttle: int, delay_ms: int, rounds: int) -> bool:
    print(f"== 2. {grants} grants with {delay_ms} ms emulated latency: ForEach-Object -Parallel -ThrottleLimit "
          f"{throttle} vs a sequential loop (emulator in-process: Start-PwshlikeEmulator) ==")
    session = Session()
    try:
        session.run(f"$global:emulator = Start-PwshlikeEmulator -AutoSignIn -UserCount {grants}")
        connect(session, *session.run("$emulator.PublicClientId; $emulator.TenantId"))
        ids = seeded_user_ids(session)
        if len(ids) != grants:
            raise CannotRun(f"the emulator seeded {len(ids)} users, not {grants}")
        session.run("$global:ids = @(" + ", ".join(f"'{i}'" for i in ids) + ")")
        return _measure_parallel(session, grants, throttle, delay_ms, rounds)
    finally:
        session.run("Clear-PwshlikeEmulatorFault; if (Get-MgContext) { $null = Disconnect-MgGraph }; "
                    "Stop-PwshlikeEmulator")
        session.plugins.shutdown()


def _measure_parallel(session: Session, grants: int, throttle: int, delay_ms: int, rounds: int) -> bool:
    sequential = session.compiled("$Error.Clear(); $grants = foreach ($id in $ids) { "
                                  + NEW_GRANT.format(id="$id") + " }; $grants.Count")
    parallel = session.compiled("$Error.Clear(); $grants = $ids | ForEach-Object -Parallel { "
                                + NEW_GRANT.format(id="$_") + f" }} -ThrottleLimit {throttle}; $grants.Count")
    remove = session.compiled(
        f"$uri = \"{GRANTS_URL}?`$filter=clientId eq '{CLIENT}' and consentType eq 'Principal'&`$top=999\"\n"
        "$found = @(); while ($uri) { $page = Invoke-MgGraphRequest GET $uri; $found += $page.value; "
        "$uri = if ($page) { $page['@odata.nextLink'] } }\n"
        f"foreach ($g in $found) {{ Invoke-MgGraphRequest DELETE \"{GRANTS_URL}/$($g.id)\" }}\n"
        "$found.Count")
    remove()
    session.run(f"Set-PwshlikeEmulatorFault -Path '/v1.0/oauth2PermissionGrants' -Method POST -Delay {delay_ms}")

    def timed(run: Callable[[], list[Any]], name: str) -> float:
        start = time.perf_counter()
        [count] = run()
        elapsed = time.perf_counter() - start
        check_no_errors(session, name)
        if count != grants:
            raise RuntimeError(f"{name}: {count} grants returned")
        [left] = remove()
        if left != grants:
            raise RuntimeError(f"{name}: {left} grants in the emulator")
        return elapsed

    samples: dict[str, list[float]] = {"sequential": [], "parallel": []}
    for number in range(rounds):
        order = [("sequential", sequential), ("parallel", parallel)]
        if number % 2:
            order.reverse()
        for name, run in order:
            samples[name].append(timed(run, name))
    seq, par = statistics.median(samples["sequential"]), statistics.median(samples["parallel"])
    print(f"  sequential foreach                 median {seq:6.2f} s  runs: "
          + ", ".join(f"{s:.2f}" for s in samples["sequential"]) + " s")
    print(f"  ForEach-Object -Parallel -TL {throttle:<4}  median {par:6.2f} s  runs: "
          + ", ".join(f"{s:.2f}" for s in samples["parallel"]) + " s")
    ideal = grants * delay_ms / 1000 / throttle
    print(f"  (latency alone: {grants * delay_ms / 1000:.1f} s sequential, {ideal:.2f} s at {throttle} at a time)")
    speedup = seq / par
    met = speedup >= PARALLEL_TARGET
    print(f"  speed-up {speedup:.1f}x (target >= {PARALLEL_TARGET}x): {verdict(met)}")
    return met


# --- 3. start-up -----------------------------------------------------------------------------------

PLAIN = ["-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"]


def imports(script: str = "Write-Output 1") -> dict[str, tuple[int, int]]:
    """Module -> (self us, cumulative us) from ``python -X importtime`` of a script (the plain one)."""
    result = subprocess.run([sys.executable, "-X", "importtime"] + PLAIN[:-1] + [script], capture_output=True,
                            text=True, timeout=60)
    if result.returncode != 0 or result.stdout.strip().splitlines()[-1:] != ["1"]:
        raise CannotRun(f"the plain script failed: {result.stdout[-200:]} {result.stderr[-500:]}")
    found: dict[str, tuple[int, int]] = {}
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            own, cumulative, name = line[len("import time:"):].split("|")
            found[name.strip()] = (int(own), int(cumulative))
    return found


def check_imports(label: str) -> bool:
    found = imports()
    graph = sorted(m for m in found if m.split(".")[0] == "pwshlike_msgraph")
    heavy = sorted(m for m in found if m.split(".")[0] in FORBIDDEN)
    met = graph in ([], ["pwshlike_msgraph"]) and not heavy
    own = found.get("pwshlike_msgraph", (0, 0))
    print(f"  {label}: pwshlike_msgraph modules imported: {graph or 'none'} "
          f"(self {own[0] / 1000:.2f} ms, cumulative {own[1] / 1000:.2f} ms); "
          f"httpx/httpcore/msal/msal_extensions: {heavy or 'none'}: {verdict(met)}")
    return met


def time_runs(argv: list[str], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=60)
        samples.append(time.perf_counter() - start)
    return samples


def measure_startup(runs: int) -> bool:
    print("== 3. Start-up: a plain script (pwshlike -NoProfile -NonInteractive -Command 'Write-Output 1') ==")
    import compileall
    import pwshlike
    import pwshlike_msgraph
    for package in (pwshlike, pwshlike_msgraph):
        compileall.compile_dir(os.path.dirname(package.__file__), quiet=1)
    met = check_imports("no emulator")
    with standalone_emulator() as (_, info):
        met = check_imports(f"emulator.json present (port {info['Port']})") and met
    # the control: the same check sees the Graph modules when a script uses them
    used = imports("$null = Get-Command New-MgOauth2PermissionGrant -Syntax; Write-Output 1")
    graph = sorted(m for m in used if m.split(".")[0] == "pwshlike_msgraph")
    print(f"  control (a script that looks up New-MgOauth2PermissionGrant): {len(graph)} pwshlike_msgraph modules "
          f"imported ({', '.join(graph)})")
    time_runs([sys.executable] + PLAIN, 2)
    plain = time_runs([sys.executable] + PLAIN, runs)
    bare = time_runs([sys.executable, "-c", "pass"], runs)
    print(f"  plain script   median {statistics.median(plain) * 1000:6.1f} ms  ({runs} runs)")
    print(f"  python -c pass median {statistics.median(bare) * 1000:6.1f} ms  ({runs} runs)")
    return met


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("section", nargs="?", default="all", choices=("calls", "parallel", "startup", "all"))
    parser.add_argument("--users", type=int, default=1000, help="grants created per run in 'calls' (1000)")
    parser.add_argument("--rounds", type=int, default=5, help="runs of each side, order alternating (5)")
    parser.add_argument("--grants", type=int, default=200, help="grants per run in 'parallel' (200)")
    parser.add_argument("--throttle", type=int, default=16, help="-ThrottleLimit in 'parallel' (16)")
    parser.add_argument("--delay", type=int, default=50, help="emulated latency in ms in 'parallel' (50)")
    parser.add_argument("--runs", type=int, default=10, help="start-up runs in 'startup' (10)")
    arguments = parser.parse_args(argv)
    print("Microsoft Graph benchmark (issue 10)")
    for line in machine_info():
        print(line)
    print(f"command: python bench/graph_bench.py {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    results = []
    try:
        # each section in XDG folders of its own: a token cached for one emulator is not offered to the next
        # (another emulator on another port, with other signing keys)
        if arguments.section in ("calls", "all"):
            with private_home():
                results.append(measure_calls(arguments.users, arguments.rounds))
        if arguments.section in ("parallel", "all"):
            with private_home():
                results.append(measure_parallel(arguments.grants, arguments.throttle, arguments.delay,
                                                arguments.rounds))
        if arguments.section in ("startup", "all"):
            with private_home():
                results.append(measure_startup(arguments.runs))
    except CannotRun as reason:
        print(f"graph_bench: cannot run: {reason}", file=sys.stderr)
        return 2
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
