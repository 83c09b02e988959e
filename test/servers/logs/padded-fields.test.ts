// The fields a console formatter pads after the message (format/padded-fields.ts): cut as the logfmt and JSON forms of
// the same record keep them out of the message. Real lines from the excerpts of public bug reports, with neighbours
// whose fields are the message's own and must stay.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { paddedFieldsStart } from '../../../servers/logs/format/padded-fields';

describe('padded trailing fields', () => {
  it("Navidrome: logrus's TTY form gives the message its logfmt form gives", () => {
    // Navidrome (batch 6): the same statements written by logrus as logfmt and, on a terminal, padded to 44 characters.
    const lines = [
      'time="2025-04-22T21:49:05Z" level=info msg="Mounting LastFM Auth routes" path=/api/lastfm',
      'time="2025-04-22T21:49:05Z" level=info msg="Mounting WebUI routes" path=/app',
      'time="2025-04-22T21:49:05Z" level=info msg="Creating backgrounds cache" maxSize="100 MB" path=/data/cache/backgrounds',
      'INFO[0000] Mounting LastFM Auth routes                   path=/api/lastfm',
      'INFO[0000] Mounting WebUI routes                         path=/app',
      'INFO[0000] Creating backgrounds cache                    maxSize="100 MB" path=/var/lib/navidrome/cache/backgrounds',
    ];
    const parser = createLineParser(lines, { referenceTime: Date.UTC(2026, 10, 30) });
    assert.deepEqual(lines.map((line) => parser.parse(line).message), [
      'Mounting LastFM Auth routes',
      'Mounting WebUI routes',
      'Creating backgrounds cache',
      'Mounting LastFM Auth routes',
      'Mounting WebUI routes',
      'Creating backgrounds cache',
    ]);
  });

  it('fields written with one space, or followed by more text, are the message\'s own', () => {
    assert.equal(paddedFieldsStart('Checking for jobs... received                       job=14796 repo_url=http://192.168.0.24/x.git runner=d87fcd19'), 29);
    assert.equal(paddedFieldsStart('Mounting WebUI routes path=/app'), -1);
    assert.equal(paddedFieldsStart('Listen address not defined  metrics=off and more words'), -1);
    assert.equal(paddedFieldsStart('  job=1'), -1);
    // PAM (Loghub's Linux and OpenSSH): its own double space between two of its fields.
    assert.equal(paddedFieldsStart('authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=112.95.230.3  user=root'), -1);
  });
});
