// Writes a realistic application log of a given size: ISO timestamps one per ~50 ms, levels
// mostly INFO with some DEBUG/WARN and a few ERROR lines (with ids, IPs, durations, paths), and
// an occasional Java-style stack trace. Deterministic (seeded), so runs compare.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** A seeded pseudo-random generator (mulberry32): the bench inputs are the same every run, so runs compare. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const components = ['api.http', 'db.pool', 'auth', 'cache', 'worker.queue', 'scheduler', 'payments', 'search'];
const users = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];
const paths = ['/api/v1/orders', '/api/v1/users/{id}', '/healthz', '/api/v1/search', '/static/app.js', '/api/v2/payments'];

export async function makeLog(file, targetBytes, { seed = 42, start = Date.UTC(2026, 10, 20, 0, 0, 0) } = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const ip = () => `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`;
  const out = createWriteStream(file);
  let written = 0;
  let time = start;
  let batch = [];
  let batchBytes = 0;
  const push = (line) => {
    batch.push(line);
    batchBytes += line.length + 1;
  };
  while (written < targetBytes) {
    time += Math.floor(random() * 100);
    const ts = new Date(time).toISOString();
    const r = random();
    const comp = pick(components);
    if (r < 0.7) {
      push(`${ts} INFO  [${comp}] request ${hex(8)} ${pick(['GET', 'POST', 'PUT'])} ${pick(paths).replace('{id}', String(Math.floor(random() * 99999)))} user=${pick(users)} status=200 took ${Math.floor(random() * 900)}ms from ${ip()}`);
    } else if (r < 0.85) {
      push(`${ts} DEBUG [${comp}] cache ${pick(['hit', 'miss'])} key=session:${hex(16)} size=${Math.floor(random() * 65536)}`);
    } else if (r < 0.97) {
      push(`${ts} WARN  [${comp}] slow query on db-${Math.floor(random() * 4)} took ${Math.floor(random() * 5000)}ms rows=${Math.floor(random() * 10000)}`);
    } else if (r < 0.995) {
      const kind = random();
      if (kind < 0.5) push(`${ts} ERROR [${comp}] timeout after ${Math.floor(random() * 60)}s on db-${Math.floor(random() * 4)} (request ${hex(8)})`);
      else if (kind < 0.8) push(`${ts} ERROR [${comp}] connection refused to ${ip()}:5432 retry ${Math.floor(random() * 5)}`);
      else {
        push(`${ts} ERROR [${comp}] unhandled exception in /srv/app/handlers/${pick(['order', 'user', 'pay'])}.js for user ${pick(users)}`);
        push(`java.lang.IllegalStateException: state ${hex(6)} invalid`);
        push(`\tat com.example.app.Handler.run(Handler.java:${Math.floor(random() * 400)})`);
        push(`\tat java.base/java.lang.Thread.run(Thread.java:833)`);
      }
    } else {
      push(`${ts} FATAL [${comp}] out of memory: heap ${Math.floor(random() * 4096)}MB used, pid ${Math.floor(random() * 65535)}`);
    }
    if (batchBytes > 1 << 20) {
      const text = batch.join('\n') + '\n';
      written += Buffer.byteLength(text);
      if (!out.write(text)) await once(out, 'drain');
      batch = [];
      batchBytes = 0;
    }
  }
  if (batch.length) {
    const text = batch.join('\n') + '\n';
    written += Buffer.byteLength(text);
    out.write(text);
  }
  out.end();
  await once(out, 'finish');
  return written;
}
