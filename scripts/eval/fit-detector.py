"""Refits the article detector from `eval:extract --features` output.

python3 scripts/eval/fit-detector.py FEATURES.jsonl [--l2 0.0003] [--only a,b,c] [--drop a,b]
       [--trees N] [--depth D] [--rate R] [--seed S | --seeds 1-10] [--threshold T] [--errors]
       [--word-l2 0.0001] [--word-min-pages 20] [--write src/core/capture/detector-model.ts]

The detector is a logistic model over the page signals plus, with --trees N,
N small boosted regression trees (depth D) fitted on the logistic model's
residuals: the trees add the interactions a linear model cannot express
(e.g. "many post blocks and no article markup"). Prints 10-fold
cross-validated precision and recall (pages split by a fixed shuffle, --seed
picks another to see how much a difference owes to the split, --seeds A-B
averages the figures over the shuffles A to B; the whole fit, trees
included, is redone inside each fold), then the model fitted
on every page; --write puts that model into the TypeScript module the
detector reads.

--threshold T calls a page an article when its log-odds exceed T (default
0) in the cross-validated figures and in the fitted figures, and folds T into
the written bias, so the detector keeps testing for a score above 0. A
logistic fit puts the line where the two kinds of error cost the same on
the dev set's mix; pick T from the cross-validated figures over several
seeds, never from the fitted ones.

Pages under the detector's minimum word count are left out of fitting: the
detector calls them not-articles before weighing anything, and they count as
such in the cross-validated figures.

The `classWords` signal is a model of its own (class-words.ts): a logistic
model over the words of the page's class and id values (`classWordList`,
each page's words weighing 1/sqrt(their number), L2 --word-l2, words met on
fewer than --word-min-pages pages left out), fitted with scipy. Its score
for a page the main model learns from must come from a words model that
never saw that page, or the main model would trust it far beyond what it
earns on new pages: so the training pages' scores are themselves
cross-validated (five folds inside the training pages), in each of the ten
folds and in the final fit. --write also writes the words model
beside the detector's (detector-words.ts).
"""
import json, sys
from collections import Counter
import numpy as np

args = sys.argv[1:]
path = args[0]


def opt(name, default):
    return args[args.index(name) + 1] if name in args else default


l2 = float(opt('--l2', 0.0003))
n_trees = int(opt('--trees', 0))
depth = int(opt('--depth', 2))
rate = float(opt('--rate', 0.3))
threshold = float(opt('--threshold', 0))
word_l2 = float(opt('--word-l2', 0.0001))
word_min_pages = int(opt('--word-min-pages', 20))
# The words score enters the main model scaled to the size of the other signals (about 0..1).
WORD_SCALE = 0.1
rows = [json.loads(l) for l in open(path) if l.strip()]
WORDS = 'classWordList'
names = [k for k in rows[0] if k not in ('id', 'set', 'type', 'words80', WORDS)]
if '--only' in args:
    names = [n for n in opt('--only', '').split(',') if n]
if '--drop' in args:
    names = [n for n in names if n not in opt('--drop', '').split(',')]
X = np.array([[r.get(k, 0) for k in names] for r in rows], dtype=float)
y = np.array([1.0 if r['type'] == 'article' else 0.0 for r in rows])
short = np.array([r.get('words80', 0) == 1 for r in rows])
word_col = names.index('classWords') if 'classWords' in names and WORDS in rows[0] else None
if word_col is not None:
    from scipy import sparse
    from scipy.optimize import minimize
    # A word met on one page only says nothing about the next page: left out, which also keeps the written table small.
    pages_with = Counter(w for r in rows for w in r[WORDS])
    vocab = {w: i for i, w in enumerate(sorted(w for w, n in pages_with.items() if n >= word_min_pages))}
    cells = [(i, vocab[w], 1 / np.sqrt(len(r[WORDS]))) for i, r in enumerate(rows) for w in r[WORDS] if w in vocab]
    T = sparse.csr_matrix(([c[2] for c in cells], ([c[0] for c in cells], [c[1] for c in cells])), shape=(len(rows), len(vocab)))


def fit_words(idx):
    """The words model on pages `idx`: weights per word, then the bias."""
    A, t = T[idx], y[idx]

    def loss(wb):
        z = A @ wb[:-1] + wb[-1]
        g = 1 / (1 + np.exp(-z)) - t
        value = np.sum(np.logaddexp(0, z) - t * z) / len(t) + 0.5 * word_l2 * wb[:-1] @ wb[:-1]
        return value, np.append(A.T @ g / len(t) + word_l2 * wb[:-1], g.mean())

    return minimize(loss, np.zeros(T.shape[1] + 1), jac=True, method='L-BFGS-B', options={'maxiter': 1000}).x


def word_scores(model, idx):
    return T[idx] @ model[:-1] + model[-1]


def with_word_scores(train, test, seed):
    """X for `train` and `test`, the words column scored by models that never saw the page scored."""
    Xtr, Xte = X[train].copy(), X[test].copy()
    if word_col is None:
        return Xtr, Xte
    inner = np.random.default_rng(seed + 1000).permutation(len(train))
    for part in np.array_split(inner, 5):
        Xtr[part, word_col] = WORD_SCALE * word_scores(fit_words(train[np.setdiff1d(inner, part)]), train[part])
    Xte[:, word_col] = WORD_SCALE * word_scores(fit_words(train), test)
    return Xtr, Xte


def fit_linear(X, y, iters=6000, lr=1.0):
    w = np.zeros(X.shape[1]); b = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        g = p - y
        w -= lr * (X.T @ g / len(y) + l2 * w)
        b -= lr * g.mean()
    return w, b


MIN_LEAF = 20


def fit_tree(X, g, h, d):
    """One Newton-step regression tree on gradients g and hessians h; thresholds at feature quantiles."""
    if d == 0 or len(g) < 2 * MIN_LEAF:
        return {'leaf': float(-g.sum() / (h.sum() + 1.0))}
    best = None
    G, H = g.sum(), h.sum()
    for j in range(X.shape[1]):
        col = X[:, j]
        for t in np.unique(np.quantile(col, np.linspace(0.05, 0.95, 19))):
            left = col <= t
            nl = left.sum()
            if nl < MIN_LEAF or len(g) - nl < MIN_LEAF:
                continue
            gl, hl = g[left].sum(), h[left].sum()
            gain = gl * gl / (hl + 1) + (G - gl) ** 2 / (H - hl + 1) - G * G / (H + 1)
            if best is None or gain > best[0]:
                best = (gain, j, float(t), left)
    if best is None:
        return {'leaf': float(-G / (H + 1.0))}
    _, j, t, left = best
    return {'f': j, 't': t, 'l': fit_tree(X[left], g[left], h[left], d - 1), 'r': fit_tree(X[~left], g[~left], h[~left], d - 1)}


def run_tree(tree, X):
    if 'leaf' in tree:
        return np.full(len(X), tree['leaf'])
    left = X[:, tree['f']] <= tree['t']
    out = np.empty(len(X))
    out[left] = run_tree(tree['l'], X[left])
    out[~left] = run_tree(tree['r'], X[~left])
    return out


def fit(X, y):
    w, b = fit_linear(X, y)
    trees = []
    margin = X @ w + b
    for _ in range(n_trees):
        p = 1 / (1 + np.exp(-margin))
        tree = fit_tree(X, p - y, p * (1 - p), depth)
        trees.append(tree)
        margin = margin + rate * run_tree(tree, X)
    return w, b, trees


def score(model, X):
    w, b, trees = model
    s = X @ w + b
    for tree in trees:
        s = s + rate * run_tree(tree, X)
    return s


def pr(pred, y):
    tp = np.sum(pred & (y == 1)); fp = np.sum(pred & (y == 0)); fn = np.sum(~pred & (y == 1))
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def cross_validate(seed):
    """Each page's verdict from the model fitted on the other nine folds of a shuffle by `seed`."""
    order = np.random.default_rng(seed).permutation(len(rows))
    pred = np.zeros(len(rows), dtype=bool)
    for test in np.array_split(order, 10):
        train = np.setdiff1d(order, test)
        train = train[~short[train]]
        Xtr, Xte = with_word_scores(train, test, seed)
        model = fit(Xtr, y[train])
        pred[test] = (score(model, Xte) > threshold) & ~short[test]
    return pred


if '--seeds' in args:
    first, last = (int(n) for n in opt('--seeds', '').split('-'))
    seeds = list(range(first, last + 1))
else:
    seeds = [int(opt('--seed', 7))]
figures = []
for seed in seeds:
    pred = cross_validate(seed)
    figures.append(pr(pred, y))
    if len(seeds) > 1:
        print(f'  seed {seed}: precision {figures[-1][0]:.3f} recall {figures[-1][1]:.3f}')
cv_p, cv_r = np.mean(figures, axis=0)
over = f'mean over seeds {seeds[0]}-{seeds[-1]}' if len(seeds) > 1 else f'seed {seeds[0]}'
print(f'10-fold CV ({over}): precision {cv_p:.3f} recall {cv_r:.3f}  (l2 {l2}, {n_trees} trees of depth {depth}, rate {rate}, threshold {threshold})')
if '--errors' in args:
    wrong = [rows[i] for i in range(len(rows)) if pred[i] != (y[i] == 1)]
    print('CV errors by gold type (last seed):', Counter(r['type'] for r in wrong))
keep = np.flatnonzero(~short)
Xkeep, Xall = with_word_scores(keep, np.arange(len(rows)), 0)
model = fit(Xkeep, y[keep])
p, r = pr((score(model, Xall) > threshold) & ~short, y)
print(f'fitted on all: precision {p:.3f} recall {r:.3f}')
w, b, trees = model
b -= threshold
for k, v in zip(names, w):
    print(f'  {k}: {v:.2f},')
print(f'BIAS = {b:.2f}')
if trees:
    def named(t):
        if 'leaf' in t:
            return round(rate * t['leaf'], 3)
        return [names[t['f']], round(t['t'], 4), named(t['l']), named(t['r'])]
    print('TREES =', json.dumps([named(t) for t in trees]))

if '--write' in args:
    def named(t):
        if 'leaf' in t:
            return round(rate * t['leaf'], 4)
        return [names[t['f']], round(t['t'], 6), named(t['l']), named(t['r'])]
    lines = [
        '/**',
        ' * The article detector\'s fitted model: written by scripts/eval/fit-detector.py',
        f' * from the extraction dev set (1,449 pages), L2 {l2}, {n_trees} trees of depth {depth}, threshold {threshold}.',
        f' * 10-fold cross-validated ({over}): precision {cv_p:.3f}, recall {cv_r:.3f}. Do not edit by hand; refit.',
        ' */',
        '/** A leaf\'s score, or [feature, threshold, subtree when <= threshold, subtree when above]. */',
        'export type Tree = number | [string, number, Tree, Tree];',
        '',
        'export const WEIGHTS: Readonly<Record<string, number>> = {',
        *[f'  {k}: {v:.4f},' for k, v in zip(names, w)],
        '};',
        f'export const BIAS = {b:.4f};',
        '',
        'export const TREES: readonly Tree[] = [',
        *[f'  {json.dumps(named(t))},' for t in trees],
        '];',
        '',
    ]
    open(opt('--write', ''), 'w').write('\n'.join(lines))
    print('wrote', opt('--write', ''))
    if word_col is not None:
        words = fit_words(keep)
        inverse = {i: w for w, i in vocab.items()}
        kept = sorted((inverse[i], WORD_SCALE * v) for i, v in enumerate(words[:-1]) if abs(WORD_SCALE * v) >= 0.00005)
        target = opt('--write', '').replace('detector-model.ts', 'detector-words.ts')
        open(target, 'w').write('\n'.join([
            '/**',
            ' * The class-words model (class-words.ts): written by scripts/eval/fit-detector.py from the words of',
            f' * the extraction dev set\'s pages, L2 {word_l2}, words on at least {word_min_pages} pages, scaled by {WORD_SCALE} as the',
            ' * detector weighs it. Do not edit by hand; refit.',
            ' */',
            f'export const WORD_BIAS = {WORD_SCALE * words[-1]:.4f};',
            '',
            'export const WORD_WEIGHTS: Readonly<Record<string, number>> = {',
            *[f'  {json.dumps(w)}: {v:.4f},' for w, v in kept],
            '};',
            '',
        ]))
        print('wrote', target, len(kept), 'words')
