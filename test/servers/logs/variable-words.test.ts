// isVariableWord reads a word in place (no regular expression, no string made for it): it must answer exactly as the
// regular expressions it replaced, which are kept here as the specification.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isVariableWord, tokenize } from '../../../servers/logs/patterns/tokenize';

const FILE_NAME = /^[\w.-]+\.(?:exe|dll|so|jar|war|py|js|ts|log|txt|conf|cfg|xml|json|ya?ml|ini|properties|sh|bat|ps1|class|java|c|cc|cpp|h|go|rs|rb|php|html?|css|png|jpe?g|gif|zip|gz|tgz|tar|pid|lock|sock|db|sqlite|tmp|bak|out|err|csv|dat|bin|img|iso|pdf|docx?|xlsx?|sys|msi|apk|deb|rpm)$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?$/;
const HOST_NAME = /^(?:[A-Za-z0-9-]+\.){2,}(?:com|net|org|edu|gov|mil|int|info|biz|io|co|uk|de|nl|fr|jp|kr|cn|ru|br|au|ca|it|es|se|ch|pl|in|tw|hk|sg|local|lan|internal|localdomain|arpa)(?::\d+)?$/i;

/** The specification: what isVariableWord answered when it was written with the regular expressions above. */
function specified(word: string): boolean {
  const length = word.length;
  if (length < 2) return false;
  if (FILE_NAME.test(word)) return true;
  const first = word.charCodeAt(0);
  if (first === 47 && word.charCodeAt(1) !== 47) return true;
  // slot26: `//` and a name's character, `:`, `.` or `@` (a UNC path, a URL without its scheme, a build target's label).
  if (/^\/\/[\w:.@]/.test(word)) return true;
  // slot26: `directory/name.extension`, one slash, an extension of a letter and up to five letters or digits.
  if (/^\w[\w.-]*\/\w[\w.-]*\.[A-Za-z][A-Za-z0-9]{0,5}$/.test(word)) return true;
  // slot26: names parted by `/`, the first of two characters or more, and a tag after one `:` (`linuxserver/radarr:preview`).
  if (/^[A-Za-z][\w.-]+(?:\/[\w.-]+)+:[\w.-]*[A-Za-z0-9]$/.test(word)) return true;
  if ((first === 46 || first === 126) && word.charCodeAt(1) === 47) return true;
  if (length > 2 && word[1] === ':' && word[2] === '\\') return true;
  if (/^.+:\/\//.test(word)) return true;
  const count = (c: string) => word.split(c).length - 1;
  const digits = (word.match(/\d/g) ?? []).length;
  const hexLike = /^[0-9a-fA-F:./@]*$/.test(word);
  const at = word.lastIndexOf('@');
  if (count('/') >= 2 && digits + count('.') > 0 && !word.includes('//')) return true;
  if (at > 0 && at < length - 3 && word.indexOf('.', at) > at) return true;
  // slot20: a name at a host without a domain (`couchdb@localhost`).
  if (at > 0 && /^[\w.-]+@[\w.-]*[A-Za-z][\w.-]*$/.test(word)) return true;
  if (digits > 0 && hexLike && count(':') >= 2) return true;
  if (hexLike && count(':') >= 2 && word.includes('::')) return true;
  if (digits > 0 && count('.') === 3 && IPV4.test(word)) return true;
  // slot22: two names joined by one `/`, each with a lower-case letter, one with a `-`, `_` or digit (`kube-system/coredns`).
  const pair = /^([A-Za-z][\w.-]*)\/([A-Za-z][\w.-]*)$/.exec(word);
  if (pair && /[a-z]/.test(pair[1]) && /[a-z]/.test(pair[2]) && /[-_\d]/.test(word)) return true;
  if (count('.') >= 2) return HOST_NAME.test(word);
  return /^localhost(?::\d{1,5})?$/i.test(word);
}

/** Words made of the pieces these rules look at, so that the interesting cases are common. */
const piece = fc.constantFrom('a', 'f', 'x', 'Z', '0', '7', '12', '.', ':', '::', '/', '//', '@', '-', '_', '\\', 'com', 'ORG', 'io', 'local', 'log', 'JSON', 'tar', 'gz', 'é', ' ', 'localhost', 'LocalHost', '123456');
const word = fc.array(piece, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(''));

describe('log intelligence: whole-word variables read in place', () => {
  it('isVariableWord answers as the regular expressions it replaced, on words built from the pieces they test', () => {
    fc.assert(fc.property(word, (w) => assert.equal(isVariableWord(w), specified(w), w)), { numRuns: 20_000, seed: 13 });
  });

  it('known words: addresses, host names, files and paths are variables; class names and versions are not', () => {
    for (const w of ['10.0.0.1', '10.0.0.1:8080', 'db-1.example.com', 'db-1.example.com:5432', 'app.LOG', 'a/b/1', 'bob@mail.example.org', 'fe80::1', '::', 'C:\\x', 'http://h/a', 'localhost:8443', 'localhost', 'couchdb@localhost', 'nonode@nohost', 'rabbit@node-1', 'kube-system/coredns', 'csg-gateway/csggateway-app-1', 'backend_api/resin_api_1', 'image/x-png', '//s/a', '//python:bin', '//:tool_usage', '//x.x.x.x/serverpath', '//www.google.com:443', '//lib/private/.', 'layouts/_navbar.html.erb', 'locales/en.json', 'style/style.min.css', 'src/MdeExtensionHandler.py', 'video/clip.mp4', 'linuxserver/radarr:preview', 'zebra/zebra_ptm.c:1345', 'tags/v3.12.9:fdb8142']) assert.equal(isVariableWord(w), true, w);
    for (const w of ['com.example.Main', '1.2.3', '10.0.0.1.5', 'a.b', '.log', 'example.com', 'x:y', 'db..example.com', 'localhostx', 'localhost:123456', 'user@', 'foo@3', 'a@b@c', 'x@y/z', 'I/O', 'read/write', 'text/html', 'DVB-T/T2', 'UPnP/NAT-PMP', 'mDNS/DNS-SD', 'a/-b', '//', '///', '//-', '// ', '1/2.5', 'a/.b', 'a/b.', 'a/b.abcdefg', 'S/N:1929E2142EF1', 'ab/c:', 'ab/:d', 'ab/c:d/e']) assert.equal(isVariableWord(w), false, w);
  });

  it('a variable word inside a message is masked in place, with the same tokens as the word alone', () => {
    assert.deepEqual(tokenize('connected to db-1.example.com:5432 as bob@mail.example.org').tokens, ['connected', 'to', '<*>', 'as', '<*>']);
    assert.deepEqual(tokenize('wrote app.log (12 KB) and notes.txt').tokens, ['wrote', '<*>', 'and', '<*>']);
    // An Erlang node's name (CouchDB, batch 8; Riak, batch 10): which node, however few a file names.
    assert.deepEqual(tokenize('changes listener died on nonode@nohost').tokens, tokenize('changes listener died on couchdb@localhost').tokens);
    // HAProxy (batch 2): a backend's server, `backend/server`, whichever the line names.
    assert.deepEqual(tokenize('Server csg-gateway/csggateway-app-2 is UP.').tokens, tokenize('Server vpn-tunnel/balena_vpn is UP.').tokens);
  });

  // slot26: Bazel (batch 22) prints its targets' labels, `//package/path:target`, where a path would be: `Target
  // //python:bin up-to-date:`, `//s/a    PASSED in 3.6s`. Every studied word opening with `//` and a name was a value
  // (Bazel's labels, Tdarr's `//x.x.x.x/serverpath`, MySQL's `//lib/private/.`, Forwarder's `CONNECT //www.google.com:443`).
  it('a word opening with `//` and a name is a path, a URL without its scheme or a build target (Bazel labels)', () => {
    assert.deepEqual(tokenize('Target //python:bin up-to-date:').tokens, tokenize('Target //:tool_usage up-to-date:').tokens);
    assert.deepEqual(tokenize('Target //python:bin up-to-date:').tokens, ['Target', '<*>', 'up-to-date']);
    assert.deepEqual(tokenize('//s/a                         PASSED in 3.6s').tokens, tokenize('//s/d                        PASSED in 5.6s').tokens);
    assert.deepEqual(tokenize('Path translator: Checking Node path: //x.x.x.x/').tokens, tokenize('Path translator: Checking Node path: //nas/media').tokens);
    // A comment's marks, alone or doubled, stay text.
    assert.deepEqual(tokenize('// TODO check this').tokens, ['//', 'TODO', 'check', 'this']);
    assert.deepEqual(tokenize('/// docs').tokens, ['///', 'docs']);
  });

  // slot26: Rails (batch 8) names each partial it renders by a path of one directory, `layouts/_navbar.html.erb` (`.erb`
  // is no known extension), where other lines name one by a longer path (`theme/views/_header.html.erb`) that was a
  // value already: the time after it, `(0.4ms)`, is that value's annotation on the ones and a token on the others, so
  // one statement took two lengths. Ghost's `locales/en.json`, Jupyter's `style/style.min.css` alike.
  it('a relative path of one directory to a file is a value whatever its extension (Rails partials)', () => {
    const rendered = ['Rendered layouts/_navbar.html.erb (0.4ms)', 'Rendered theme/views/_header.html.erb (3.7ms)', 'Rendered shared/_footer.html.erb (3.6ms)'];
    for (const line of rendered) assert.deepEqual(tokenize(line).tokens, ['Rendered', '<*>'], line);
    assert.deepEqual(tokenize('Loaded locales/en.json').tokens, tokenize('Loaded public/index.html').tokens);
    // Two words parted by a slash stay words.
    assert.deepEqual(tokenize('read/write access').tokens, ['read/write', 'access']);
  });

  // slot26: Watchtower (batch 13) names the image it pulls by its reference, `repository:tag`; the `:` split it into a
  // path and a tag word the statement seemed to hold, so `:latest` and `:preview` lines were two events.
  it('names parted by `/` with a tag after `:` are one value (image references, a source file and its line)', () => {
    assert.deepEqual(tokenize('Pulling linuxserver/radarr:preview for /radarr_alvin').tokens, ['Pulling', '<*>', 'for', '<*>']);
    assert.deepEqual(tokenize('Pulling v2tec/watchtower:latest for /watchtower').tokens, tokenize('Pulling linuxserver/sonarr:preview for /sonarr').tokens);
    assert.deepEqual(tokenize('error at zebra/zebra_ptm.c:1345').tokens, ['error', 'at', '<*>']);
    // A label and its value keep the label (smartd's serial number).
    assert.deepEqual(tokenize('Device: /dev/sda, S/N:1929E2142EF1').tokens.slice(-2), ['S/N', '<*>']);
  });
});
