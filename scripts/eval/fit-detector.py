"""Refits the article detector's logistic weights from `eval:extract --features` output.

python3 scripts/eval/fit-detector.py FEATURES.jsonl [--l2 0.0003]

Prints 10-fold cross-validated precision and recall (pages stratified by a
fixed shuffle), then the weights fitted on every page, to paste into
src/core/capture/detect.ts. Pages under the detector's minimum word count are
left out: the detector calls them not-articles before weighing anything, and
they count as such in the cross-validated figures.
"""
import json, sys
import numpy as np

path = sys.argv[1]
l2 = float(sys.argv[sys.argv.index('--l2') + 1]) if '--l2' in sys.argv else 0.0003
rows = [json.loads(l) for l in open(path) if l.strip()]
names = [k for k in rows[0] if k not in ('id', 'set', 'type', 'words80')]
X = np.array([[r[k] for k in names] for r in rows], dtype=float)
y = np.array([1.0 if r['type'] == 'article' else 0.0 for r in rows])
short = np.array([r.get('words80', 0) == 1 for r in rows])


def fit(X, y, iters=20000, lr=1.0):
    w = np.zeros(X.shape[1]); b = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        g = p - y
        w -= lr * (X.T @ g / len(y) + l2 * w)
        b -= lr * g.mean()
    return w, b


def pr(pred, y):
    tp = np.sum(pred & (y == 1)); fp = np.sum(pred & (y == 0)); fn = np.sum(~pred & (y == 1))
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


rng = np.random.default_rng(7)
order = rng.permutation(len(rows))
folds = np.array_split(order, 10)
pred = np.zeros(len(rows), dtype=bool)
for k in range(10):
    test = folds[k]
    train = np.setdiff1d(order, test)
    train = train[~short[train]]
    w, b = fit(X[train], y[train])
    pred[test] = (X[test] @ w + b > 0) & ~short[test]
p, r = pr(pred, y)
print(f'10-fold CV: precision {p:.3f} recall {r:.3f}  (l2 {l2})')
keep = ~short
w, b = fit(X[keep], y[keep])
p, r = pr((X @ w + b > 0) & ~short, y)
print(f'fitted on all: precision {p:.3f} recall {r:.3f}')
for k, v in zip(names, w):
    print(f'  {k}: {v:.2f},')
print(f'BIAS = {b:.2f}')
