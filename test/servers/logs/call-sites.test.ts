// A line's call site (the source location its header or record names) as the statement's identity: call-site.ts reads
// it, variability.ts mergeSiteFamilies merges the templates of one site that differ at one word. Real lines from the
// excerpts (test/fixtures/real-excerpts) with their right grouping, and the neighbours that must stay apart.
import assert from 'node:assert/strict';
import { callSite } from '../../../servers/logs/patterns/call-site';
import { minePatterns } from '../../../servers/logs/patterns/log-patterns';

/** Mines `lines` as one file through the tool's pass and returns the listed template of each line, in order. */
async function templatesOf(lines: string[]): Promise<string[]> {
  const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
  const byLine: string[] = [];
  for (const t of miner.templates()) for (const n of t.lineNumbers ?? []) byLine[n - 1] = t.template;
  return byLine;
}

/** GlusterFS's header (`[time] L [MSGID: n] [file.c:line:function] 0-xlator: message`), real lines around the ones tested. */
const GLUSTER = [
  '[2021-06-08 16:32:27.906249 +0000] I [MSGID: 106568] [glusterd-svc-mgmt.c:272:glusterd_svc_stop] 0-management: bitd service is stopped',
  '[2021-06-08 16:32:27.907103 +0000] I [MSGID: 106618] [glusterd-svc-helper.c:925:glusterd_attach_svc] 0-glusterd: adding svc glustershd (volume=sg1) to existing process with pid 4356',
  '[2021-07-13 12:38:26.125047 +0000] W [MSGID: 108001] [afr-common.c:6441:afr_notify] 0-gv-test-replicate-0: Client-quorum is not met',
  '[2023-03-21 11:22:06.540785 +0000] I [MSGID: 106061] [glusterd-utils.c:10847:glusterd_volume_status_copy_to_op_ctx_dict] 0-management: Dict get failed [{Key=count}]',
];
const gluster = (site: string, message: string): string => `[2021-06-08 16:32:27.906221 +0000] I [MSGID: 106131] [${site}:glusterd_proc_stop] 0-management: ${message}`;

describe('log intelligence: a call site names one statement', () => {
  it('reads the call site a header or record names, outside the message', () => {
    assert.equal(callSite('I1112 10:28:21.241558 446459 server.cc:280] Waiting for in-flight requests', 'Waiting for in-flight requests'), 'server.cc:280');
    const zap = '{"level":"info","ts":1599812530.4758391,"caller":"grpc@v1.29.1/clientconn.go:1056","msg":"Subchannel Connectivity change to CONNECTING","system":"grpc"}';
    assert.equal(callSite(zap, 'Subchannel Connectivity change to CONNECTING'), 'grpc@v1.29.1/clientconn.go:1056');
    assert.equal(callSite('[2023-06-28 01:30:30.606847 +08:00] INFO [src/relay_server.rs:81] Listening on tcp :20117', 'Listening on tcp :20117'), 'src/relay_server.rs:81');
    assert.equal(callSite('INFO 04-08 20:32:02 [api_server.py:573] Starting vLLM server', 'Starting vLLM server'), 'api_server.py:573');
    assert.equal(callSite('2019-01-02 10:00:00 INFO (Config.java:45) loaded', 'loaded'), 'Config.java:45');
    // An address is no place in a program; a location inside the message is what it reports, not where it was printed.
    assert.equal(callSite('2019-01-02 10:00:00 example.com:443 connected', 'connected'), undefined);
    assert.equal(callSite('2019-01-02 10:00:00 ERROR panic at main.go:12', 'panic at main.go:12'), undefined);
    // A record whose message was unescaped is not found in its line: nothing is read from it.
    assert.equal(callSite('{"caller":"a.go:1","msg":"say \\"hi\\""}', 'say "hi"'), undefined);
  });

  it('merges the templates of one call site that differ at one word (GlusterFS bitd / scrub, gRPC states)', async () => {
    // glusterd_proc_stop prints `%s already stopped` with the service's name: one statement (glusterd-proc-mgmt.c:86).
    const templates = await templatesOf([...GLUSTER, gluster('glusterd-proc-mgmt.c:86', 'bitd already stopped'), gluster('glusterd-proc-mgmt.c:86', 'scrub already stopped')]);
    assert.equal(templates[4], templates[5], templates.join(' | '));
    // Without the site's evidence, two words of one line each stay two templates (a rare outcome may be an event).
    const apart = await templatesOf([...GLUSTER, gluster('glusterd-proc-mgmt.c:86', 'bitd already stopped'), gluster('glusterd-proc-mgmt.c:112', 'scrub already stopped')]);
    assert.notEqual(apart[4], apart[5], apart.join(' | '));
    // grpc's clientconn.go:1056 fills in the new state, UPPER_CASE words that otherwise name events.
    const zap = (caller: string, msg: string, ts: number) => `{"level":"info","ts":${ts},"caller":"grpc@v1.29.1/${caller}","msg":"${msg}","system":"grpc","grpc_log":true}`;
    const grpc = await templatesOf([
      zap('clientconn.go:1056', 'Subchannel Connectivity change to CONNECTING', 1599812530.4758391),
      zap('clientconn.go:417', 'Channel Connectivity change to CONNECTING', 1599812530.4761722),
      zap('clientconn.go:1056', 'Subchannel Connectivity change to TRANSIENT_FAILURE', 1599812530.4769225),
      zap('resolver_conn_wrapper.go:143', 'ccResolverWrapper: sending update to cc: {[{:14250  <nil> 0 <nil>}] <nil> <nil>}', 1599812530.4771),
    ]);
    assert.equal(grpc[0], grpc[2], grpc.join(' | '));
    assert.notEqual(grpc[0], grpc[1]);
  });

  it('reads nothing from a site whose lines are unlike: a wrapper, or two versions with two statements at one line', async () => {
    // One site printing statements of other lengths is a logging helper: its alike lines are not merged by the site.
    const wrapper = await templatesOf([
      ...GLUSTER,
      gluster('glusterd-utils.c:99', 'bitd already stopped'),
      gluster('glusterd-utils.c:99', 'scrub already stopped'),
      gluster('glusterd-utils.c:99', 'volume gv0 rebalance finished after 3 retries'),
    ]);
    assert.notEqual(wrapper[4], wrapper[5], wrapper.join(' | '));
    // FreeSWITCH 1.4 and 1.10 print `State HANGUP` and `State HANGUP going to sleep` at switch_core_state_machine.c:679.
    const fs = (time: string, message: string) => `${time} [DEBUG] switch_core_state_machine.c:679 (sofia/internal/1005@172.16.18.107) ${message}`;
    const versions = await templatesOf([
      fs('2014-03-11 16:47:45.897332', 'State HANGUP'),
      fs('2014-03-11 16:47:45.897335', 'State HANGUP going to sleep'),
      '2014-03-11 16:47:45.897340 [DEBUG] switch_core_session.c:1695 (sofia/internal/1005@172.16.18.107) Session 29 Locked, Waiting on external entities',
    ]);
    assert.notEqual(versions[0], versions[1], versions.join(' | '));
  });
});
