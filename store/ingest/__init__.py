"""Import: article files (.txt, .jsonl, .html) in, `Article` records and YAML files out.

Stages, one module each: `files` (which files, their text, manifest and
file-name metadata), `layout` (headings, page furniture, standfirst), the
readers `text`, `jsonl` and `html`, `ids` (file-name-safe slugs) and
`pipeline` (matching against the store, extraction, atomic saves).
"""
