"""Readers and writers shared by satr's evaluation and training-data scripts.

Standard library only. Two formats are defined here (see scripts/TRAINING.md):

seg format: UTF-8, one word a line, its syntactic words joined by '+' in
their surface spelling (removing the '+' gives the word as written); a
blank line ends a sentence; a line starting with '#' is a comment. A line
with an empty segment ('+', 'a++b') is one unsplit word.

ner format: UTF-8, token TAB tag a line, tags O / B-X / I-X (strict IOB2);
a blank line ends a sentence; "# doc" starts a document, "# corpus=NAME"
names the corpus; other "# " lines are comments.

The NER reader (read_ner) is the one scripts/eval-ent uses: it also reads
CoNLL files with space-separated columns, nested tag layers (Wojood),
-DOCSTART- and "$#$" document marks, and maps gold types to satr-ent's
(map_type).
"""
import gzip
import os
import re

# ---------------------------------------------------------------- Arabic

# Vowel marks, shadda, sukun, dagger alef; tatweel.
DIACRITICS = re.compile('[\u064b-\u0652\u0670\u0640]')


def strip_diacritics(s):
    """s without harakat, shadda, sukun, dagger alef and tatweel; a word
    made only of tatweel (used as a dash) is kept as it is."""
    t = DIACRITICS.sub('', s)
    return t if t else s


PROCLITIC_LETTERS = 'وفبلكس'
ENCLITICS = ('ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كما', 'كن', 'ي',
             'ني', 'نا')

# ---------------------------------------------------------------- seg format


def seg_word(segments):
    """The seg-format line of a word given as its segments."""
    return '+'.join(segments)


def parse_seg_line(line):
    """(surface, [segment lengths]) of a seg-format word line."""
    parts = line.split('+')
    if len(parts) > 1 and all(parts):
        return ''.join(parts), [len(p) for p in parts]
    return line, [len(line)]


def read_seg(path):
    """The sentences of a seg file: lists of (surface, [lengths])."""
    sentences, cur = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\r\n')
            if line.startswith('#'):
                continue
            if not line.strip():
                if cur:
                    sentences.append(cur)
                    cur = []
                continue
            cur.append(parse_seg_line(line.strip()))
    if cur:
        sentences.append(cur)
    return sentences


def half_cut(sentences):
    """Index of the first sentence of the second half: the first sentence
    boundary at or after half of the words (integer division)."""
    total = sum(len(s) for s in sentences)
    seen = 0
    for i, s in enumerate(sentences):
        if seen >= total // 2:
            return i
        seen += len(s)
    return len(sentences)


def write_seg(path, sentences, header=()):
    """Writes sentences (lists of seg lines; a str item starting with '#'
    is written as a comment line before the sentence's words)."""
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        for h in header:
            f.write('# %s\n' % h)
        for s in sentences:
            words = [w for w in s if not w.startswith('#')]
            for w in s:
                if w.startswith('#'):
                    f.write(w + '\n')
            if words:
                f.write('\n'.join(words) + '\n\n')


# ---------------------------------------------------------------- NER

SATR_TYPES = ['PER', 'ORG', 'LOC', 'MISC', 'MONEY', 'DATE', 'TIME',
              'PERCENT']
NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC']

PLAIN = {'PER': 'PER', 'PERS': 'PER', 'PERSON': 'PER',
         'ORG': 'ORG', 'ORGANIZATION': 'ORG', 'ORGANISATION': 'ORG',
         'LOC': 'LOC', 'LOCATION': 'LOC', 'GPE': 'LOC',
         'MISC': 'MISC', 'DATE': 'DATE', 'TIME': 'TIME', 'MONEY': 'MONEY',
         'PERCENT': 'PERCENT'}


def _fane_map():
    groups = {
        'PER': 'Politician Athlete Artist Scientist Businessperson Engineer '
               'Lawyer Police Religious_PER Other_PER',
        'ORG': 'Government Non-Governmental Commercial Educational '
               'Entertainment Media Medical-Science Religious_ORG Sports',
        'LOC': 'Nation Population-Center State-or-Province '
               'County-or-District GPE-Cluster Continent Water-Body '
               'Land-Region-Natural Celestial Building-Grounds Airport Path '
               'Subarea-Facility Plant',
        'MISC': 'Group Book Movie Sound Software Hardware Air Land Water '
                'Food Drug Shooting Projectile Blunt Sharp Exploding '
                'Chemical Nuclear',
    }
    return {name.upper(): coarse for coarse, names in groups.items()
            for name in names.split()}


FANE = _fane_map()

TAG = re.compile(r'^([BI])-+(.+)$')
IS_TAG = re.compile(r'^(O|[BI]-.+)$')
MARKS = str.maketrans('', '', '\u200e\u200f\ufeff')
COLS = re.compile(r'[ \t]+')


def clean_type(t):
    return t.strip('`\'"-_ ').upper()


def map_type(t):
    """satr-ent's type for a gold type (cleaned), or None."""
    if t in PLAIN:
        return PLAIN[t]
    if t.startswith('MIS'):
        return 'MISC'
    return FANE.get(t)


def decode(tags):
    """Lenient IOB: [(start, end, raw type)] over token indices."""
    out, cur = [], None
    for i, tag in enumerate(tags + ['O']):
        m = TAG.match(tag)
        if m and m.group(1) == 'I' and cur and cur[2] == clean_type(
                m.group(2)):
            cur[1] = i + 1
            continue
        if cur:
            out.append(tuple(cur))
            cur = None
        if m:
            cur = [i, i + 1, clean_type(m.group(2))]
    return out


class Stats:
    def __init__(self):
        self.odd_tags = {}    # unreadable tag -> count
        self.empty = 0        # tokens empty once marks are taken away


def open_text(path):
    if path.endswith('.gz'):
        return gzip.open(path, 'rt', encoding='utf-8-sig', newline='')
    return open(path, encoding='utf-8-sig', newline='')


def comment(s, cols):
    """Whether a stripped line is a "# " comment (and not the token '#'
    with its tag)."""
    return (s.startswith('# ') and not (
        len(cols) >= 2 and all(IS_TAG.match(c) for c in cols[1:])))


def read_ner(path, doc_sentences, stats):
    """The sentences of a file, [(tokens, [(start, end, type)], doc,
    [dropped raw types])], and whether the file marks its documents."""
    with open_text(path) as f:
        lines = [l.rstrip('\r\n') for l in f]
    if not any(not l.strip(' \t\r') for l in lines):
        lines = pseudo_sentences(lines)
    name = os.path.basename(path).lower()
    sentences = []
    doc, marked = 0, False
    toks, layers = [], []

    def flush():
        if toks:
            kept, dropped = gold_entities(layers)
            sentences.append((list(toks), kept, doc, dropped))
        toks.clear()
        layers.clear()

    for l in lines + ['']:
        s = l.strip(' \t\r')
        if not s:
            flush()
            continue
        cols = COLS.split(s)
        if comment(s, cols):
            if s == '# doc':
                flush()
                doc += 1
                marked = True
            elif s.startswith('# corpus='):
                flush()
                doc += 1
            continue
        if cols[0].startswith('-DOCSTART-'):
            flush()
            doc += 1
            marked = True
            continue
        if cols[0] == '$#$':
            flush()
            doc += 1
            marked = True
            continue
        tok = cols[0].translate(MARKS)
        if not tok:
            stats.empty += 1
            continue
        if len(cols) == 1:
            tags = ['O']
        elif len(cols) > 2 and all(IS_TAG.match(c) for c in cols[1:]):
            tags = cols[1:]
        else:
            tags = [cols[-1]]
        for t in tags:
            if t != 'O' and not TAG.match(t):
                stats.odd_tags[t] = stats.odd_tags.get(t, 0) + 1
        toks.append(tok)
        layers.append(tags)
    # Documents: marks, or chunks of n sentences, or the whole file.
    n = doc_sentences
    if n is None:
        n = 20 if re.search(r'anercorp|fane', name) else 0
    if not marked and n:
        sentences = [(t, g, i // n, x)
                     for i, (t, g, _, x) in enumerate(sentences)]
    return sentences, marked


def read_file(path, doc_sentences, stats):
    """read_ner without the document-mark flag."""
    return read_ner(path, doc_sentences, stats)[0]


def pseudo_sentences(lines):
    """A bare token stream cut after "." or, lacking one, at the first
    entity boundary after 30 tokens."""
    out, n = [], 0
    for l in lines:
        if n >= 30:
            cols = COLS.split(l.strip(' \t\r'))
            if not cols[-1].startswith('I-'):
                out.append('')
                n = 0
        out.append(l)
        n += 1
        if COLS.split(l.strip(' \t\r'))[0].translate(MARKS) == '.':
            out.append('')
            n = 0
    return out


def gold_entities(layers):
    """The outermost entities of kept types over all layers, and the
    raw types dropped."""
    depth = max((len(t) for t in layers), default=0)
    found, dropped = [], []
    for k in range(depth):
        tags = [t[k] if k < len(t) else 'O' for t in layers]
        for s, e, raw in decode(tags):
            typ = map_type(raw)
            if typ is None:
                dropped.append(raw)
            else:
                found.append((s, e, typ))
    kept = []
    for s, e, typ in found:  # outer layers first
        if not any(ks <= s and e <= ke for ks, ke, _ in kept):
            kept.append((s, e, typ))
    return kept, dropped


def iob2(n, entities):
    """Strict IOB2 tags for n tokens from (start, end, type) spans, in
    order; a span overlapping an earlier one is left out. Returns the tags
    and the number left out."""
    tags, left = ['O'] * n, 0
    for s, e, typ in sorted(entities):
        if any(t != 'O' for t in tags[s:e]):
            left += 1
            continue
        tags[s] = 'B-' + typ
        for i in range(s + 1, e):
            tags[i] = 'I-' + typ
    return tags, left
