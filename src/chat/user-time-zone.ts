// The user's time zone, as the window they look at has it. The extension host runs where the workspace is (Remote-SSH,
// a container, code-server in a browser), often in UTC while the person is in Seoul: "today" in the host's zone is
// yesterday for them until 09:00. The chat webview runs in the user's window, so its zone is theirs; it says it in
// `ready`, and the last one said is kept for the next window (a palette question may come before the webview loads).
import type * as vscode from 'vscode';

const STATE_KEY = 'devopsAssistant.userTimeZone';
/** IANA names are short ("America/Argentina/ComodRivadavia" is among the longest); anything longer is not one. */
const MAX_ZONE_CHARS = 64;

/** Whether `zone` is a time zone name this runtime can format dates in (e.g. "Asia/Seoul", "UTC"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > MAX_ZONE_CHARS) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class UserTimeZone {
  private reported: string | undefined;

  constructor(
    /** Where the zone outlives the window (globalState); without it the zone is known only once the chat has loaded. */
    private readonly state?: Pick<vscode.Memento, 'get' | 'update'>,
    /** The extension host's own zone, used until the user's window has said its zone. */
    private readonly hostZone: () => string = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  ) {}

  /** Records the zone the user's window reported; a name this runtime cannot use is ignored. */
  report(zone: unknown): void {
    if (!isTimeZone(zone)) return;
    this.reported = zone;
    if (zone !== this.state?.get<string>(STATE_KEY)) void this.state?.update(STATE_KEY, zone);
  }

  /** The IANA name "today" is counted in: the user's window's, else the last one it reported, else the host's. */
  get(): string {
    if (this.reported) return this.reported;
    const kept = this.state?.get<string>(STATE_KEY);
    return isTimeZone(kept) ? kept : this.hostZone();
  }
}
