// The Docker log decoding without a daemon: frames of the multiplexed stream split anywhere by the network, the
// lines they carry (split >16 KiB lines joined, TTY continuations, "\r\n", a cut over-long line, the partial last
// line), the daemon's times at ms precision, the API's whole-second window, addresses, names and version checks.
// The same paths against the real daemon: docker-source.test.ts.
import assert from 'node:assert/strict';
import os from 'node:os';
import { Readable } from 'node:stream';
import { MAX_LINE_BYTES } from '../../../servers/logs/io/chunks';
import { resolveDockerAddress } from '../../../servers/logs/sources/docker/address';
import { apiVersionAtLeast, describeDockerFailure } from '../../../servers/logs/sources/docker/errors';
import { logPieces, type LogPiece } from '../../../servers/logs/sources/docker/frames';
import { parseTimestamp } from '../../../servers/logs/format/timestamps';
import { DockerLineAssembler, type DockerLine } from '../../../servers/logs/sources/docker/lines';
import { containerSources, sourceContainerRef } from '../../../servers/logs/sources/docker/names';
import { apiWindow } from '../../../servers/logs/sources/docker/provider';

function frame(type: number, payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

/** `bytes` cut into chunks of `size` bytes, as a socket might deliver them. */
function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function decode(bytes: Buffer, tty: boolean, chunkSize: number): Promise<DockerLine[]> {
  const assembler = new DockerLineAssembler(tty);
  const lines: DockerLine[] = [];
  for await (const piece of logPieces(chunked(bytes, chunkSize), tty)) lines.push(...assembler.push(piece));
  return [...lines, ...assembler.flush()];
}

const T1 = '2024-05-01T13:00:00.123456789Z';
const T2 = '2024-05-01T13:00:01.000999999Z';
const MS1 = Date.UTC(2024, 4, 1, 13, 0, 0, 123);
const MS2 = Date.UTC(2024, 4, 1, 13, 0, 1, 0);

describe('logs docker source: decoding', () => {
  it('reads frames split at every byte boundary, skips stdin frames, and refuses a header that is not a frame', async () => {
    const bytes = Buffer.concat([frame(1, `${T1} out\n`), frame(0, 'typed'), frame(2, `${T2} err\n`), frame(1, '')]);
    for (const size of [1, 3, 8, 9, bytes.length]) {
      const pieces: LogPiece[] = await collect(logPieces(chunked(bytes, size), false));
      assert.deepEqual(
        pieces.map((p) => [p.stream, p.bytes.toString(), p.messageStart]),
        [['stdout', `${T1} out\n`, true], ['stderr', `${T2} err\n`, true]],
        `chunks of ${size}`,
      );
    }
    await assert.rejects(collect(logPieces(chunked(Buffer.from(`${T1} raw text\n`), 4), false)), /not multiplexed/);
  });

  it('joins the pieces of a long line (each with its own time) into one line with the first time, also across streams', async () => {
    const euro = '€'.repeat(6000); // 18000 bytes: cut in the middle of a character below
    const raw = Buffer.from(euro);
    const bytes = Buffer.concat([
      frame(1, Buffer.concat([Buffer.from(`${T1} `), raw.subarray(0, 16385)])),
      frame(2, `${T2} between\n`),
      frame(1, Buffer.concat([Buffer.from(`${T2} `), raw.subarray(16385), Buffer.from('\n')])),
    ]);
    for (const size of [7, 4096, bytes.length]) {
      assert.deepEqual(await decode(bytes, false, size), [
        { stream: 'stderr', time: MS2, text: 'between' },
        { stream: 'stdout', time: MS1, text: euro },
      ]);
    }
  });

  it('reads a TTY stream: no frames, "\\r\\n" ends, a split line found by its own repeated time, the partial last line kept', async () => {
    const long = 'x'.repeat(16384) + 'y'.repeat(100);
    const bytes = Buffer.from(`${T1} one\r\n${T1} ${long.slice(0, 16384)}${T1} ${long.slice(16384)}\r\n${T2} last without end`);
    assert.deepEqual(await decode(bytes, true, 1000), [
      { stream: 'stdout', time: MS1, text: 'one' },
      { stream: 'stdout', time: MS1, text: long },
      { stream: 'stdout', time: MS2, text: 'last without end' },
    ]);
  });

  it('cuts a line longer than MAX_LINE_BYTES there and says how much was left out', async () => {
    const assembler = new DockerLineAssembler(false);
    const big = Buffer.alloc(MAX_LINE_BYTES + 10, 'a');
    assert.deepEqual(assembler.push({ stream: 'stdout', bytes: Buffer.concat([Buffer.from(`${T1} `), big]), messageStart: true }), []);
    const [line] = assembler.push({ stream: 'stdout', bytes: Buffer.from('\n'), messageStart: false });
    const kept = MAX_LINE_BYTES - T1.length - 1;
    assert.equal(line.text, `${'a'.repeat(kept)} … [${big.length - kept} more bytes of this line not kept]`);
  });

  it('reads the daemon times at ms precision, with fractions of any length and offsets', () => {
    assert.equal(parseTimestamp(T1), MS1);
    assert.equal(parseTimestamp('2024-05-01T13:00:00Z'), Date.UTC(2024, 4, 1, 13));
    assert.equal(parseTimestamp('2024-05-01T13:00:00.5+02:00'), Date.UTC(2024, 4, 1, 11, 0, 0, 500));
    assert.equal(parseTimestamp('yesterday'), undefined);
  });

  it('asks the API for whole seconds around the window (since floored, until rounded up)', () => {
    assert.deepEqual(apiWindow({ since: 1714568400123, until: 1714568401001 }), { since: 1714568400, until: 1714568402 });
    assert.deepEqual(apiWindow({ since: 1714568400000 }), { since: 1714568400 });
    assert.deepEqual(apiWindow({ until: 1714568400000 }), { until: 1714568400 });
    assert.deepEqual(apiWindow({}), {});
  });

  it('resolves DOCKER_HOST like the docker CLI: unix, tcp, bare host:port, TLS port, ssh, the default socket, and refuses other schemes', () => {
    assert.deepEqual(resolveDockerAddress('unix:///run/d.sock', {}), { options: { socketPath: '/run/d.sock' }, url: 'unix:///run/d.sock', socketPath: '/run/d.sock' });
    assert.equal(resolveDockerAddress(undefined, { DOCKER_HOST: 'unix:///x.sock' }).url, 'unix:///x.sock');
    assert.equal(resolveDockerAddress('', { DOCKER_HOST: 'unix:///x.sock' }).url, 'unix:///x.sock', 'an empty setting means the environment');
    assert.deepEqual(resolveDockerAddress('tcp://10.0.0.5:2375', {}).options, { protocol: 'http', host: '10.0.0.5', port: '2375' });
    assert.deepEqual(resolveDockerAddress('10.0.0.5:2375', {}).url, 'tcp://10.0.0.5:2375');
    assert.equal(resolveDockerAddress('tcp://h:2376', {}).options.protocol, 'https');
    assert.equal(resolveDockerAddress('tcp://h:2375', { DOCKER_TLS_VERIFY: '1' }).options.protocol, 'https');
    assert.equal(resolveDockerAddress('ssh://me@build-host', {}).url, 'ssh://me@build-host:22');
    const fallback = resolveDockerAddress(undefined, {});
    assert.ok(['/var/run/docker.sock', `${os.homedir()}/.docker/run/docker.sock`].includes(fallback.socketPath ?? ''), fallback.url);
    assert.throws(() => resolveDockerAddress('ftp://h', {}), /scheme ftp: .*unix:\/\/, tcp:\/\/ or ssh:\/\//);
    assert.throws(() => resolveDockerAddress('tcp://h:2376', { DOCKER_CERT_PATH: '/nonexistent' }), /DOCKER_CERT_PATH=\/nonexistent/);
  });

  it('says what to do for each way a connection fails', () => {
    const unix = resolveDockerAddress('unix:///run/d.sock', {});
    const tcp = resolveDockerAddress('tcp://h:2375', {});
    const cases: Array<[object, typeof unix, RegExp]> = [
      [{ code: 'EACCES' }, unix, /no permission to use the Docker socket \/run\/d\.sock: add your user to the docker group/],
      [{ code: 'ENOENT' }, unix, /not running: there is no socket at \/run\/d\.sock\. Start Docker/],
      [{ code: 'ECONNREFUSED' }, tcp, /not running: nothing answers at tcp:\/\/h:2375/],
      [{ code: 'ENOTFOUND' }, tcp, /name lookup failed/],
      [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, tcp, /TLS connection .* DOCKER_CERT_PATH/],
      [{ statusCode: 400, json: { message: 'client version 1.11 is too old. Minimum supported API version is 1.12' } }, unix, /refuses this client's API version: client version 1\.11 is too old.*Upgrade Docker/],
      [{ statusCode: 400, json: Buffer.from('Client sent an HTTP request to an HTTPS server.\n') }, tcp, /^Docker at tcp:\/\/h:2375 wants TLS: set DOCKER_TLS_VERIFY=1/],
      [{ statusCode: 500, json: { message: 'boom' } }, unix, /^Docker at unix:\/\/\/run\/d\.sock failed: boom$/],
    ];
    for (const [error, address, expected] of cases) assert.match(describeDockerFailure(error, address), expected);
    assert.ok(apiVersionAtLeast('1.41', '1.35') && apiVersionAtLeast('2.0', '1.35') && !apiVersionAtLeast('1.30', '1.35') && !apiVersionAtLeast('x', '1.35'));
  });

  it('names containers docker:<name> without the "/", ignores link aliases, and falls back to the short id for a shared name', () => {
    const base = { Image: 'img', State: 'running', Status: 'Up 1 second' };
    const sources = containerSources(
      [
        { ...base, Id: 'a'.repeat(64), Names: ['/web/db', '/db'] },
        { ...base, Id: 'b'.repeat(64), Names: ['/web'] },
        { ...base, Id: 'c'.repeat(64), Names: ['/web'] },
      ],
      'docker at unix:///s',
    );
    assert.deepEqual(sources.map((s) => s.name), ['docker:db', `docker:${'b'.repeat(12)}`, `docker:${'c'.repeat(12)}`]);
    assert.deepEqual(sources[0].container, { id: 'a'.repeat(64), image: 'img', state: 'running', status: 'Up 1 second' });
    assert.equal(sourceContainerRef('docker:db'), 'db');
  });
});
