// What the empty chat can offer, from what the workspace has: a repository (commit questions), somewhere to read logs
// (log questions) and a fleet (fleet questions). No `vscode` import, so the choice is unit-tested without a window.
import { findGitDirs } from '../../servers/git/repo/git-dirs';
import { fleetSettingsProblem } from '../mcp/server-specs';
import type { Settings } from '../settings';

/** What the tools of this window can read; each false leaves out the questions that need it. */
export interface WorkspaceOffer {
  /** A workspace folder is open (the git and logs servers read the workspace folders). */
  folderOpen: boolean;
  /** At least one workspace folder lies inside a git working tree, so commit questions have an answer. */
  repository: boolean;
  /** The logs server has somewhere to look: a folder, a configured log directory, the journal or Docker not turned off. */
  logs: boolean;
  /** The system server has fleet tools (a valid `prometheus.url`). */
  fleet: boolean;
}

/**
 * `folders`: the file-system paths of the workspace folders (folders of other schemes are not read by the servers and
 * are left out by the caller). Reads `.git` entries on disk (findGitDirs, no git run), so it is quick but not free: call
 * it when the chat is shown, not per keystroke.
 */
export function workspaceOffer(folders: readonly string[], settings: Pick<Settings, 'logDirectories' | 'logSources' | 'prometheus'>): WorkspaceOffer {
  const folderOpen = folders.length > 0;
  return {
    folderOpen,
    repository: folders.some((folder) => findGitDirs(folder) !== undefined),
    logs: folderOpen || settings.logDirectories.length > 0 || settings.logSources.journal !== 'off' || settings.logSources.docker !== 'off',
    fleet: settings.prometheus.url !== '' && fleetSettingsProblem(settings.prometheus) === undefined,
  };
}

