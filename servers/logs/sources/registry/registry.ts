// Which source providers are on, every source they list, and name → provider: the one place the tools and resources
// ask about sources.
import { InvalidArgumentError, NotFoundError } from '../../../shared/tool-result';
import { unitStem } from '../journal/names';
import { dockerProvider } from '../docker';
import { JournalProvider } from '../journal/provider';
import type { LogSourceProvider, RecordQuery, SourceFilter, SourceInfo, SourceKind, SourceRecord } from '../types';

export type Switch = 'auto' | 'on' | 'off';

export interface SourcesConfig {
  /** The local system journal: auto reads it when journalctl exists and the journal holds entries it may read. */
  journal: Switch;
  /** Absolute journal directories (systemd-journal-remote's output, a copied /var/log/journal), without repeats. */
  journalDirs: string[];
  /** Absolute .journal files, without repeats. */
  journalFiles: string[];
  /** The journalctl binary: an absolute path, or "journalctl" looked up on PATH. */
  journalctl: string;
  /** Docker containers through the Engine API: auto lists them when the daemon answers. */
  docker: Switch;
  /** DOCKER_HOST (unix:// or tcp://), undefined for the default socket. */
  dockerHost: string | undefined;
  /** iconv-lite's name of the charset journal entries that are not UTF-8 are decoded in (LOG_ENCODING); none: U+FFFD. */
  legacyDecoder?: string;
}

export interface SourceListing {
  sources: SourceInfo[];
  /** What keeps a source from being read, each saying what to do (daemon down, no permission…). */
  problems: string[];
}

/** What every read of a source goes through (the server's: young-generation.ts growWhileReading); by default nothing. */
export type SourceReadWrapper = (records: AsyncIterable<SourceRecord>) => AsyncIterable<SourceRecord>;

export class SourceRegistry {
  constructor(
    readonly providers: readonly LogSourceProvider[],
    private readonly wrapRead: SourceReadWrapper = (records) => records,
  ) {}

  /** The provider of a source name (`journal:…` → the journal), or undefined when that kind is off or unknown. */
  providerOf(name: string): LogSourceProvider | undefined {
    const kind = name.slice(0, name.indexOf(':'));
    return this.providers.find((p) => p.kind === kind);
  }

  /**
   * Every source of the providers that are on, narrowed by `filter` (see `matchesFilter`), sorted by name. A provider
   * that fails gives a problem instead (never throws, except an AbortError). `onProgress`: see LogSourceProvider.list.
   */
  async list(filter: SourceFilter = {}, signal?: AbortSignal, onProgress?: (message: string) => void): Promise<SourceListing> {
    const wanted = kindsOf(filter);
    const results = await Promise.all(this.providers.filter((p) => wanted.includes(p.kind)).map((p) => p.list(signal, onProgress)));
    const sources = results.flatMap((r) => r.sources).filter((s) => matchesFilter(s, filter));
    return { sources: sources.sort((a, b) => a.name.localeCompare(b.name)), problems: results.flatMap((r) => (r.problem ? [r.problem] : [])) };
  }

  /** The records of one source (LogSourceProvider.read). Throws NotFoundError when its kind is off, InvalidArgumentError when unknown. */
  read(name: string, query: RecordQuery): AsyncIterable<SourceRecord> {
    const provider = this.providerOf(name);
    if (!provider) {
      const kind = name.slice(0, name.indexOf(':'));
      const how = kind === 'journal' ? '--journal on / LOG_JOURNAL=on, or --journal-dir / --journal-file' : kind === 'docker' ? '--docker on / LOG_DOCKER=on' : undefined;
      // Off here, so no such source in this server; an unknown kind cannot name one anywhere.
      if (how) throw new NotFoundError(`${kind} sources are turned off in this server: turn them on with ${how}`);
      throw new InvalidArgumentError(`unknown source kind in ${name}: names start with journal: or docker:`);
    }
    return this.wrapRead(provider.read(name, query));
  }
}

/** Which kinds a filter asks for: unit and host narrow the journal, container the containers; none asks for all. */
function kindsOf(filter: SourceFilter): SourceKind[] {
  const kinds: SourceKind[] = [];
  if (filter.unit !== undefined || filter.host !== undefined) kinds.push('journal');
  if (filter.container !== undefined) kinds.push('docker');
  return kinds.length > 0 ? kinds : ['journal', 'docker'];
}

/**
 * A source passes when each filter of its kind holds: `unit` is its unit or the unit's stem (`nginx` for
 * nginx.service), `host` its host, `container` its container's name or the start of its id.
 */
export function matchesFilter(source: SourceInfo, filter: SourceFilter): boolean {
  if (source.kind === 'journal') {
    if (filter.unit !== undefined && source.unit !== filter.unit && (source.unit === undefined || unitStem(source.unit) !== filter.unit)) return false;
    return filter.host === undefined || source.host === filter.host;
  }
  if (filter.container === undefined) return true;
  return source.name === `docker:${filter.container}` || (filter.container.length >= 4 && (source.container?.id.startsWith(filter.container) ?? false));
}

/** The providers the configuration turns on (off ones are absent, so their names get a "turned off" error). */
export function createSourceRegistry(config: SourcesConfig, env: NodeJS.ProcessEnv = process.env, wrapRead?: SourceReadWrapper): SourceRegistry {
  const providers: LogSourceProvider[] = [];
  const journalPaths = config.journalDirs.length + config.journalFiles.length;
  if (config.journal !== 'off' || journalPaths > 0) {
    providers.push(new JournalProvider({ journalctl: config.journalctl, local: config.journal, directories: config.journalDirs, files: config.journalFiles, env, ...(config.legacyDecoder ? { legacyDecoder: config.legacyDecoder } : {}) }));
  }
  const docker = dockerProvider(config, env);
  if (docker) providers.push(docker);
  return new SourceRegistry(providers, wrapRead);
}
