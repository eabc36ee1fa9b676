"""The corpus's entities, read from the index's term lists (no stored fields, no YAML).

An entity across the corpus is a group of the names the YAML files use: the names are
grouped by `store.identity.group_corpus` (spellings, the corpus's type vote, short
names of people joining the one full name they fit), with canonical names from
`aliases.yaml` applied first. Counts come from term statistics:
mentions = occurrences of the entity's terms in `entity`, articles = documents of
`article_entity`, quotes = occurrences of its speaker names in `speaker`.
Because `aliases.yaml` is applied here, an edit to it takes effect at once.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from store.aliases import AliasTable
from store.hits import EntityRef, EntitySummary
from store.identity import CorpusEntity, NameRecord, group_corpus, keep_apart
from store.index.curate import Counts, curate_groups
from store.index.documents import stored_quotes
from store.index.schema import NO_SPEAKER, SEP


@dataclass
class EntityGroup:
    """One entity of the corpus and the index terms that stand for it."""

    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    keys: list[str] = field(default_factory=list)
    """Terms of the `entity` / `article_entity` fields ("PERSON\\x1fJohn Kerry")."""
    speaker_terms: list[str] = field(default_factory=list)
    """Terms of the `speaker` field (speaker names as quotes give them)."""
    articles: int = 0
    passages: int = 0
    mentions: int = 0
    quotes: int = 0
    also: list[tuple[str, int]] = field(default_factory=list)
    """Entities a short name could also be ("Bush": George W Bush (69), Kate Bush (3))."""

    def summary(self) -> EntitySummary:
        return EntitySummary(
            name=self.name,
            type=self.type,
            aliases=self.alias_list(),
            articles=self.articles,
            mentions=self.mentions,
            quotes=self.quotes,
            also=list(self.also),
        )

    def ref(self) -> EntityRef:
        return EntityRef(self.name, self.type, self.alias_list(), list(self.also))

    def alias_list(self) -> list[str]:
        return sorted(self.aliases - {self.name}, key=str.casefold)


def _field_stats(reader: Any, fieldname: str) -> dict[str, list[int]]:
    """term -> [documents, occurrences] for every term of a field.

    Summed segment by segment: a multi-segment reader's own term walk looks every
    term up again in every segment, which is several times slower."""
    stats: dict[str, list[int]] = {}
    for segment_reader, _ in reader.leaf_readers():
        if fieldname not in segment_reader.schema:
            continue
        for btext, info in segment_reader.iter_field(fieldname):
            term = btext.decode("utf-8")
            entry = stats.get(term)
            if entry is None:
                stats[term] = [info.doc_frequency(), int(info.weight())]
            else:
                entry[0] += info.doc_frequency()
                entry[1] += int(info.weight())
    return stats


def _discount(stats: dict[str, list[int]], term: str, occurrences: int) -> None:
    entry = stats.get(term)
    if entry is not None:
        entry[0] -= 1
        entry[1] -= occurrences


def _discount_deleted(
    reader: Any,
    articles: dict[str, list[int]],
    mentions: dict[str, list[int]],
    speakers: dict[str, list[int]],
) -> int:
    """Term statistics still count deleted documents until their segment is merged:
    take them out. Returns how many headline documents were deleted."""
    deleted_titles = 0
    for segment_reader, _ in reader.leaf_readers():
        if not segment_reader.has_deletions():
            continue
        for docnum in segment_reader.segment().deleted_docs():
            fields = segment_reader.stored_fields(docnum)
            if fields.get("pkind") == "title":
                deleted_titles += 1
                for key in fields.get("entity_keys") or []:
                    _discount(articles, key, 1)
            for key, spans in (fields.get("mentions") or {}).items():
                _discount(mentions, key, len(spans) // 2)
            counted: dict[str, int] = {}
            for quote in stored_quotes(fields):
                term = quote.speaker or NO_SPEAKER
                counted[term] = counted.get(term, 0) + 1
            for term, count in counted.items():
                _discount(speakers, term, count)
    return deleted_titles


def _named(entity: CorpusEntity, given: set[str]) -> str:
    """The entity's name: the grouping's pick, unless the user gave one of its names
    (`aliases.yaml`) and not that one; then the one the user gave, the most used if several."""
    if not given or entity.name.casefold() in given:
        return entity.name
    named = [m for m in entity.members if m.name.casefold() in given]
    return max(named, key=lambda m: (m.articles, m.mentions)).name if named else entity.name


class EntityRegistry:
    """Alias and name lookups over every entity in the index."""

    def __init__(self, reader: Any, table: AliasTable) -> None:
        self.groups: dict[tuple[str, str], EntityGroup] = {}
        self._by_alias: dict[str, list[EntityGroup]] = {}
        self._by_key: dict[str, EntityGroup] = {}
        self._by_speaker: dict[str, EntityGroup] = {}
        self._table = table
        self._read(reader)

    # building ------------------------------------------------------------

    def _group_for(self, entity_type: str, name: str) -> EntityGroup:
        canonical = self._table.canonical(name)
        ident = (canonical.casefold(), entity_type)
        group = self.groups.get(ident)
        if group is None:
            group = self.groups[ident] = EntityGroup(canonical, entity_type)
        group.aliases.update((name, canonical))
        return group

    def _read(self, reader: Any) -> None:
        articles = _field_stats(reader, "article_entity")
        mentions = _field_stats(reader, "entity")
        speakers = _field_stats(reader, "speaker")
        deleted_titles = _discount_deleted(reader, articles, mentions, speakers)
        self.article_count = reader.doc_frequency("kind", "title") - deleted_titles
        self.mention_count = sum(occurrences for _, occurrences in mentions.values())
        self.quote_count = sum(occurrences for _, occurrences in speakers.values())
        counted: dict[str, tuple[int, int, int]] = {}
        for key in sorted(articles.keys() | mentions.keys()):
            in_articles = articles.get(key, [0, 0])[0]
            passages, occurrences = mentions.get(key, [0, 0])
            if in_articles > 0 or passages > 0:
                counted[key] = (max(in_articles, 0), max(passages, 0), max(occurrences, 0))
        written: dict[str, set[str]] = {}
        for btext in reader.lexicon("alias"):
            key, _, alias = btext.decode("utf-8").rpartition(SEP)
            if key in counted:
                written.setdefault(key, set()).add(alias)
        kept_apart = []
        for btext in reader.lexicon("apart"):
            key, _, longer = btext.decode("utf-8").rpartition(SEP)
            kept_apart.append((key.partition(SEP)[2], longer))
        self._group_names(counted, written, kept_apart)
        self._curate(counted)

        for group in self.groups.values():
            spelled = {alias.casefold() for alias in group.aliases}
            group.aliases.update(v for v in self._table.variants(group.name) if v not in spelled)
            apart = self._table.split_from(group.name)
            group.aliases = {a for a in group.aliases if a.casefold() not in apart}
            for alias in group.aliases:
                self._by_alias.setdefault(alias.casefold(), []).append(group)
        for name, (_, count) in speakers.items():
            if name == NO_SPEAKER or count <= 0:
                continue
            quoted = self._speaker_group(name)
            if quoted is None:
                continue
            group = quoted
            group.speaker_terms.append(name)
            group.quotes += count
            self._by_speaker[name] = group

    def _curate(self, key_counts: dict[str, Counts]) -> None:
        """Apply the user's curation (store.index.curate) to the groups just built."""
        curated = curate_groups(list(self.groups.values()), self._table, key_counts)
        self.groups = {(g.name.casefold(), g.type): g for g in curated}
        for group in curated:
            for key in group.keys:
                self._by_key[key] = group

    def _group_names(
        self,
        counted: dict[str, tuple[int, int, int]],
        written: dict[str, set[str]],
        apart: list[tuple[str, str]],
    ) -> None:
        """Group the index's entity terms into the corpus's entities (store.identity)."""
        records: dict[tuple[str, str], NameRecord] = {}
        keys_of: dict[tuple[str, str], list[str]] = {}
        spelled = {key.partition(SEP)[2].casefold() for key in counted}

        def canonical_of(name: str) -> str:
            # renamed to a name no article writes: grouped by its own spelling (the grouping
            # reads spellings: "Labour Party" joins "Labour"), and named after (_group_for)
            canonical = self._table.canonical(name)
            return canonical if canonical.casefold() in spelled else name

        for key, (in_articles, _, occurrences) in counted.items():
            entity_type, _, name = key.partition(SEP)
            canonical = canonical_of(name)
            record = records.get((entity_type, canonical))
            if record is None:
                record = records[(entity_type, canonical)] = NameRecord(canonical, entity_type)
            record.articles += in_articles
            record.mentions += occurrences
            record.aliases.update(written.get(key, ()))
            record.aliases.add(name)
            keys_of.setdefault((entity_type, canonical), []).append(key)
        keep_apart(list(records.values()), ((canonical_of(s), canonical_of(lg)) for s, lg in apart))
        grouping = group_corpus(list(records.values()))
        given = {name.casefold() for name in self._table.canonical_of.values()}
        for entity in grouping.entities:
            group = self._group_for(entity.type, _named(entity, given))
            group.also = entity.also
            for record in entity.members:
                group.aliases.update(record.aliases)
                group.aliases.add(record.name)
                for key in keys_of[record.ident]:
                    in_articles, passages, occurrences = counted[key]
                    group.keys.append(key)
                    group.articles += in_articles
                    group.passages += passages
                    group.mentions += occurrences
                    self._by_key[key] = group

    def _speaker_group(self, name: str) -> EntityGroup | None:
        canonical = self._table.canonical(name)
        candidates = self._by_alias.get(canonical.casefold()) or self._by_alias.get(name.casefold()) or []
        exact = [g for g in candidates if g.name.casefold() == canonical.casefold()]
        for pool in (exact, candidates):
            people = [g for g in pool if g.type == "PERSON"]
            if people or pool:
                return max(people or pool, key=lambda g: g.mentions)
        if self._table.is_dropped(name):
            return None  # not an entity, by the user's word
        group = self._group_for("PERSON", name)
        self._by_alias.setdefault(group.name.casefold(), []).append(group)
        return group

    # lookups ---------------------------------------------------------------

    def speaker_of(self, name: str | None) -> str | None:
        """The canonical name for a quote's speaker as the YAML gives it."""
        if not name:
            return None
        group = self._by_speaker.get(name)
        return group.name if group else self._table.canonical(name)

    def speaker_entity(self, name: str | None) -> EntityGroup | None:
        """The entity a quote's speaker name (as the YAML gives it) stands for."""
        return self._by_speaker.get(name) if name else None

    def display_key(self, key: str) -> EntityGroup | None:
        return self._by_key.get(key)

    def lookup(self, name: str, entity_type: str | None = None) -> list[EntityGroup]:
        """Groups one of whose names or aliases is `name` (any case), most-mentioned first."""
        found = self._by_alias.get(name.strip().casefold(), [])
        if entity_type:
            found = [g for g in found if g.type == entity_type.upper()]
        return sorted(found, key=lambda g: (-g.mentions, -g.quotes, g.name))

    def prefix(self, text: str) -> list[EntityGroup]:
        """Groups with a name or alias starting with `text` (or a word of one starting with it)."""
        needle = text.strip().casefold()
        if not needle:
            return []
        found: dict[int, EntityGroup] = {}
        for alias, groups in self._by_alias.items():
            if alias.startswith(needle) or any(word.startswith(needle) for word in alias.split()):
                for group in groups:
                    found[id(group)] = group
        return sorted(found.values(), key=lambda g: (-g.mentions, -g.quotes, g.name))

    def suggestions(self, text: str, limit: int = 5) -> list[str]:
        """Names close to `text` (prefix or spelling), for "did you mean"."""
        names = [g.name for g in self.prefix(text)[:limit]]
        if len(names) < limit:
            close = difflib.get_close_matches(text.casefold(), list(self._by_alias), n=limit, cutoff=0.75)
            for alias in close:
                for group in self._by_alias[alias]:
                    if group.name not in names:
                        names.append(group.name)
        return names[:limit]

    def summaries(self, entity_type: str | None = None) -> list[EntitySummary]:
        groups = [g for g in self.groups.values() if entity_type is None or g.type == entity_type.upper()]
        groups.sort(key=lambda g: (-g.mentions, -g.quotes, g.name.casefold()))
        return [g.summary() for g in groups]
