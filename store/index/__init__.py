"""The passage index: schema, writing, reading, the query language, ranking."""
