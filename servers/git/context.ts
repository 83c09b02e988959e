/** What every git tool needs: the folder the server was started for (REPO_PATH / --repo). */
export interface GitServerContext {
  repoPath: string;
}
