"""All YAML reading and writing: articles to files and back, one job a module.

- `load`: YAML text and files to plain data (libyaml, with the event reader of
  `events` as the fast path), the cheap scans an import takes, and the entry points
  that read an article file (`load_article`, `article_from_text`, `check_text`);
- `validate`: a loaded document to an `Article`, every problem with the line it is on;
- `dump`: an `Article` (or any plain document) to YAML text in the files' style;
- `save`: article files written atomically and durably, one or a batch (through
  `store.fileio`: each file fsynced, then one fsync of the folder).

Two YAML 1.1 traps are closed in the loader: only `true`/`false` are booleans
(`speaker: No` is the text "No"), and dates stay text (`published: 2015-09-19` is
"2015-09-19").
"""
