#!/usr/bin/env python3
"""pdfcheck.py PAGE.html PAGE.txt: checks that a report printed to PDF lost nothing at the page
edge. PAGE.txt is `pdftotext -layout` of the PDF. Headless Chromium prints a table wider than
the page by cutting it at the right edge, so the words of its last columns are missing from the
PDF's text: every word of the page's body (tags and the head stripped, entities decoded) must
appear in the PDF at least as often as in the HTML (titles of charts, which are not drawn, are
left out). Words are runs of letters and digits; a word
the print layout split across lines (an address broken anywhere) is looked for as the two halves.
Prints the missing words and exits 1 when any is missing. Pure Python."""
import html
import re
import sys
from collections import Counter

WORD = re.compile(r'[A-Za-z0-9]+')


def body_words(text):
    text = re.sub(r'(?is)<head>.*?</head>', ' ', text)
    text = re.sub(r'(?is)<(script|style|title)[^>]*>.*?</\1>', ' ', text)  # an svg's title is not drawn
    text = re.sub(r'<[^>]+>', ' ', text)
    return Counter(WORD.findall(html.unescape(text)))


def main(argv):
    if len(argv) != 2:
        print('usage: pdfcheck.py PAGE.html PAGE.txt')
        return 2
    want = body_words(open(argv[0], encoding='utf-8').read())
    pdf_text = open(argv[1], encoding='utf-8', errors='replace').read()
    got = Counter(WORD.findall(pdf_text))
    joined = re.sub(r'\s+', '', pdf_text)
    missing = {}
    for w, n in want.items():
        if got[w] >= n:
            continue
        # A word split across lines (break-all on addresses) is whole in the text without spaces.
        if joined.count(w) >= n:
            continue
        missing[w] = n - got[w]
    if not want:
        print('FAIL pdf: the page has no words')
        return 1
    if missing:
        shown = ', '.join('%s (%d)' % kv for kv in sorted(missing.items())[:12])
        print('FAIL pdf %s: %d of %d words missing from the PDF (cut at the page edge?): %s' %
              (argv[0], sum(missing.values()), sum(want.values()), shown))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
