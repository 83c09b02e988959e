// An object a program logs through its language's debug form (Rust's `{:?}`, Node's util.inspect, Python's repr) is
// one value, whatever fields, words and nesting it holds (patterns/tokenize.ts: debugStructAt, objectReprAt).
import assert from 'node:assert/strict';
import { tokenize } from '../../../servers/logs/patterns/tokenize';
import { assertOneEvent, minedAlone } from '../../support/mined-templates';

describe('log intelligence: an object printed by a debug formatter is one value', () => {
  it("reads a struct Rust's {:?} or Node's inspect printed, its type's name with it, as one value", () => {
    // Meilisearch (batch 8): `update 370: <progress step> { … }`, an enum's variants holding different fields.
    const meili = minedAlone([
      'update 0: TransformFromUserIntoGenericFormat { documents_seen: 0 }',
      'update 0: ComputeIdsAndMergeDocuments { documents_seen: 0, total_documents: 6 }',
      'Documents external merging took 3.03ms',
      'update 370: MergeDataIntoFinalDatabase { databases_seen: 9, total_databases: 12 }',
      'Writing MTBL sorter...',
      'update 370: MergeDataIntoFinalDatabase { databases_seen: 10, total_databases: 12 }',
    ]);
    assertOneEvent(meili, [0, 1, 3, 5], 'update %d: %?');
    // Linkerd's proxy (h2's frames, batch 12).
    const frames = minedAlone([
      'send frame=Headers { stream_id: StreamId(1), flags: (0x4: END_HEADERS) }',
      'send frame=Data { stream_id: StreamId(1) }',
      'send frame=Data { stream_id: StreamId(3), flags: (0x1: END_STREAM) }',
      'listening on 0.0.0.0:4143',
    ]);
    assertOneEvent(frames, [0, 1, 2], 'send frame=%?');
    assert.deepEqual(tokenize("cache miss for User { id: 7, name: 'ann', roles: [ 'admin' ] }").tokens, ['cache', 'miss', 'for', '<*>']);
    assert.deepEqual(tokenize('cache miss for Group { id: 3, members: [ 1, 2 ], owner: User { id: 1 } }').tokens, ['cache', 'miss', 'for', '<*>']);
    // A message that is one object keeps the name it dumps (text-generation-inference's `Args { … }`): the name is all
    // that tells two such statements apart.
    assert.deepEqual(tokenize('Args { model_id: "bigscience/bloom", revision: None, sharded: Some(false) }').tokens, ['Args', '<*>']);
    // Not a debug print: no type's name before the brace, no blank inside it, a brace left open, a word glued after it.
    assert.notDeepEqual(tokenize('upstream { server: a } applied').tokens, ['upstream', '<*>', 'applied']);
    assert.ok(tokenize('applying Config {server: a} now').tokens.includes('server'));
    assert.ok(tokenize('loaded Config { server: a').tokens.includes('server'));
    assert.ok(tokenize('loaded Config { server: a }x').tokens.includes('server'));
    assert.ok(tokenize('loaded Config { server: a}').tokens.includes('server'));
  });

  it("reads a Python object's repr, which names it by its address, as one value", () => {
    // LiteLLM (batch 21): `callback: %s` of each callback object, a bound method's repr among them.
    const callbacks = minedAlone([
      'callback: <litellm.proxy.hooks.parallel_request_limiter.MaxParallelRequestsHandler object at 0x10fa62da0>',
      'callback: <litellm.proxy.hooks.max_budget_limiter.MaxBudgetLimiter object at 0x10fa62dd0>',
      'callback: <bound method Router.deployment_callback_on_failure of <litellm.router.Router object at 0x10fc362c0>>',
      'Thread started for 4 workers',
    ]);
    assertOneEvent(callbacks, [0, 1, 2], 'callback: %s');
    // supervisord (batch 6): a custom repr that names the object by its id, nested, with words of its own.
    const monitoring = [
      'fd 7 closed, stopped monitoring <POutputDispatcher at 39415392 for <Subprocess at 38594752 with name webserver in state STARTING> (stdout)>',
      'fd 9 closed, stopped monitoring <PInputDispatcher at 140406952237464 for <Subprocess at 140406952304720 with name website-worker in state RUNNING> (stdin)>',
    ];
    assert.deepEqual(tokenize(monitoring[0]).tokens, tokenize(monitoring[1]).tokens);
    // cloud-init (batch 9): a repr in parentheses, which stay the statement's text.
    const lock = tokenize('Running config-x using lock (<cloudinit.helpers.DummyLock object at 0x807d72410>)');
    assert.deepEqual(lock.tokens, ['Running', 'config-x', 'using', 'lock', '<*>']);
    assert.equal(lock.seps[3], ' (');
    // Not a repr: angle brackets without an address, an address outside them, brackets left open.
    assert.deepEqual(tokenize('press <Enter> to go on').tokens, ['press', 'Enter', 'to', 'go', 'on']);
    assert.ok(tokenize('mail from <bob@example.com> at 10:00').tokens.includes('at'));
    assert.ok(tokenize('peer <node at 0x7f1 said hello').tokens.includes('node'));
  });

  it('reads an object printed as its class and its address in parentheses (Qt, Perl) as one value', () => {
    // Mixxx (batch 21): Qt's QDebug of the QObject an event went to, with its object name when it has one.
    const events = minedAlone([
      'Processing QEvent::Show for object WSingletonContainer(0x5aa8df7c9da0, name = "Library") running in thread: "Main" took 67 ms',
      'Processing QEvent::Show for object MixxxMainWindow(0x7ffcbaab69b0) running in thread: "Main" took 23 ms',
      'Processing QEvent::Show for object WWidgetStack(0x5aa8df5be590, name = "WidgetStack (main)") running in thread: "Main" took 23 ms',
      'Processing QEvent::Show for object OpenGLWindow(0x5aa8e35aece0) running in thread: "Main" took 12 ms',
      'Loading skin from /usr/share/mixxx/skins/LateNight',
    ]);
    assertOneEvent(events, [0, 1, 2, 3], 'Processing %s for object %s');
    // SpamAssassin (batch 6): Perl's stringified code reference.
    assert.deepEqual(tokenize('check: tagrun - tag HAMMYTOKENS is now ready, value: CODE(0x560baecc6878)').tokens.slice(-2), ['value', '<*>']);
    // Not an address: a flag's few hex digits, a call whose parentheses stay open or hold something else first.
    assert.ok(tokenize('mode set(0x1) done').tokens.includes('set'));
    assert.ok(tokenize('object Widget(0x5aa8df7c9da0 running').tokens.includes('Widget'));
    assert.ok(tokenize('object Widget(main, 0x5aa8df7c9da0) shown').tokens.includes('Widget'));
  });

  it('reads a number and its name glued after it in parentheses as one value (FFmpeg, a SIP status)', () => {
    // Moonlight (batch 23): FFmpeg's h264 parser, `nal_unit_type: %d(%s), nal_ref_idc: %d`, the name from the code.
    const units = minedAlone([
      'nal_unit_type: 7(SPS), nal_ref_idc: 3',
      'nal_unit_type: 8(PPS), nal_ref_idc: 3',
      'nal_unit_type: 5(IDR), nal_ref_idc: 3',
      'nal_unit_type: 5(IDR), nal_ref_idc: 3',
      'Received first audio packet after 900 ms',
    ]);
    assertOneEvent(units, [0, 1, 2, 3], 'nal_unit_type: %d(%s)');
    assert.equal(units[0], 'nal_unit_type: <*>, nal_ref_idc: <*>');
    // Asterisk (batch 4): a SIP status and its reason phrase; made-up lower-case and hyphenated names.
    assert.deepEqual(tokenize('Received REGISTER response 200(OK)').tokens, ['Received', 'REGISTER', 'response', '<*>']);
    assert.deepEqual(tokenize('printer-state 3(idle) now').tokens, ['printer-state', '<*>', 'now']);
    assert.deepEqual(tokenize('reconcile 5(connector-watch) done').tokens, ['reconcile', '<*>', 'done']);
    // Not a code and its name: letters before the parenthesis, several words in it, text glued after it.
    assert.ok(tokenize('retry 3(x y) left').tokens.includes('x'));
    assert.ok(tokenize('call v2(main) done').tokens.includes('main'));
    assert.ok(tokenize('slot 12(ab)c free').tokens.includes('ab'));
  });

  it('reads a negative or hexadecimal code and its name glued after it as one value, as a plain number and its name', () => {
    // Made-up (rev27a), the neighbours of `%d(%s)`: a call's negative errno (`-2(ENOENT)`, as kernels and drivers print
    // it) and a register's or state's hexadecimal code (`%#x(%s)`). Read as a number and a word they split one statement
    // into one template per name, while `2(ENOENT)` was one value.
    assert.equal(new Set(minedAlone(['open failed: -2(ENOENT)', 'open failed: -13(EACCES)', 'open failed: -2(ENOENT)', 'open failed: -21(EISDIR)'])).size, 1);
    assert.equal(new Set(minedAlone(['reg 0x1f(CTRL) written', 'reg 0x20(STATUS) written', 'reg 0x1f(CTRL) written', 'reg 0x21(DATA) written'])).size, 1);
    assert.deepEqual(tokenize('ioctl returned -1(EPERM)').tokens, ['ioctl', 'returned', '<*>']);
    assert.deepEqual(tokenize('device status 0x01(BUSY)').tokens, ['device', 'status', '<*>']);
    // Still not a code and its name: a word with a dash or letters before the parenthesis, a sign or `0x` alone.
    assert.ok(tokenize('call x-1(main) done').tokens.includes('main'));
    assert.ok(tokenize('call 0xg1(main) done').tokens.includes('main'));
    assert.ok(tokenize('mark -(main) done').tokens.includes('main'));
    assert.ok(tokenize('mark 0x(main) done').tokens.includes('main'));
  });

  it("reads a binary Erlang's ~p printed, cut or whole, as one value", () => {
    // ejabberd (batch 5): the XML it sends, a different stanza each time.
    const sent = minedAlone([
      `Send XML on stream = <<"<?xml version='1.0'?><stream:stream xmlns='jabber:client' id='1064' from='example.net' version='1.0'>">>`,
      `Send XML on stream = <<"<stream:features><c xmlns='http://jabber.org/protocol/caps' hash='sha-1'/></stream:features>">>`,
      'Send XML on stream = <<"</stream:stream>">>',
      'Accepted connection 10.0.0.1:5222 -> 10.0.0.2:41230',
    ]);
    assertOneEvent(sent, [0, 1, 2], 'Send XML on stream = %p');
    // EMQX (batch 12): a payload the printer cut (`"...>>`), with escaped quotes inside.
    assert.deepEqual(tokenize('PUBLISH to t/1: <<"{\\"account\\":\\"401070\\",\\"command\\":\\"Lo"...>>').tokens, ['PUBLISH', 'to', 't/1', '<*>']);
    // Not a binary: one left open, or glued to a word after it.
    assert.ok(tokenize('got <<"abc here').tokens.includes('abc'));
    assert.ok(tokenize('got <<"abc">>x here').tokens.includes('abc'));
  });

  it('reads a list of quoted strings, of one item or of many and however long, as one value', () => {
    // A Rust set printed with {:?} (`{"a"}`, `{}` when empty) and a JSON array of option names far longer than a bare
    // list is read for: each item is quoted, so the list is data however many items it holds.
    const plugins = minedAlone([
      'Loading editor plugins {}',
      'Loading editor plugins {"plugin-svelte"}',
      'Loading editor plugins {"plugin-svelte"}',
      'Loading editor plugins {"plugin-svelte", "plugin-astro"}',
      'Loading editor plugins {}',
      'Loading editor themes {"dark"}',
    ]);
    assertOneEvent(plugins, [0, 1, 2, 3, 4], 'Loading editor plugins %?');
    const names = Array.from({ length: 30 }, (_, i) => `"Option${String.fromCharCode(65 + (i % 26))}${i}Setting"`);
    const pipeline = minedAlone([
      `encoder pipeline [${names.join(',')}]`,
      `encoder pipeline [${names.slice(3).reverse().join(',')}]`,
      `encoder pipeline ["${'x'.repeat(300)}"]`,
      'encoder ready in 3 ms',
    ]);
    assertOneEvent(pipeline, [0, 1, 2], 'encoder pipeline %s');
    // Not a list of strings: a JSON object's field keeps its key, and a bracketed word or an unclosed quote stays text.
    assert.deepEqual(tokenize('set {"mode": 1}').tokens, ['set', 'mode', '<*>']);
    assert.deepEqual(tokenize('state [ready] reached').tokens, ['state', 'ready', 'reached']);
    assert.ok(tokenize('got ["abc here').tokens.includes('abc'));
  });
});
