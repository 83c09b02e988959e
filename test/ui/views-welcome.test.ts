// Welcome content when the trees have nothing to show: a folder that is not a git repository
// and has no log files.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureWorkspace, launchWorkbench, runCommand, type Workbench } from './support/workbench';
import { collapsePane } from './ui-helpers';

describe('UI: welcome content of the trees', function () {
  this.timeout(120_000);
  let folder: string;
  let workbench: Workbench;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'devops-plain-'));
    writeFileSync(join(folder, 'notes.md'), '# Not a repository\n');
    workbench = await launchWorkbench({ folder, env: { ANTHROPIC_API_KEY: '' } });
    await workbench.openView('Branches');
  });

  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('says the folder is not a git repository and that no log files were found, with buttons', async () => {
    const { page } = workbench;
    await collapsePane(page, 'Log Files', false);
    const pane = (name: string) => page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: name }) });
    const branches = pane('Branches').locator('.welcome-view-content');
    await branches.getByText('not a git repository').waitFor({ timeout: 60_000 });
    assert.equal(await branches.getByRole('button', { name: 'Initialize Repository' }).count(), 1);
    const logs = pane('Log Files').locator('.welcome-view-content');
    await logs.getByText('No log files were found').waitFor({ timeout: 60_000 });
    assert.equal(await logs.getByRole('button', { name: 'Configure Log Directories' }).count(), 1);
    await workbench.screenshot('welcome');
  });

  // leftovers25: the empty chat offered "Summarize what was committed today" in a folder that is not a repository.
  it('the empty chat says the folder is not a repository and offers no question about commits', async () => {
    await workbench.openView('Chat');
    const chat = workbench.chatFrame();
    await chat.locator('.empty', { hasText: 'is a git repository' }).waitFor({ timeout: 30_000 });
    const examples = await chat.locator('.empty button.example').allInnerTexts();
    assert.ok(examples.length >= 2, examples.join(' | '));
    assert.ok(!examples.some((e) => /commit|changed the most/i.test(e)), examples.join(' | '));
    assert.equal(await chat.locator('.empty h2', { hasText: 'repository' }).count(), 0, 'the title promises no repository');
  });

  it('the status bar shows the servers\' health; clicking it opens the status report', async () => {
    const { page } = workbench;
    const item = page.locator('.statusbar-item', { hasText: /DevOps \d\/\d/ });
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: /DevOps [1-9]\/\d/ }).waitFor({ timeout: 30_000 });
    await item.locator('a').first().click();
    await page.locator('.editor-instance .view-lines', { hasText: 'DevOps Assistant: MCP servers' }).waitFor({ timeout: 15_000 });
    // break22: each click opened another untitled file, which VS Code counted as unsaved and asked to save on close.
    await item.locator('a').first().click();
    await page.locator('.editor-instance .view-lines', { hasText: 'DevOps Assistant: MCP servers' }).waitFor({ timeout: 15_000 });
    const tabs = page.locator('.tabs-container .tab', { hasText: 'DevOps Assistant servers' });
    await tabs.first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await tabs.count(), 1, 'one report tab, whatever the clicks');
    assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'no unsaved file');
  });
});

// leftovers25: the same in Korean: the hint says there is no repository and no commit question is offered.
describe('UI: the empty chat in a folder that is not a repository, in Korean', function () {
  this.timeout(180_000);
  let folder: string;
  let workbench: Workbench;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'devops-plain-ko-'));
    writeFileSync(join(folder, 'notes.md'), '# 저장소 아님\n');
    workbench = await launchWorkbench({ folder, env: { ANTHROPIC_API_KEY: '' }, locale: 'ko' });
  });

  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('says in Korean that no folder is a git repository and offers no commit question', async () => {
    await runCommand(workbench.page, 'DevOps Assistant: Focus on 채팅 View');
    const chat = workbench.chatFrame();
    await chat.locator('.empty', { hasText: 'git 저장소가 아니어서 읽을 커밋이 없습니다' }).waitFor({ timeout: 60_000 });
    const examples = await chat.locator('.empty button.example').allInnerTexts();
    assert.ok(examples.length >= 2, examples.join(' | '));
    assert.ok(!examples.some((e) => /커밋|가장 많이 수정/.test(e)), examples.join(' | '));
  });
});

// break22: in a multi-root workspace a folder that is not a repository vanished from Branches without a word.
describe('UI: Branches in a multi-root workspace with a folder that is not a repository', function () {
  this.timeout(180_000);
  let root: string;
  let repo: string;
  let workbench: Workbench;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'devops-mixed-'));
    repo = createFixtureWorkspace();
    const plain = join(root, 'notes');
    mkdirSync(plain);
    writeFileSync(join(plain, 'README.md'), '# notes, not a repository\n');
    const file = join(root, 'mixed.code-workspace');
    writeFileSync(file, JSON.stringify({ folders: [{ path: repo }, { path: plain }] }));
    workbench = await launchWorkbench({ folder: file });
  });

  after(async () => {
    await workbench?.close();
    if (root) rmSync(root, { recursive: true, force: true });
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it('keeps the plain folder in the tree and says it is not a git repository', async () => {
    const { page } = workbench;
    await workbench.openView('Branches');
    const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Branches' }) });
    await pane.locator('.monaco-list-row', { hasText: 'main' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const notes = pane.locator('.monaco-list-row', { hasText: 'notes' });
    await notes.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await notes.getAttribute('aria-expanded')) === 'false') await notes.click();
    await pane.locator('.monaco-list-row', { hasText: 'Not a git repository' }).waitFor({ state: 'visible', timeout: 15_000 });
  });
});
