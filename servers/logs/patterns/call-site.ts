// Where in the program a line was printed, when its layout says so: glog/klog's `server.cc:280]`, zap's `"caller":
// "flags/service.go:116"`, logrus' `logSource="pkg/backup/backup.go:378"`, Python's `[api_server.py:573]`, Rust's
// `[src/relay_server.rs:81]`, log4j's `(Config.java:45)`. The miner reads it as the statement's identity (one source
// location prints one statement): see variability.ts mergeSiteFamilies.

/**
 * A source file's name (a path allowed) with a language's source extension, a colon and a line number, standing alone
 * (after the line's start, a space, a bracket, a quote, `=` or `@`; a directory may hold a Go module's version,
 * `grpc@v1.29.1/clientconn.go:1056`; before a closing bracket, a quote, a space, `,`,
 * `:` or the end). Only source extensions: `example.com:443` or `10.0.0.1:80` is an address, not a place in a program.
 */
const SITE = /(?:^|[\s[("'=@])((?:[\w.@+-]+\/)*[\w.-]+\.(?:go|rs|py|c|cc|cpp|cxx|h|hh|hpp|java|kt|scala|js|mjs|cjs|ts|rb|php|ex|exs|erl|cs|swift|lua|pl|pm|dart|zig):\d+)(?=[\])"'\s,:]|$)/;

/** Characters of a line's text outside its message looked at (a header or a record's other fields). */
const MAX_OUTSIDE = 512;

/**
 * The call site (`path/file.ext:line`) the line's header or record fields name, outside its message (`message`, as the
 * miner gets it); undefined when there is none. Only outside the message: a location inside it is what the message
 * reports (a stack frame, a config file's line), not where it was printed.
 */
export function callSite(line: string, message: string): string | undefined {
  let outside: string;
  if (line.endsWith(message)) outside = line.slice(0, Math.min(line.length - message.length, MAX_OUTSIDE));
  else {
    const at = message.length === 0 ? -1 : line.indexOf(message);
    // A record whose message was unescaped (JSON) is not found in its line: its fields are not told from its text.
    if (at < 0) return undefined;
    outside = `${line.slice(0, Math.min(at, MAX_OUTSIDE))}\n${line.slice(at + message.length, at + message.length + MAX_OUTSIDE)}`;
  }
  // Most headers hold no `:` followed by a digit outside a time (`12:00:01`): the regular expression is run only then.
  if (!/[a-z]:\d/.test(outside)) return undefined;
  return SITE.exec(outside)?.[1];
}
