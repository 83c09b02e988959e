// What the empty chat offers follows what the workspace has: a real repository (git init), a plain folder, settings.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceOffer } from '../../src/chat/offer';
import type { Settings } from '../../src/settings';

const quiet: Pick<Settings, 'logDirectories' | 'logSources' | 'prometheus'> = {
  logDirectories: [],
  logSources: { journal: 'off', journalPaths: [], docker: 'off', dockerHost: '' },
  prometheus: { url: '', hostLabel: '', timeoutSeconds: 10 },
};

describe('chat offer: what the workspace has', () => {
  let root: string;
  let repo: string;
  let plain: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'devops-offer-'));
    repo = join(root, 'repo');
    plain = join(root, 'plain');
    mkdirSync(join(repo, 'src'), { recursive: true });
    mkdirSync(plain);
    execFileSync('git', ['init', '-q', repo]);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  // leftovers25: a folder that was not a git repository still got "Summarize what was committed today".
  it('a folder that is not a git repository offers no commits', () => {
    assert.deepEqual(workspaceOffer([plain], quiet), { folderOpen: true, repository: false, logs: true, fleet: false });
  });

  it('a repository, a folder below its top, or one repository among several folders offers commits', () => {
    assert.equal(workspaceOffer([repo], quiet).repository, true);
    assert.equal(workspaceOffer([join(repo, 'src')], quiet).repository, true);
    assert.equal(workspaceOffer([plain, repo], quiet).repository, true);
  });

  it('no folder: logs only where a log directory, the journal or Docker can be read', () => {
    assert.deepEqual(workspaceOffer([], quiet), { folderOpen: false, repository: false, logs: false, fleet: false });
    assert.equal(workspaceOffer([], { ...quiet, logDirectories: ['/var/log/app'] }).logs, true);
    assert.equal(workspaceOffer([], { ...quiet, logSources: { ...quiet.logSources, journal: 'auto' } }).logs, true);
  });

  it('a fleet only with a usable Prometheus URL', () => {
    assert.equal(workspaceOffer([plain], { ...quiet, prometheus: { url: 'http://prometheus:9090', hostLabel: '', timeoutSeconds: 10 } }).fleet, true);
    assert.equal(workspaceOffer([plain], { ...quiet, prometheus: { url: 'http://user:pw@prometheus:9090', hostLabel: '', timeoutSeconds: 10 } }).fleet, false);
  });
});
