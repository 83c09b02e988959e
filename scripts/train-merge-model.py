# Trains the learned merge model (servers/logs/patterns/merge-model.ts) from a dump of
# `scripts/merge-signals.ts --pairs` (the candidate pairs of the merge pass with their features, and every template's
# lines with their true events): logistic regression (L2, Newton's method: deterministic, numpy only), label = the
# two templates' lines are one true event; the threshold is the one that gives the training systems the highest mean
# GA when the pass joins (transitively) the pairs scored at or above it. Validation: leave one batch out (model and
# threshold fitted on the other batches, GA of the left-out batch's systems before -> after). A study tool: the
# product reads only the written TS module and never runs this.
# Usage: python3 scripts/train-merge-model.py DUMP.json [--cv] [--write servers/logs/patterns/merge-model.ts] [--complete]
#        [--gbt] (also cross-validates a gradient-boosted tree ensemble, sklearn, for comparison only)
import collections, json, sys
import numpy as np

import os
# --complete: join groups only when every pair across was accepted (tried in learn35: LOBO -0.002, 11 up 11 down,
# with candidates of 3+ shared words and no two UPPER_CASE constants; the pass joins transitively, as by default here).
SINGLE = "--complete" not in sys.argv
L2 = 1.0
THRESHOLDS = [round(0.30 + 0.025 * i, 3) for i in range(28)]  # 0.30 .. 0.975


def load(path):
    systems = json.load(open(path))
    names = systems[0]['featureNames']
    for s in systems:
        ev = s['events']
        T = {t['id']: t for t in s['templates']}
        s['size'] = collections.Counter(ev)
        y = []
        for p in s['pairs']:
            es = {ev[n - 1] for n in T[p['a']]['lines']} | {ev[n - 1] for n in T[p['b']]['lines']}
            y.append(1.0 if len(es) == 1 else 0.0)
        s['X'] = np.array([p['features'] for p in s['pairs']], dtype=float).reshape(len(s['pairs']), len(names))
        s['y'] = np.array(y)
    return systems, names


def ga(s, accepted):
    """GA of a system when the accepted pairs (template ids and score) are joined as the pass joins them
    (merge-pass.ts: transitively), or with --complete best score first and only groups whose every pair across was
    accepted."""
    ok = {(a, b) for a, b, _ in accepted} | {(b, a) for a, b, _ in accepted}
    group = {t['id']: t['id'] for t in s['templates']}
    members = {t['id']: [t['id']] for t in s['templates']}
    for a, b, _ in sorted(accepted, key=lambda p: -p[2]):
        ga_, gb = group[a], group[b]
        if ga_ == gb or (not SINGLE and not all((i, j) in ok for i in members[ga_] for j in members[gb])):
            continue
        for i in members[gb]:
            group[i] = ga_
        members[ga_] += members.pop(gb)
    ev = s['events']
    groups = collections.defaultdict(list)
    for t in s['templates']:
        for n in t['lines']:
            groups[group[t['id']]].append(n - 1)
    ok_lines = 0
    for m in groups.values():
        e = ev[m[0]]
        if all(ev[i] == e for i in m) and s['size'][e] == len(m):
            ok_lines += len(m)
    return ok_lines / len(ev) if ev else 1.0


def fit_lr(X, y):
    """Standardized logistic regression, L2 on the weights (not the bias), Newton's method."""
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    w = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], L2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-Z @ w))
        g = Z.T @ (p - y) + reg * w
        H = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return {'mean': mean, 'scale': scale, 'weights': w[:-1], 'bias': w[-1]}


def predict_lr(model, X):
    if len(X) == 0:
        return np.zeros(0)
    z = ((X - model['mean']) / model['scale']) @ model['weights'] + model['bias']
    return 1 / (1 + np.exp(-z))


def accepted_at(s, probs, threshold):
    return [(p['a'], p['b'], q) for p, q in zip(s['pairs'], probs) if q >= threshold]


def choose_threshold(systems, predict):
    probs = [predict(s['X']) for s in systems]
    best = (sum(ga(s, []) for s in systems), float('inf'))
    for t in THRESHOLDS:
        total = sum(ga(s, accepted_at(s, q, t)) for s, q in zip(systems, probs))
        if total > best[0] + 1e-12:
            best = (total, t)
    return best[1]


def fit(systems, kind):
    X = np.vstack([s['X'] for s in systems if len(s['X'])])
    y = np.concatenate([s['y'] for s in systems])
    if kind == 'lr':
        model = fit_lr(X, y)
        predict = lambda X: predict_lr(model, X)
    else:
        from sklearn.ensemble import GradientBoostingClassifier
        gbt = GradientBoostingClassifier(n_estimators=100, max_depth=3, learning_rate=0.1, subsample=1.0, random_state=0).fit(X, y)
        model = gbt
        predict = lambda X: gbt.predict_proba(X)[:, 1] if len(X) else np.zeros(0)
    return model, predict, choose_threshold(systems, predict)


def cross_validate(systems, kind):
    batches = sorted({s['batch'] for s in systems})
    rows = []
    for k in batches:
        train = [s for s in systems if s['batch'] != k]
        test = [s for s in systems if s['batch'] == k]
        _, predict, threshold = fit(train, kind)
        before = np.mean([ga(s, []) for s in test])
        after = np.mean([ga(s, accepted_at(s, predict(s['X']), threshold)) for s in test])
        rows.append((k, len(test), threshold, before, after))
        print(f'  batch {k:2d} ({len(test):2d} systems) threshold {threshold}: {before:.4f} -> {after:.4f} ({after - before:+.4f})', flush=True)
    deltas = [r[4] - r[3] for r in rows]
    print(f'{kind}: mean change {np.mean(deltas):+.4f} per batch; up {sum(d > 1e-9 for d in deltas)}, down {sum(d < -1e-9 for d in deltas)}, same {sum(abs(d) <= 1e-9 for d in deltas)}')
    return rows


def write_ts(path, names, model, threshold, systems):
    fmt = lambda v: repr(float(round(float(v), 6)))
    n_pairs = sum(len(s['pairs']) for s in systems)
    n_pos = int(sum(s['y'].sum() for s in systems))
    batches = sorted({s['batch'] for s in systems})
    lines = [
        '// GENERATED by scripts/train-merge-model.py from a dump of scripts/merge-signals.ts --pairs; do not edit by hand.',
        f'// Trained on {len(systems)} systems of the real excerpts (batches {", ".join(map(str, batches))}), {n_pairs} candidate',
        f'// pairs, {n_pos} of them one true event. Logistic regression over the features of merge-features.ts (standardized).',
        "import { FEATURE_NAMES } from './merge-features';",
        "import type { MergeScorer } from './merge-pass';",
        '',
        '/** Per feature (FEATURE_NAMES order): the training mean, the training standard deviation, the weight. */',
        'const MEAN = [' + ', '.join(fmt(v) for v in model['mean']) + '];',
        'const SCALE = [' + ', '.join(fmt(v) for v in model['scale']) + '];',
        'const WEIGHTS = [' + ', '.join(fmt(v) for v in model['weights']) + '];',
        f'const BIAS = {fmt(model["bias"])};',
        f'const NAMES = {json.dumps(list(names))};',
        '',
        '/** The probability (0..1) that a candidate pair is one event; merged at THRESHOLD or above (the training GA\'s best). */',
        'export function mergeProbability(features: readonly number[]): number {',
        '  let z = BIAS;',
        '  for (let i = 0; i < WEIGHTS.length; i++) z += ((features[i] - MEAN[i]) / SCALE[i]) * WEIGHTS[i];',
        '  return 1 / (1 + Math.exp(-z));',
        '}',
        '',
        f'export const THRESHOLD = {fmt(threshold)};',
        '',
        '/** The model as the miner uses it by default (TemplateMinerOptions.learnedMerge). */',
        'export const MERGE_MODEL: MergeScorer = { score: mergeProbability, threshold: THRESHOLD };',
        '',
        '// The features the model was trained on must be the ones merge-features.ts computes, in its order.',
        'if (NAMES.join() !== FEATURE_NAMES.join()) throw new Error(\'merge-model.ts is stale: run scripts/train-merge-model.py\');',
        '',
    ]
    open(path, 'w').write('\n'.join(lines))


def main():
    args = sys.argv[1:]
    systems, names = load(args[0])
    if '--cv' in args:
        cross_validate(systems, 'lr')
        if '--gbt' in args:
            cross_validate(systems, 'gbt')
    if '--write' in args:
        model, predict, threshold = fit(systems, 'lr')
        print(f'final model: threshold {threshold}; studied GA (in-sample) {np.mean([ga(s, []) for s in systems]):.4f} -> '
              f'{np.mean([ga(s, accepted_at(s, predict(s["X"]), threshold)) for s in systems]):.4f}')
        write_ts(args[args.index('--write') + 1], names, model, threshold, systems)


if __name__ == '__main__':
    main()
