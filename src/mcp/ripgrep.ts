// Finds the ripgrep binary VS Code ships (its location moved between versions), then `rg` on PATH.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function ripgrepCandidates(appRoot: string, platform: string = process.platform, arch: string = process.arch): string[] {
  const exe = platform === 'win32' ? 'rg.exe' : 'rg';
  const modules = [join(appRoot, 'node_modules'), join(appRoot, 'node_modules.asar.unpacked')];
  const out: string[] = [];
  for (const dir of modules) {
    out.push(join(dir, '@vscode', 'ripgrep-universal', 'bin', `${platform}-${arch}`, exe));
    out.push(join(dir, '@vscode', 'ripgrep', 'bin', exe));
  }
  return out;
}

export function resolveRipgrep(
  appRoot: string | undefined,
  pathEnv: string | undefined = process.env.PATH,
  exists: (p: string) => boolean = existsSync,
  platform: string = process.platform,
  arch: string = process.arch,
): string | undefined {
  if (appRoot) {
    for (const candidate of ripgrepCandidates(appRoot, platform, arch)) if (exists(candidate)) return candidate;
  }
  const exe = platform === 'win32' ? 'rg.exe' : 'rg';
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, exe);
    if (exists(candidate)) return candidate;
  }
  return undefined;
}
