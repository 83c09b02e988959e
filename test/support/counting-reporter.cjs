// Mocha's spec output plus a small JSON file of counts, so scripts/test-all.mjs can add up
// every suite (unit, servers, extension host, UI) into one closing line.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.TEST_RESULTS_FILE;
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (!file) return;
      const { passes, failures, pending } = runner.stats ?? this.stats;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ passes, failures, pending }));
    });
  }
}
module.exports = CountingReporter;
