// Docker containers in the real extension host (#15): a private dockerd (test/support/docker-daemon.ts)
// with a running and an exited container that write known lines to stdout and stderr, read by the real
// logs server through devopsAssistant.logs.docker / logs.dockerHost. The Log Files tree lists them
// under Containers (running first, image and state beside the name, recent errors), a container opens
// with its lines and streams told apart, and an engine that cannot be reached is an item saying so.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServerState } from '../../src/mcp/types';
import type { NodeSpec } from '../../src/views/node';
import { BUSYBOX_IMAGE, dockerSkipReason, startDockerDaemon, type DockerDaemon } from '../support/docker-daemon';
import { waitUntil } from '../support/wait';
import { api, until } from './host';

const flatten = (nodes: readonly NodeSpec[]): NodeSpec[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
const refresh = () => vscode.commands.executeCommand<NodeSpec[]>('devopsAssistant.refreshLogFiles');
const SETTINGS = ['logs.journal', 'logs.docker', 'logs.dockerHost'];

describe('log sources: Docker containers in the Log Files tree', function () {
  this.timeout(240_000);
  const skip = dockerSkipReason();
  const config = () => vscode.workspace.getConfiguration('devopsAssistant');
  let daemon: DockerDaemon | undefined;

  async function use(values: unknown[]): Promise<void> {
    for (const [i, key] of SETTINGS.entries()) await config().update(key, values[i], vscode.ConfigurationTarget.Global);
  }

  /** The Containers group once every container has its error count. */
  async function containers(): Promise<NodeSpec> {
    return waitUntil(
      'the Containers group with the error counts',
      async () => {
        const group = (await refresh()).find((n) => n.label === 'Containers');
        return group?.children?.length === 2 && group.children.every((c) => /error/.test(c.description ?? '')) ? group : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  }

  before(async function () {
    if (skip) {
      console.log(`    (skipped: ${skip})`);
      return this.skip();
    }
    const { hub } = await api();
    await until('the logs server running', () => hub.states().some((s: ServerState) => s.name === 'logs' && s.status === 'running'), 90_000);
    daemon = await startDockerDaemon();
    // Docker stamps each stream's lines as it copies them: a pause keeps the two streams' order known.
    await daemon.run('worker', "echo 'INFO job 7 started'; sleep 0.3; echo 'ERROR job 7 failed: timeout after 30s' >&2; exit 1");
    await daemon.run('api', "echo 'INFO listening on :8080'; echo 'ERROR connection refused to db:5432' >&2; echo 'ERROR connection refused to db:5432' >&2; while true; do sleep 1; done");
    await daemon.waitExited('worker');
    // The local journal is left out so that the tree holds only the fixture (this machine may have one).
    await use(['off', 'on', daemon.host]);
  });

  after(async () => {
    if (skip) return;
    await use([undefined, undefined, undefined]);
    await waitUntil('the tree without the fixture containers', async () => !flatten(await refresh()).some((n) => n.id.startsWith('log-source/docker:')), { timeoutMs: 90_000, intervalMs: 500 });
    await daemon?.stop();
  });

  it('lists running and exited containers under Containers, running first, with image, state and recent errors', async () => {
    const group = await containers();
    assert.deepEqual(group.children!.map((n) => n.label), ['api', 'worker']);
    const [running, exited] = group.children!;
    assert.match(running.description!, new RegExp(`^2 errors · ${BUSYBOX_IMAGE} · Up `));
    assert.equal(running.icon, 'warning');
    assert.match(exited.description!, new RegExp(`^1 error · ${BUSYBOX_IMAGE} · Exited \\(1\\) `));
    assert.equal(running.data?.source, 'docker:api');
    assert.equal(group.description, '2 · 3 errors');
  });

  it('opens a container with its lines, stdout and stderr told apart', async () => {
    const text = await vscode.commands.executeCommand<string>('devopsAssistant.openLogSource', 'docker:worker');
    const lines = text.split('\n');
    assert.equal(lines.length, 2, text);
    assert.match(lines[0], /^\S+ \[stdout\] INFO job 7 started$/);
    assert.match(lines[1], /^\S+ \[stderr\] ERROR job 7 failed: timeout after 30s$/);
  });

  it('an engine it cannot reach is an item saying so, with its fixes a click away', async () => {
    await use(['off', 'on', 'unix:///nonexistent/docker.sock']);
    const problem = await waitUntil('the Docker problem item', async () => (await refresh()).find((n) => n.contextValue === 'devopsLogSourceProblem'), { timeoutMs: 90_000, intervalMs: 500 });
    assert.match(problem.label, /docker/i);
    assert.match(problem.label, /nonexistent\/docker\.sock/);
    assert.equal(problem.command?.command, 'devopsAssistant.showLogSourceProblem');
    assert.match(problem.command?.arguments?.[0] ?? '', /nonexistent\/docker\.sock/);
    assert.ok(!(await refresh()).some((n) => n.label === 'Containers'), 'no stale containers beside the problem');
  });
});
