// Mocha hooks shared by the chat's UI tests: before the suite a fresh fixture, the mock Anthropic
// API and a workbench on them (a fresh profile); a picture of the screen when a test fails; all
// closed after the suite.
import { rmSync } from 'node:fs';
import { linkedExtension } from '../../../scripts/vscode/code-server.mjs';
import { startMockAnthropic, type MockAnthropic } from '../../support/mock-anthropic';
import { createFixtureWorkspace, launchWorkbench, type Workbench, type WorkbenchOptions } from './workbench';

export interface MockedWorkbench {
  workbench: Workbench;
  mock: MockAnthropic;
  folder: string;
}

export interface MockedWorkbenchOptions {
  /** '' starts without a key (the chat shows its "Set API Key" banner). */
  apiKey: string;
  viewport?: WorkbenchOptions['viewport'];
  /** Extra user settings (the mock's base URL is always set). */
  settings?: Record<string, unknown>;
  /** Failure pictures go to test-output/screenshots/tmp/<failurePrefix>-<test title>.png. */
  failurePrefix: string;
  /** More extensions beside ours, and environment for the extension host (e.g. the scripted model's turns). */
  extensions?: string[];
  env?: Record<string, string>;
  /** The folder to open instead of a fresh fixture repository; '' for an empty window (WorkbenchOptions.folder). */
  folder?: string;
  /** Display language (WorkbenchOptions.locale). */
  locale?: WorkbenchOptions['locale'];
  /** The browser's time zone (WorkbenchOptions.timezoneId). */
  timezoneId?: string;
}

/** Registers the hooks in the calling `describe`; the returned getter is valid inside its tests. */
export function useMockedWorkbench(options: MockedWorkbenchOptions): () => MockedWorkbench {
  let state: Partial<MockedWorkbench> = {};
  before(async () => {
    const mock = await startMockAnthropic();
    const folder = options.folder ?? createFixtureWorkspace();
    state = { mock, folder };
    state.workbench = await launchWorkbench({
      folder,
      env: { ANTHROPIC_API_KEY: options.apiKey, ANTHROPIC_BASE_URL: mock.url, ...(options.env ?? {}) },
      settings: { 'devopsAssistant.anthropicBaseUrl': mock.url, ...(options.settings ?? {}) },
      viewport: options.viewport,
      locale: options.locale,
      timezoneId: options.timezoneId,
      extraExtensions: (options.extensions ?? []).map(linkedExtension),
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !state.workbench) return;
    const name = (this.currentTest.title.match(/[\w-]+/g) ?? ['failure']).join('-').slice(0, 50);
    await state.workbench.screenshot(`tmp/${options.failurePrefix}-${name}`).catch(() => undefined);
  });
  after(async () => {
    await state.workbench?.close();
    await state.mock?.close();
    if (state.folder && options.folder === undefined) rmSync(state.folder, { recursive: true, force: true });
  });
  return () => {
    if (!state.workbench || !state.mock || state.folder === undefined) throw new Error('the workbench is not started (used outside a test?)');
    return state as MockedWorkbench;
  };
}
