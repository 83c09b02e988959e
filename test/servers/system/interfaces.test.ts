// A network interface that is down and holds no address (Linux, as root; skipped where one cannot be made).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { busiestInterface, type Interface } from '../../../servers/system/network/interfaces';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('system server: an interface that is down', function () {
  this.timeout(60_000);
  const name = `b23dn${process.pid % 10000}`;
  let made = false;
  let server: StartedServer;

  before(function () {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return this.skip();
    try {
      // A bridge with no member and no address stays down: what an unplugged NIC or a lost DHCP lease looks like.
      execFileSync('ip', ['link', 'add', name, 'type', 'bridge'], { stdio: 'ignore' });
      made = true;
    } catch {
      return this.skip(); // not allowed to add links (an unprivileged container)
    }
  });
  after(async () => {
    await server?.close();
    if (made) execFileSync('ip', ['link', 'del', name]);
  });

  // break23: systeminformation's '*' lists the interfaces os.networkInterfaces() names, only those holding an address:
  // get_network_usage answered "no network interface named …" for an interface that is there and down.
  it('is listed, with its state, and answered when asked for by name', async () => {
    assert.match(execFileSync('ip', ['-br', 'link', 'show', name], { encoding: 'utf8' }), /DOWN/);
    server = await startBuiltServer('system');
    const call = async (args: Data) => {
      const result = await server.client.callTool({ name: 'get_network_usage', arguments: { intervalMs: 500, ...args } });
      assert.notEqual(result.isError, true, JSON.stringify(result.content));
      return result.structuredContent as Data;
    };
    const one = await call({ interface: name });
    assert.deepEqual(one.interfaces.map((i: Data) => [i.name, i.state]), [[name, 'down']]);
    const all = await call({});
    assert.deepEqual(all.interfaces.filter((i: Data) => i.name === name).map((i: Data) => i.state), ['down']);
  });
});

// break33: get_network_usage said "busiest eth0" with every interface at 0 B/s, naming an idle one as if it carried traffic.
describe('system server: the busiest interface', () => {
  const row = (name: string, rx: number, tx: number, loopback = false) => ({ name, loopback, rxBytesPerSec: rx, txBytesPerSec: tx }) as Interface;

  it('is one that carried traffic, not loopback unless it is the only one, and none when all were idle', () => {
    assert.equal(busiestInterface([row('lo', 900, 900, true), row('eth0', 10, 0), row('eth1', 0, 0)])?.name, 'eth0');
    assert.equal(busiestInterface([row('lo', 900, 900, true), row('eth0', 0, 0)]), undefined, 'loopback traffic is not network use');
    assert.equal(busiestInterface([row('eth0', 0, 0), row('ifb0', 0, 0)]), undefined);
    assert.equal(busiestInterface([row('lo', 5, 5, true)])?.name, 'lo', 'the one interface asked for');
  });
});
