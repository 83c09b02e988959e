// One statement whose value the masker caught whole on some lines and in part, or not at all, on others
// (patterns/masked-chunks.ts): made-up lines of the kind, the real lines that showed it, and neighbours that must stay
// apart.
import assert from 'node:assert/strict';
import { maskedValueMatch } from '../../../servers/logs/patterns/masked-chunks';
import { assertApart, assertOneEvent, minedAlone } from '../../support/mined-templates';

describe('masked chunks: a value masked whole and in part is one value', () => {
  it('reads a value the user hid in part (`<*>:xx:xx:xx`) as the masked value of the same statement', () => {
    const lines = [
      'Starting access point on channel 6',
      'peer 3c:22:fb:10:aa:01 port 7: session opened (slot 4)',
      'peer 3c:22:fb:10:aa:02 port 7: session opened (slot 5)',
      'peer 3c:22:fb:10:aa:03 port 7: session opened (slot 6)',
      'peer 74:38:b7:xx:xx:xx port 7: session opened (slot 2)',
    ];
    assertOneEvent(minedAlone(lines), [1, 2, 3, 4], 'a MAC address hidden in part');
    // hostapd (batch 8's Hostapd): a report whose author hid the last three bytes of a station's address.
    const hostapd = [
      'STA d0:73:d5:21:7b:1f IEEE 802.11: authenticated',
      'STA d0:73:d5:21:a2:56 IEEE 802.11: authenticated',
      'STA 98:de:d0:ad:6f:b3 IEEE 802.11: authenticated',
      'STA 74:38:b7:xx:xx:xx IEEE 802.11: authenticated',
      'STA 74:38:b7:xx:xx:xx IEEE 802.11: associated (aid 2)',
      'STA a0:20:a6:02:6d:c6 IEEE 802.11: associated (aid 14)',
    ];
    const templates = minedAlone(hostapd);
    assertOneEvent(templates, [0, 1, 2, 3], 'authenticated');
    assertOneEvent(templates, [4, 5], 'associated');
  });

  it("reads an address printed without letters in the masked value's frame (`[::]:XXXX` / `[<*>]:XXXX`) as one value", () => {
    const lines = [
      'Starting scheduler on core 0',
      'Listening to incoming peer connections on [0.0.0.0]:XXXX (session.cc:404)',
      'Listening to incoming peer connections on [192.168.1.5]:XXXX (session.cc:404)',
      'Listening to incoming peer connections on [::]:XXXX (session.cc:404)',
    ];
    assertOneEvent(minedAlone(lines), [1, 2, 3], 'an IPv6 address of colons only');
  });

  it('reads a value printed empty after its glued key (`peers:`) as the value of the same statement', () => {
    const lines = [
      'Starting scheduler on core 0',
      'raft current leader 192.168.0.107:9333 peers:192.168.0.107:9333',
      'raft current leader 192.168.0.108:9333 peers:',
    ];
    assertOneEvent(minedAlone(lines), [1, 2], 'an empty value');
  });

  it('keeps apart a whole word where the other lines hold a value, and masked chunks of other frames', () => {
    // `worker [main:loop]` beside `worker [<*>]`: words in the frame are as often the statement's own (the counts decide).
    const worker = minedAlone(['Starting scheduler on core 0', 'worker [1] started ok', 'worker [2] started ok', 'worker [3] started ok', 'worker [main:loop] started ok']);
    assertApart(worker, [1, 4], 'a word in the frame');
    // `user=<*>` and `group=<*>`: a field's key is the statement's own.
    const owner = minedAlone(['Starting scheduler on core 0', 'set owner user=1001 on file', 'set owner user=1002 on file', 'set owner group=20 on file', 'set owner group=21 on file']);
    assertApart(owner, [1, 3], 'two keys');
  });

  // slot22, re-reading the rule: the chunks were read from the first token on, so a mark before it (memcached's `<` for
  // a request read, `>` for a reply sent, a diff's `+`/`-`) was not compared, and a reply printed with an empty value
  // joined the requests' template: the direction vanished.
  it('keeps apart templates whose text before the first token differs, a value printed empty or not', () => {
    const frames = minedAlone(['Starting scheduler on core 0', '> sent frame to peers:1 on link', '> sent frame to peers:2 on link', '< sent frame to peers: on link', '< sent frame to peers: on link']);
    assertApart(frames, [1, 3], 'a direction mark before the first token');
    // The same mark on both sides still joins the value printed empty (`peers:` / `peers:<*>`).
    const same = minedAlone(['Starting scheduler on core 0', '> sent frame to peers:1 on link', '> sent frame to peers:2 on link', '> sent frame to peers: on link']);
    assertOneEvent(same, [1, 2, 3], 'one mark, a value printed empty');
  });

  it('matches a masked chunk against a chunk only where each <*> stands for no word', () => {
    assert.equal(maskedValueMatch('[<*>]:XXXX', '[::]:XXXX'), true);
    assert.equal(maskedValueMatch('peers:<*>', 'peers:'), true);
    assert.equal(maskedValueMatch('<*>', '<*>:xx:xx:xx'), true);
    assert.equal(maskedValueMatch('<*>:', ':'), true);
    assert.equal(maskedValueMatch('<*>', 'localhost'), false);
    assert.equal(maskedValueMatch('[<*>]', '[main]'), false);
    assert.equal(maskedValueMatch('user=<*>', 'group=<*>'), false);
    assert.equal(maskedValueMatch('<*>:latest', '<*>:preview'), false);
    assert.equal(maskedValueMatch('<*>-<*>', '-'), true);
    assert.equal(maskedValueMatch('<*>-<*>', 'a'), false);
  });
});
