// A small, realistic workspace for tests and demos: a git repository with a few commits on
// two branches, and a logs/ folder with application, nginx and JSON logs including errors.
//
//   import { createFixtureWorkspace } from './fixture.mjs'   -> absolute path of a new temp folder
//   node scripts/vscode/fixture.mjs [target-dir]             -> prints the path
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const appLog = [
  '2026-11-20 09:00:01 INFO  [main] Service starting, version 2.4.1',
  '2026-11-20 09:00:02 INFO  [db] Connected to postgres at db.internal:5432',
  '2026-11-20 09:01:15 WARN  [http] Slow response on GET /api/orders took 2300 ms',
  '2026-11-20 09:02:40 ERROR [db] Connection refused: db.internal:5432 (attempt 1 of 3)',
  '2026-11-20 09:02:45 ERROR [db] Connection refused: db.internal:5432 (attempt 2 of 3)',
  '2026-11-20 09:02:50 ERROR [db] Connection refused: db.internal:5432 (attempt 3 of 3)',
  '2026-11-20 09:02:51 ERROR [worker] Job 8812 failed: TimeoutError: operation timed out after 30000 ms',
  '    at Worker.run (/srv/app/worker.js:88:13)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '2026-11-20 09:03:10 INFO  [db] Reconnected to postgres at db.internal:5432',
  '2026-11-20 09:05:00 WARN  [cache] Redis memory usage at 91%',
  '2026-11-20 09:07:33 ERROR [worker] Job 8820 failed: TimeoutError: operation timed out after 30000 ms',
  '2026-11-20 09:10:00 INFO  [main] Health check ok',
];

const nginxLog = [
  '10.0.0.5 - - [20/Nov/2026:09:00:03 +0000] "GET /api/health HTTP/1.1" 200 17 "-" "kube-probe/1.29"',
  '10.0.0.7 - - [20/Nov/2026:09:01:15 +0000] "GET /api/orders HTTP/1.1" 200 5120 "-" "Mozilla/5.0"',
  '10.0.0.7 - - [20/Nov/2026:09:02:41 +0000] "POST /api/orders HTTP/1.1" 502 166 "-" "Mozilla/5.0"',
  '10.0.0.9 - - [20/Nov/2026:09:02:47 +0000] "GET /api/orders/12 HTTP/1.1" 504 160 "-" "curl/8.5.0"',
  '10.0.0.5 - - [20/Nov/2026:09:03:03 +0000] "GET /api/health HTTP/1.1" 200 17 "-" "kube-probe/1.29"',
];

const jsonLog = [
  { ts: '2026-11-20T09:00:05Z', level: 'info', msg: 'payment service ready', service: 'payments' },
  { ts: '2026-11-20T09:02:42Z', level: 'error', msg: 'card processor returned 503', service: 'payments', orderId: 991 },
  { ts: '2026-11-20T09:02:44Z', level: 'warn', msg: 'retrying card processor', service: 'payments', attempt: 2 },
  { ts: '2026-11-20T09:04:00Z', level: 'info', msg: 'payment captured', service: 'payments', orderId: 991 },
].map((entry) => JSON.stringify(entry));

function git(cwd, ...args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Dana Dev',
      GIT_AUTHOR_EMAIL: 'dana@example.com',
      GIT_COMMITTER_NAME: 'Dana Dev',
      GIT_COMMITTER_EMAIL: 'dana@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

function write(root, relativePath, lines) {
  const file = join(root, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Array.isArray(lines) ? lines.join('\n') + '\n' : lines);
}

/**
 * Creates the fixture in `target` (must not exist or be empty) or in a fresh temp folder.
 * Returns its absolute path. Logs are git-ignored, as in most repositories.
 */
export function createFixtureWorkspace(target) {
  const root = target ? resolve(target) : mkdtempSync(join(tmpdir(), 'devops-fixture-'));
  mkdirSync(root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');

  write(root, 'README.md', '# orders-service\n\nA small service used as a test fixture.\n');
  write(root, '.gitignore', 'logs/\n');
  write(root, 'src/server.js', "const http = require('node:http');\nhttp.createServer((_, res) => res.end('ok')).listen(3000);\n");
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'Initial commit', '--date', '2026-11-18T10:00:00Z');

  write(root, 'src/db.js', "module.exports.connect = () => { /* retries 3 times */ };\n");
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'Add database connection with retries', '--date', '2026-11-19T11:30:00Z');

  git(root, 'checkout', '-q', '-b', 'feature/payment-retries');
  write(root, 'src/payments.js', "module.exports.charge = async () => { /* retry on 503 */ };\n");
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'Retry card processor on 503', '--date', '2026-11-20T08:15:00Z');
  git(root, 'checkout', '-q', 'main');

  write(root, 'src/server.js', "const http = require('node:http');\nhttp.createServer((_, res) => res.end('ok')).listen(process.env.PORT ?? 3000);\n");
  git(root, 'commit', '-q', '-am', 'Read port from PORT', '--date', '2026-11-20T09:20:00Z');

  // An uncommitted change, so git_status has something to say.
  write(root, 'README.md', '# orders-service\n\nA small service used as a test fixture.\n\nRun: `node src/server.js`\n');

  write(root, 'logs/app.log', appLog);
  write(root, 'logs/nginx/access.log', nginxLog);
  write(root, 'logs/payments.jsonl', jsonLog);
  return root;
}

/** The repositories of the multi-root workspace: folder on disk, name in the workspace file (none: VS Code uses the folder name), commits. */
export const MULTI_ROOT_REPOSITORIES = [
  { path: 'frontend', name: '前端', subjects: ['frontend: render the order list', 'frontend: add checkout page'] },
  { path: 'backend', name: '백엔드', subjects: ['backend: orders endpoint'] },
  { path: 'one/api', subjects: ['api one: health route'] },
  { path: 'two/api', subjects: ['api two: billing route'] },
];

/**
 * A multi-root workspace in a fresh temp folder: one small repository per MULTI_ROOT_REPOSITORIES
 * entry (two of them both named "api"), `multi-root.code-workspace` listing them and, for the
 * tests, `repositories.json` (the table). Returns the workspace file's absolute path (its folder holds everything).
 */
export function createMultiRootWorkspace() {
  const root = mkdtempSync(join(tmpdir(), 'devops-multiroot-'));
  for (const repo of MULTI_ROOT_REPOSITORIES) {
    const dir = join(root, repo.path);
    mkdirSync(dir, { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    repo.subjects.forEach((subject, i) => {
      write(dir, `change-${i + 1}.txt`, `${subject}\n`);
      git(dir, 'add', '.');
      git(dir, 'commit', '-q', '-m', subject, '--date', `2026-11-${String(18 + i).padStart(2, '0')}T10:00:00Z`);
    });
  }
  const file = join(root, 'multi-root.code-workspace');
  const folders = MULTI_ROOT_REPOSITORIES.map((repo) => (repo.name ? { path: repo.path, name: repo.name } : { path: repo.path }));
  writeFileSync(file, JSON.stringify({ folders, settings: {} }, null, 2));
  writeFileSync(join(root, 'repositories.json'), JSON.stringify(MULTI_ROOT_REPOSITORIES, null, 2));
  return file;
}

/**
 * A linked worktree of the fixture repository (`git worktree add`, branch `topic`), the way people work on two
 * branches at once: its .git is a file naming <main>/.git/worktrees/linked, where its HEAD is kept, outside the
 * folder. Both live in one fresh temp folder (`main/`, `linked/`). Returns the linked worktree's absolute path.
 */
export function createLinkedWorktree() {
  const parent = mkdtempSync(join(tmpdir(), 'devops-worktree-'));
  const main = createFixtureWorkspace(join(parent, 'main'));
  const linked = join(parent, 'linked');
  git(main, 'worktree', 'add', '-q', linked, '-b', 'topic');
  return linked;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(createFixtureWorkspace(process.argv[2]));
}
